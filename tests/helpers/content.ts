import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sortFindings } from '../../src/findings.js';
import { loadContent } from '../../src/pipeline/load.js';
import { validateContent } from '../../src/pipeline/validate.js';
import { templateIds } from '../../templates/index.js';
import { fixtures, tempDir } from './cli.js';

/** A copy of the minimal fixture with some files replaced; returns the content folder. */
export function minimalWith(files: Record<string, string> = {}): string {
  const dir = path.join(tempDir(path.join(fixtures, 'minimal')), 'content');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

export function validate(dir: string) {
  return validateContent(loadContent(dir), templateIds);
}

/** Findings as "file-name:line:column message" for compact assertions. */
export function located(dir: string): string[] {
  return sortFindings(validate(dir).findings).map((f) => `${path.basename(f.file)}:${f.line}:${f.column} ${f.message}`);
}
