import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { patchSubsetEncoding } from './font-subset.js';

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
 */

interface GlyphRun {
  glyphs: unknown[];
  positions: Array<Record<string, number>>;
}
interface Glyph {
  codePoints: number[];
}
interface FontProto {
  layout(this: object, text: string, features?: unknown, script?: string, language?: string, direction?: string): GlyphRun;
  getGlyph(this: { _glyphs: Record<number, Glyph | undefined> }, id: number, characters?: number[]): Glyph | null;
}

const MAX_ENTRIES_PER_FONT = 20_000;
const caches = new WeakMap<object, Map<string, GlyphRun>>();
let installed = false;

const sameCodePoints = (a: number[], b: number[]) => a.length === b.length && a.every((cp, i) => cp === b[i]);

export function patchFontkit(anyFontFile: string): void {
  if (installed) return;
  installed = true;
  const font = fontkit.create(readFileSync(anyFontFile));
  const proto = Object.getPrototypeOf(font) as FontProto;
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
      run = layout.call(this, text, features, script, language, direction);
      if (cache.size >= MAX_ENTRIES_PER_FONT) cache.clear();
      cache.set(key, run);
    }
    const copy = Object.create(Object.getPrototypeOf(run)) as GlyphRun;
    return Object.assign(copy, run, { glyphs: run.glyphs.slice(), positions: run.positions.map((p) => ({ ...p })) });
  };
}
