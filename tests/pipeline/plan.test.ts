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

  it('takes --locale as given when a sheet.yaml cannot be read: its finding, not "there is no locale"', () => {
    const content = validate(minimalWith({ 'sheets/kurz/sheet.yaml': 'id: kurz\ndate: 2021-03-09\nsource_locale: de\nlocales: [de]\ntemplates: [infoblatt]\n? [a, b]\n: 1\n' }));
    expect(content.sheets.has('kurz')).toBe(false);
    // It was a usage error (exit 2: 'there is no locale "de"; locales: none') that hid the finding.
    const planned = planVariants(content, { locales: ['de'] }, templateIds);
    expect(planned.map((p) => p.blockedBy.map((f) => f.split('/').slice(-2).join('/')))).toEqual([['kurz/sheet.yaml']]);
  });
});
