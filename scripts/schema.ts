import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { schemas } from '../src/content/schema.js';

/**
 * JSON Schemas for editors (YAML language servers), generated from the one zod schema in
 * src/content/schema.ts. `npm run schema` rewrites schema/*.schema.json; a test fails while the
 * committed files differ from what the zod schema says.
 */
export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, { title: `infoblatt ${name} file`, ...z.toJSONSchema(schema, { io: 'input' }) }]),
  );
}

export function schemaFileText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1]?.endsWith('schema-writer.mjs')) {
  for (const [name, schema] of Object.entries(jsonSchemas())) writeFileSync(`schema/${name}.schema.json`, schemaFileText(schema));
}
