import path from 'node:path';
import { z } from 'zod';
import { schemas, type SchemaName } from './schema.js';

/**
 * JSON Schemas for editors, generated from the one zod schema (never maintained by hand), and the
 * `# yaml-language-server: $schema=…` line that ties a content file to its schema. The schemas
 * live inside the content folder (schema/), so a content folder copied anywhere still validates
 * in the editor without paths that leave it.
 */

export const SCHEMA_DIR = 'schema';

export function jsonSchemas(): Record<SchemaName, unknown> {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, { title: `infoblatt ${name} file`, ...z.toJSONSchema(schema, { io: 'input' }) }]),
  ) as Record<SchemaName, unknown>;
}

export function schemaFileText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Which schema a content file follows, by its place in the tree (relative to the content folder). */
export function schemaFor(relative: string): SchemaName | undefined {
  const parts = relative.split(/[\\/]/);
  if (parts.length === 1 && parts[0] === 'brand.yaml') return 'brand';
  if (parts.length === 2 && parts[0] === 'regions' && parts[1]!.endsWith('.yaml')) return 'region';
  if (parts.length === 3 && parts[0] === 'sheets') {
    if (parts[2] === 'sheet.yaml') return 'sheet';
    if (parts[2] === 'translations.lock.yaml') return 'translations-lock';
    if (/^[a-z]{2,3}(?:-[A-Z]{2})?\.yaml$/.test(parts[2]!)) return 'sheet-text';
  }
  return undefined;
}

/** The first line of a content file at `relative`, pointing at its schema inside the content folder. */
export function schemaLine(relative: string): string | undefined {
  const name = schemaFor(relative);
  if (!name) return undefined;
  const up = path.posix.relative(path.posix.dirname(relative.split(path.sep).join('/')), `${SCHEMA_DIR}/${name}.schema.json`);
  return `# yaml-language-server: $schema=${up}`;
}
