import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { UsageError } from './findings.js';

/**
 * The tool's own files (fonts, compiled templates, workers) are found relative to this module,
 * never relative to the content tree or the working directory: `--content` may point anywhere.
 * The module may run from src/ (tests), dist/ or a chunk below dist/, so the root is the nearest
 * folder upwards whose package.json is infoblatt's.
 */
function findToolRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'infoblatt') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the infoblatt package root');
    dir = parent;
  }
}

export const toolRoot = findToolRoot();
export const fontsDir = path.join(toolRoot, 'fonts');
export const distDir = path.join(toolRoot, 'dist');

/** Paths in messages: relative to the working directory when inside it, else absolute. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !leavesFolder(rel) ? rel : file;
}

/** True when `child` is `parent` itself or lies inside it (after resolving `..`). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || !leavesFolder(rel);
}

/** A relative path that climbs out of its folder: "..", "../x", but not a name like "..logo.svg". */
const leavesFolder = (rel: string) => rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);

/**
 * A content folder near a wrong --content: the path's own folders upwards (run from content/regions/,
 * or --content naming a region file), or a "content" folder in the folder or the one it names.
 */
export function contentFolderAround(abs: string): string | undefined {
  const candidates: string[] = [];
  for (let dir = abs; ; dir = path.dirname(dir)) {
    candidates.push(dir, path.join(dir, 'content'));
    if (path.dirname(dir) === dir) break;
  }
  return candidates.find((dir) => dir !== abs && existsSync(path.join(dir, 'brand.yaml')));
}

/**
 * The usage error for a --content that is no folder: named in full ("content" alone does not
 * tell someone in content/regions/ where it was looked for), with a content folder nearby.
 */
export function missingContentFolder(abs: string): UsageError {
  const near = contentFolderAround(abs);
  const what = existsSync(abs) ? `${abs} is a file, not a content folder` : `there is no content folder ${abs}`;
  return new UsageError(`${what} (${near ? `did you mean --content ${displayPath(near)}?` : 'use --content DIR to name the folder with brand.yaml, regions/ and sheets/'})`);
}
