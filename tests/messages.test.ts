import { describe, expect, it } from 'vitest';
import { contactSchema } from '../src/content/schema.js';
import { CONTACT_FIELDS } from '../src/messages.js';

describe('the wording module', () => {
  it('knows the contact fields the schema has, no more and no fewer', () => {
    expect([...CONTACT_FIELDS].sort()).toEqual(Object.keys(contactSchema.shape).sort());
  });
});
