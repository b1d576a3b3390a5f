import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { writeAtomic } from './pipeline/write.js';
import { toolInfo } from './tool-info.js';

/**
 * Shaped text kept between runs, in the user's cache folder. Shaping (fontkit turning a paragraph
 * into positioned glyphs) is ~0.3 s of the ~0.9 s a fresh process needs for its first document,
 * and the texts barely change from one build to the next; fontkit-patches.ts looks runs up here
 * before shaping them, and the main thread writes what was used back at the end of a build.
 *
 * Safe to lose, never trusted beyond what it is: a run is a pure function of the font's bytes and
 * the layout call's arguments, entries are keyed by both, and the file belongs to one build of the
 * tool (its fingerprint covers the code, fontkit's version and the fonts). A file that is missing,
 * unreadable, from another tool build or malformed counts as empty; a cache folder that cannot be
 * written is skipped without a word. Output bytes never depend on it (tests/e2e/shaping-cache.test.ts).
 *
 * Where: INFOBLATT_CACHE_DIR, else $XDG_CACHE_HOME/infoblatt, else ~/.cache/infoblatt;
 * INFOBLATT_CACHE_DIR=off keeps nothing.
 */

/**
 * One shaped run, packed: glyph ids, x advances, then the code points of each glyph only where
 * they are not simply the text's own, one per glyph (ligatures, a slice of a hyphenated word),
 * then [yAdvance, xOffset, yOffset] per glyph only where any is non-zero (Latin text: never).
 */
export type PackedRun = [ids: number[], xAdvances: number[], codePoints: number[][] | 0, offsets: number[] | 0];
/** Runs by font (a digest of its bytes), then by the layout call's key. */
export type ShapedRuns = Record<string, Record<string, PackedRun>>;

/** How a thread came by the runs it laid out, each counted once per thread. */
export interface ShapingUsage {
  /** Taken from the cache of earlier runs. */
  reused: number;
  /** Shaped by fontkit. */
  shaped: number;
}

/** What render threads hand to the main thread (fontkit-patches.ts: takeUsedRuns). */
export interface UsedRuns {
  runs: ShapedRuns;
  usage: ShapingUsage;
}

/**
 * The main thread's side: collects what the render threads used and writes it when the renderer
 * closes, or, in a long-lived one (the preview), a moment after the last render that shaped
 * something new. Nothing is written when every run came from the file already.
 */
export class ShapingKeeper {
  readonly usage: ShapingUsage = { reused: 0, shaped: 0 };
  private runs: ShapedRuns = {};
  private unsaved = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly saveAfterMs?: number) {}

  add({ runs, usage }: UsedRuns): void {
    for (const [font, byKey] of Object.entries(runs)) Object.assign((this.runs[font] ??= {}), byKey);
    this.usage.reused += usage.reused;
    this.usage.shaped += usage.shaped;
    if (usage.shaped === 0) return;
    this.unsaved = true;
    if (this.saveAfterMs === undefined) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), this.saveAfterMs).unref();
  }

  save(): void {
    clearTimeout(this.timer);
    if (!this.unsaved) return;
    saveShapedRuns(this.runs);
    this.runs = {};
    this.unsaved = false;
  }
}

interface StoreFile {
  format: typeof FORMAT;
  fonts: ShapedRuns;
}

const FORMAT = 1;
/**
 * Runs kept. A run is a paragraph, heading or label in one face: today's whole matrix (one sheet,
 * 7 regions, 3 languages, 3 templates) uses 268, 320 KB. Every run counts against the first
 * render of each process (reading the file: ~5 ms per 300 KB), so the file keeps what ~20 such
 * sheets need and lets older runs go.
 */
const MAX_RUNS = 5_000;
/** Files of other tool builds kept beside the current one (another checkout may use them). */
const OTHER_BUILDS_KEPT = 2;

export function shapingCacheDir(): string | undefined {
  const configured = process.env.INFOBLATT_CACHE_DIR;
  if (configured === 'off') return undefined;
  if (configured) return path.resolve(configured);
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'infoblatt');
}

function storeFile(): string | undefined {
  const dir = shapingCacheDir();
  const fingerprint = toolInfo().fingerprint;
  // Before the first `npm run build` there is no fingerprint to tie the file to.
  return dir && fingerprint ? path.join(dir, `shaping-${fingerprint.slice(0, 16)}.json`) : undefined;
}

/** What the cache holds for this build of the tool; empty when there is nothing usable. */
export function readShapedRuns(): ShapedRuns {
  const file = storeFile();
  if (!file || !existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreFile>;
    return parsed.format === FORMAT && isRecord(parsed.fonts) ? parsed.fonts : {};
  } catch {
    return {};
  }
}

/**
 * Adds `used` (runs shaped or reused by this build) to the file, last, so that when the file is
 * full the runs no recent build needed go first. Read again just before writing: another build may
 * have added runs since this one started (the last write wins, which may lose runs, never mix them).
 */
export function saveShapedRuns(used: ShapedRuns): void {
  const file = storeFile();
  if (!file || Object.keys(used).length === 0) return;
  try {
    const merged = readShapedRuns();
    for (const [font, runs] of Object.entries(used)) {
      const kept = (merged[font] ??= {});
      for (const [key, run] of Object.entries(runs)) {
        delete kept[key];
        kept[key] = run;
      }
    }
    trim(merged);
    writeAtomic(file, JSON.stringify({ format: FORMAT, fonts: merged } satisfies StoreFile));
    removeOtherBuilds(file);
  } catch {
    // A cache that cannot be written only costs the next run its head start.
  }
}

/** Drops the oldest runs (in insertion order, across fonts) beyond MAX_RUNS. */
function trim(runs: ShapedRuns): void {
  let excess = Object.values(runs).reduce((n, r) => n + Object.keys(r).length, 0) - MAX_RUNS;
  for (const font of Object.keys(runs)) {
    for (const key of Object.keys(runs[font]!)) {
      if (excess-- <= 0) return;
      delete runs[font]![key];
    }
    if (Object.keys(runs[font]!).length === 0) delete runs[font];
  }
}

function removeOtherBuilds(current: string): void {
  const dir = path.dirname(current);
  const others = readdirSync(dir)
    .filter((name) => /^shaping-[0-9a-f]+\.json$/.test(name) && path.join(dir, name) !== current)
    .map((name) => ({ file: path.join(dir, name), mtime: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { file } of others.slice(OTHER_BUILDS_KEPT)) rmSync(file, { force: true });
}

/** A font's identity in the file: its bytes (fonts never change in place, but a name can repeat). */
export function fontDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 24);
}

const isRecord = (v: unknown): v is ShapedRuns => v !== null && typeof v === 'object' && !Array.isArray(v);
