import { z } from 'zod';
import { schemas, type SchemaName } from './schema.js';

/**
 * JSON Schemas for editors, generated from the one zod schema (never maintained by hand). Which
 * file follows which schema, and the line that says so, are in schema-files.ts.
 */

export function jsonSchemas(): Record<SchemaName, unknown> {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, { title: `infoblatt ${name} file`, ...z.toJSONSchema(schema, { io: 'input' }) }]),
  ) as Record<SchemaName, unknown>;
}

export function schemaFileText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
