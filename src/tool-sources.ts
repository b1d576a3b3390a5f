import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { toolRoot } from './paths.js';
import { toolInfo } from './tool-info.js';

/**
 * What dist/ and tool.json are compiled from (`npm run build`). scripts/build.mjs records each
 * file's digest with this module (an entry of its own in dist/), and a run compares them, so the
 * two sides list and digest files alike.
 */
const SOURCES = ['src', 'templates', 'fonts', 'scripts/build.mjs', 'scripts/node-bundle.mjs', 'scripts/fingerprint.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.types.json'];

/** What is recorded of a source: its digest, and the size and time it had then (a file that keeps both is taken as unchanged). */
export interface SourceRecord {
  digest: string;
  size: number;
  mtimeMs: number;
}

export function recordSource(file: string): SourceRecord {
  const { size, mtimeMs } = statSync(path.join(toolRoot, file));
  return { digest: digestOf(file), size, mtimeMs };
}

const digestOf = (file: string): string => createHash('sha256').update(readFileSync(path.join(toolRoot, file))).digest('hex').slice(0, 32);

/** Editors' swap and backup files, and hidden files, are no sources. */
const isSource = (name: string) => !name.startsWith('.') && !name.endsWith('~') && !name.endsWith('.swp');

/** The source files there are now, by their paths from the tool's folder with "/". */
export function listSources(): string[] {
  return SOURCES.filter((top) => existsSync(path.join(toolRoot, top))).flatMap((top) => {
    const abs = path.join(toolRoot, top);
    if (!statSync(abs).isDirectory()) return [top];
    return readdirSync(abs, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && isSource(e.name))
      .map((e) => path.relative(toolRoot, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  });
}

/**
 * Source files changed, added or removed since dist/ was compiled. Until the next compile a run
 * uses the code as it was compiled, and the fingerprint and glyph lists of the fonts as they were,
 * so an edited template or font would not even count as a change. Only files whose size or time
 * differ from the record are read again. An installed package has no src/ or templates/; its
 * fonts are as packed.
 */
export function changedSinceCompiled(): string[] {
  const { sources } = toolInfo();
  if (!sources) return [];
  const present = listSources();
  const changed = present.filter((file) => {
    const recorded = sources[file];
    if (!recorded) return true;
    const { size, mtimeMs } = statSync(path.join(toolRoot, file));
    // Another size or time (also an older one: a file unpacked or copied with its date) is read again.
    return (size !== recorded.size || mtimeMs !== recorded.mtimeMs) && digestOf(file) !== recorded.digest;
  });
  const files = new Set(present);
  for (const file of Object.keys(sources)) {
    const top = SOURCES.find((t) => file === t || file.startsWith(`${t}/`));
    if (top && !files.has(file) && existsSync(path.join(toolRoot, top))) changed.push(file);
  }
  return changed.sort();
}
