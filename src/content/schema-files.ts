import path from 'node:path';
import { LOCALE_FILE, LOCK_FILE } from './ids.js';
import type { SchemaName } from './schema.js';

/**
 * Where the editors' JSON Schemas live and which content file follows which: the
 * `# yaml-language-server: $schema=…` line that ties a file to its schema. The schemas live inside
 * the content folder (schema/), so a content folder copied anywhere still validates in the editor
 * without paths that leave it. Plain strings, no zod: commands that only name files stay light.
 */

export const SCHEMA_DIR = 'schema';

/** Which schema a content file follows, by its place in the tree (relative to the content folder). */
export function schemaFor(relative: string): SchemaName | undefined {
  const parts = relative.split(/[\\/]/);
  if (parts.length === 1 && parts[0] === 'brand.yaml') return 'brand';
  if (parts.length === 2 && parts[0] === 'regions' && parts[1]!.endsWith('.yaml')) return 'region';
  if (parts.length === 3 && parts[0] === 'sheets') {
    if (parts[2] === 'sheet.yaml') return 'sheet';
    if (parts[2] === LOCK_FILE) return 'translations-lock';
    if (LOCALE_FILE.test(parts[2]!)) return 'sheet-text';
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
