import { z } from 'zod';
import { schemas } from '../src/content/schema.js';

/** JSON Schemas for editors (YAML language servers), generated from the one zod schema. */
export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, { title: `infoblatt ${name} file`, ...z.toJSONSchema(schema, { io: 'input' }) }]),
  );
}
