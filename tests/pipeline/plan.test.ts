import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/findings.js';
import { planVariants } from '../../src/pipeline/plan.js';
import { templateIds } from '../../templates/index.js';
import { minimalWith, validate } from '../helpers/content.js';

describe('planVariants', () => {
  it('refuses selectors that each exist but together name no variant, saying what the sheet has', () => {
    // The minimal sheet is an info sheet only; "flyer" is a template all the same.
    const content = validate(minimalWith());
    expect(planVariants(content, { sheets: ['kurz'] }, templateIds)).toHaveLength(1);
    // It built nothing and said "0 built", exit 0.
    expect(() => planVariants(content, { sheets: ['kurz'], templates: ['flyer'] }, templateIds)).toThrow(UsageError);
    expect(() => planVariants(content, { sheets: ['kurz'], templates: ['flyer'] }, templateIds)).toThrow('no variant matches this selection: sheet kurz has locales de and templates infoblatt');
  });
});
