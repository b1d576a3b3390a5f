import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { patchSubsetEncoding } from './font-subset.js';
import { fontDigest, readShapedRuns, type PackedRun, type ShapedRuns, type ShapingUsage } from './shaping-store.js';
import { requireMethods } from './patch-guard.js';

/**
 * Two changes to fontkit's TrueType font class, which react-pdf creates its fonts from (the one
 * fontkit module: scripts/node-bundle.mjs keeps it out of the bundle, so react-pdf and pdfkit
 * share it). A third, a faster encoder for the font subsets pdfkit embeds, is installed from here
 * too (src/font-subset.ts). Tests check the two below: the same bytes with one and two threads
 * (so in any order), no printed word broken without a hyphen, and the same bytes without the cache.
 *
 * 1. A fix. fontkit caches one glyph object per glyph id, with the code points it was first
 *    created for. When pdfkit embeds a subset it creates composite components such as "dotlessi"
 *    or "quoteright" with no code points; a later document that shapes "ı" or "’" gets that cached
 *    object, textkit maps glyphs back to the string by their code points, and the text shifts:
 *    Turkish lines broke in the middle of words whenever another document had been rendered first
 *    in the same thread. A cached glyph whose code points differ from the request is replaced.
 *
 * 2. A cache. Most of react-pdf's time goes into fontkit shaping text runs, and nearly all text is
 *    the same in every region of a sheet. `layout(string, features, …)` is a pure function of the
 *    font and its arguments, so its result is memoised per font: a paragraph shaped for Hamburg is
 *    reused for Kiel. Callers get fresh arrays (textkit slices and rescales them) that share the
 *    glyph objects, which nothing mutates. INFOBLATT_SHAPING_CACHE=off turns it off.
 *    Before shaping, a run is looked up among those earlier processes shaped (shaping-store.ts):
 *    a fresh process then starts with most of its text already shaped. Every run this thread
 *    shapes or takes from there is handed on once (takeUsedRuns) for the main thread to keep.
 */

interface GlyphRun {
  glyphs: Glyph[];
  positions: Array<Record<string, number>>;
}
interface Glyph {
  id: number;
  codePoints: number[];
}
interface Font {
  stream: { buffer: Uint8Array };
  variationCoords: unknown;
  _glyphs: Record<number, Glyph | undefined>;
}
interface FontProto {
  layout(this: object, text: string, features?: unknown, script?: string, language?: string, direction?: string): GlyphRun;
  getGlyph(this: { _glyphs: Record<number, Glyph | undefined> }, id: number, characters?: number[]): Glyph | null;
}

const MAX_ENTRIES_PER_FONT = 20_000;
const caches = new WeakMap<object, Map<string, GlyphRun>>();
let installed = false;

/** Runs earlier processes shaped (read on the first miss), and those this thread used since it last handed them on. */
let stored: ShapedRuns | undefined;
let used: ShapedRuns = {};
let usage: ShapingUsage = { reused: 0, shaped: 0 };
const digests = new WeakMap<object, string | null>();

/** The runs this thread shaped or reused since the last call, and how many of each, for the main thread to keep. */
export function takeUsedRuns(): { runs: ShapedRuns; usage: ShapingUsage } {
  const taken = { runs: used, usage };
  used = {};
  usage = { reused: 0, shaped: 0 };
  return taken;
}

/** A static font's digest; null for a variable instance (its glyphs depend on more than the bytes). */
function digestOf(font: Font): string | null {
  let digest = digests.get(font);
  if (digest === undefined) digests.set(font, (digest = font.variationCoords ? null : fontDigest(font.stream.buffer)));
  return digest;
}

function pack(text: string, run: GlyphRun): PackedRun {
  const chars = Array.from(text, (c) => c.codePointAt(0)!);
  const simple = run.glyphs.length === chars.length && run.glyphs.every((g, i) => g.codePoints.length === 1 && g.codePoints[0] === chars[i]);
  const offsets = run.positions.some((p) => p.yAdvance || p.xOffset || p.yOffset) ? run.positions.flatMap((p) => [p.yAdvance ?? 0, p.xOffset ?? 0, p.yOffset ?? 0]) : 0;
  return [run.glyphs.map((g) => g.id), run.positions.map((p) => p.xAdvance ?? 0), simple ? 0 : run.glyphs.map((g) => g.codePoints), offsets];
}

/** fontkit's GlyphRun as textkit reads it: glyphs (from the font, as fontkit makes them) and positions. */
function unpack(font: FontProto & Font, text: string, [ids, xAdvances, codePoints, offsets]: PackedRun): GlyphRun {
  const chars = codePoints ? undefined : Array.from(text, (c) => c.codePointAt(0)!);
  return {
    glyphs: ids.map((id, i) => font.getGlyph(id, codePoints ? codePoints[i] : [chars![i]!])!),
    positions: xAdvances.map((xAdvance, i) => ({
      xAdvance,
      yAdvance: offsets ? offsets[3 * i]! : 0,
      xOffset: offsets ? offsets[3 * i + 1]! : 0,
      yOffset: offsets ? offsets[3 * i + 2]! : 0,
    })),
  };
}

const sameCodePoints = (a: number[], b: number[]) => a.length === b.length && a.every((cp, i) => cp === b[i]);

export function patchFontkit(anyFontFile: string): void {
  if (installed) return;
  installed = true;
  const font = fontkit.create(readFileSync(anyFontFile));
  const proto = Object.getPrototypeOf(font) as FontProto;
  requireMethods('fontkit', proto, ['getGlyph', 'layout']);
  patchSubsetEncoding(font as unknown as Parameters<typeof patchSubsetEncoding>[0]);

  const getGlyph = proto.getGlyph;
  proto.getGlyph = function (id, characters = []) {
    const cached = this._glyphs[id];
    if (cached && characters.length > 0 && !sameCodePoints(cached.codePoints, characters)) delete this._glyphs[id];
    return getGlyph.call(this, id, characters);
  };

  if (process.env.INFOBLATT_SHAPING_CACHE === 'off') return;
  const layout = proto.layout;
  proto.layout = function (text, features, script, language, direction) {
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    const key = `${direction ?? ''}\u0001${script ?? ''}\u0001${language ?? ''}\u0001${features === undefined ? '' : JSON.stringify(features)}\u0001${text}`;
    let run = cache.get(key);
    if (!run) {
      const font = this as FontProto & Font;
      const digest = digestOf(font);
      const packed = digest ? (stored ??= readShapedRuns())[digest]?.[key] : undefined;
      if (packed) {
        run = unpack(font, text, packed);
        usage.reused++;
      } else {
        run = layout.call(this, text, features, script, language, direction);
        usage.shaped++;
      }
      if (digest) (used[digest] ??= {})[key] = packed ?? pack(text, run);
      if (cache.size >= MAX_ENTRIES_PER_FONT) cache.clear();
      cache.set(key, run);
    }
    const copy = Object.create(Object.getPrototypeOf(run)) as GlyphRun;
    return Object.assign(copy, run, { glyphs: run.glyphs.slice(), positions: run.positions.map((p) => ({ ...p })) });
  };
}
