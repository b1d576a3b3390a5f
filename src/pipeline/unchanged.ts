import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../findings.js';
import { isInside } from '../paths.js';
import { toolInfo } from '../tool-info.js';
import type { Selection } from './plan.js';
import { entryFiles, isIntact, MANIFEST, writeAtomic, type ManifestEntry } from './write.js';
import type { BuildOptions, BuildReport, Stage, VariantResult } from './build.js';

/**
 * Stage 0 of a build: is it the very build that last finished here, with nothing changed since?
 * Then its outcome is replayed, without loading, validating or resolving anything (a no-change
 * build in CI or a second `npm start` answers in a fraction of the time).
 *
 * "Nothing changed" is a hash of every input: every file in the content folder (paths and bytes;
 * links by target), the tool's fingerprint (compiled code, templates, fonts, lock file), the
 * request (selection, strict, print, archive), SOURCE_DATE_EPOCH, the content folder as seen
 * from the working folder (findings name paths relative to it), and the manifest as written. The
 * record of it lives in the output folder and is only written after a build that succeeded
 * completely; any other build removes it before it writes anything. A replay also checks that
 * every PDF it reports is still the one written (isIntact: its hash) and that the index page and
 * thumbnails are there. Anything else, and the build runs as usual: per-variant input hashes then
 * decide what to render.
 */

export const STAMP_FILE = '.infoblatt-build.json';

export interface BuildRequest {
  content: string;
  select?: Selection;
  strict?: boolean;
  print?: boolean;
  archive?: boolean;
}

/** What a replay needs of the build it repeats. */
export interface StampedBuild {
  stamp: string;
  /** The variants of that build (their manifest entries), in its order. */
  entries: ManifestEntry[];
  /** Its findings: warnings only, as it succeeded. */
  findings: Finding[];
  /** Findings in files its selection does not read (BuildReport.elsewhere); absent in older records. */
  elsewhere?: Finding[];
  /** Other files it published (index page, thumbnails), relative to the output folder. */
  published: string[];
}

/**
 * The hash of a build's inputs, taken before anything is read for the build itself: a file saved
 * while the build runs then makes the record differ from the next build's hash, never match it.
 * Undefined when there is no fingerprint (a tool that was never compiled) or no content folder.
 */
export function inputsOf(request: BuildRequest): string | undefined {
  const fingerprint = toolInfo().fingerprint;
  const root = path.resolve(request.content);
  if (!fingerprint || !existsSync(root)) return undefined;
  const hash = createHash('sha256').update('infoblatt build inputs 1\0').update(fingerprint);
  const { select, strict, print, archive } = request;
  // The content folder as findings name it: from the working folder when inside it, else in full
  // (paths.ts, displayPath). A checkout moved or cloned elsewhere, out/ with it, still replays;
  // the same content named from another folder does not. The folder as typed is in the hints.
  const cwd = process.cwd();
  const named = isInside(cwd, root) ? path.relative(cwd, root) : root;
  hash.update(JSON.stringify({ root: named, given: request.content, select: select ?? {}, strict: !!strict, print: !!print, archive: !!archive, epoch: process.env.SOURCE_DATE_EPOCH ?? null }));
  try {
    const realRoot = realpathSync(root);
    for (const rel of contentEntries(root)) {
      const file = path.join(root, rel);
      const stat = lstatSync(file);
      hash.update(`\0${rel}\0`);
      if (stat.isSymbolicLink()) {
        hash.update(`-> ${readlinkSync(file)}\0`);
        // The bytes of a linked file inside the content folder count (an edit of the target is an
        // edit); a link out of it is refused by the loader, so such a build is never recorded.
        const target = existsSync(file) ? realpathSync(file) : undefined;
        if (target && isInside(realRoot, target) && statSync(target).isFile()) hash.update(readFileSync(target));
      } else if (stat.isFile()) {
        hash.update(readFileSync(file));
      }
    }
  } catch {
    // Something unreadable (a file without permission, one removed meanwhile): no replay; the
    // build itself reports what is wrong with the content.
    return undefined;
  }
  return hash.digest('hex');
}

/**
 * Every path in the content folder, sorted, without following links to folders: Node 20's
 * recursive readdir follows them, and two links to ".." in a pull request made the walk endless
 * (about 2^40 paths, memory growing, deaf to SIGTERM while it ran).
 */
function contentEntries(root: string): string[] {
  const entries: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? path.join(rel, entry.name) : entry.name;
      entries.push(child);
      if (entry.isDirectory()) walk(child);
    }
  };
  walk('');
  return entries.sort();
}

/** The inputs together with the manifest they produced. */
function stampOf(inputs: string, outDir: string): string | undefined {
  const manifest = path.join(outDir, MANIFEST);
  if (!existsSync(manifest)) return undefined;
  return createHash('sha256').update(inputs).update(readFileSync(manifest)).digest('hex');
}

/** The last build, if it had these inputs and its files are all in place; else undefined. */
export function replayable(inputs: string | undefined, outDir: string): StampedBuild | undefined {
  const file = path.join(outDir, STAMP_FILE);
  if (!inputs || !existsSync(file)) return undefined;
  let last: StampedBuild;
  try {
    last = JSON.parse(readFileSync(file, 'utf8')) as StampedBuild;
  } catch {
    return undefined;
  }
  if (last.stamp !== stampOf(inputs, outDir)) return undefined;
  const written = last.entries.flatMap(entryFiles);
  return written.every((f) => isIntact(outDir, f)) && last.published.every((f) => existsSync(path.join(outDir, f))) ? last : undefined;
}

/** Any build that is not a replay: the record no longer describes the output folder. */
export function forgetBuild(outDir: string): void {
  rmSync(path.join(outDir, STAMP_FILE), { force: true });
}

/** After a build that succeeded completely (only then): what the next identical build replays. */
export function rememberBuild(inputs: string | undefined, outDir: string, build: Omit<StampedBuild, 'stamp'>): void {
  const stamp = inputs && stampOf(inputs, outDir);
  if (stamp) writeAtomic(path.join(outDir, STAMP_FILE), `${JSON.stringify({ stamp, ...build })}\n`);
}

/** The last build's outcome again, every variant unchanged: nothing was loaded or rendered. */
export function replay(last: StampedBuild, options: BuildOptions, started: number, timings: Record<Stage, number>): BuildReport {
  const results = last.entries.map((entry): VariantResult => {
    const { sheet, region, locale, template } = entry;
    const result: VariantResult = { key: { sheet, region, locale, template }, file: entry.file, status: 'unchanged', entry, ms: 0 };
    options.onVariant?.(result);
    return result;
  });
  return {
    results,
    findings: last.findings,
    timings,
    totalMs: performance.now() - started,
    ok: true,
    index: { written: false, thumbnails: 0, failed: [] },
    internalErrors: [],
    outputErrors: [],
    memory: { peakRenderHeapMB: 0, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) },
    replayed: true,
    withdrawn: [],
    manifestUnreadable: false,
    shaping: { reused: 0, shaped: 0 },
    elsewhere: last.elsewhere ?? [],
  };
}
