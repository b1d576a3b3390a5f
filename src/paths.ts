import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The tool's own files (templates are compiled in, fonts are read from here) are found relative to
 * this module, never relative to the content tree or the working directory: `--content` may point
 * anywhere. The bundle in dist/ and the sources in src/ sit at the same depth, so `..` is the root
 * in both.
 */
export const toolRoot = fileURLToPath(new URL('..', import.meta.url));
export const fontsDir = path.join(toolRoot, 'fonts');

/** Paths in messages: relative to the working directory when inside it, else absolute. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** True when `child` is `parent` itself or lies inside it (after resolving `..`). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
