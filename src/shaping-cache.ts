import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

/**
 * Most of react-pdf's time goes into fontkit shaping text runs (OpenType lookups), and nearly all
 * text is the same in every region of a sheet. fontkit's `layout(string, features, …)` is a pure
 * function of the font and its arguments, so its result is memoised per font: a paragraph shaped
 * for Hamburg is reused for Kiel. Callers get fresh arrays (textkit slices and rescales them) that
 * share the immutable glyph objects.
 *
 * This patches the prototype of fontkit's TrueType font class, which react-pdf's font loader
 * creates its fonts from (the same fontkit module; the test suite checks the cache is hit).
 */

interface GlyphRun {
  glyphs: unknown[];
  positions: Array<Record<string, number>>;
}
type Layout = (this: object, text: string, features?: unknown, script?: string, language?: string, direction?: string) => GlyphRun;

const MAX_ENTRIES_PER_FONT = 20_000;
const caches = new WeakMap<object, Map<string, GlyphRun>>();
export const shapingStats = { hits: 0, misses: 0 };
let installed = false;

/** INFOBLATT_SHAPING_CACHE=off renders without the cache (to prove it changes no byte). */
export function installShapingCache(anyFontFile: string): void {
  if (installed || process.env.INFOBLATT_SHAPING_CACHE === 'off') return;
  installed = true;
  const proto = Object.getPrototypeOf(fontkit.create(readFileSync(anyFontFile))) as { layout: Layout };
  const original = proto.layout;
  proto.layout = function layout(text, features, script, language, direction) {
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    const key = `${direction ?? ''}\u0001${script ?? ''}\u0001${language ?? ''}\u0001${features === undefined ? '' : JSON.stringify(features)}\u0001${text}`;
    let run = cache.get(key);
    if (run) shapingStats.hits++;
    else {
      shapingStats.misses++;
      run = original.call(this, text, features, script, language, direction);
      if (cache.size >= MAX_ENTRIES_PER_FONT) cache.clear();
      cache.set(key, run);
    }
    const copy = Object.create(Object.getPrototypeOf(run)) as GlyphRun;
    return Object.assign(copy, run, { glyphs: run.glyphs.slice(), positions: run.positions.map((p) => ({ ...p })) });
  };
}
