import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, schemaFileText } from '../../scripts/schema.js';
import { root } from '../helpers/cli.js';

describe('the editors’ JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))('schema/%s.schema.json is what the zod schema generates (run "npm run schema")', (name, schema) => {
    expect(readFileSync(path.join(root, 'schema', `${name}.schema.json`), 'utf8')).toBe(schemaFileText(schema));
  });

  it('describes the region contract: required fields and closed objects', () => {
    const region = jsonSchemas().region as { required: string[]; additionalProperties: boolean; properties: { contact: { required: string[] } } };
    expect(region.required).toEqual(['name', 'contact']);
    expect(region.properties.contact.required).toEqual(['office', 'street', 'postcode', 'city']);
    expect(region.additionalProperties).toBe(false);
  });
});
