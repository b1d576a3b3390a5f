/**
 * A cache around react-pdf's text layout (textkit: shaping, hyphenation, line breaking,
 * justification), which is a third of a warm render. A sheet's paragraphs are the same in every
 * region, so a paragraph laid out for Hamburg at a given width is reused for Kiel.
 *
 * The layout is a pure function of the attributed string (text, font objects, sizes, colours,
 * links …), the container and the options (the hyphenation function). The key spells out all of
 * them: plain values by value, objects such as fonts, images and functions by identity (they live
 * as long as the thread; a different object is a different key, never a wrong hit).
 *
 * Callers get their own arrays, lines, runs, boxes and positions, sharing only what nothing
 * writes to (glyph objects, attribute objects). INFOBLATT_LAYOUT_CACHE=off turns the cache off;
 * =check freezes what it hands out, so a test render fails if react-pdf ever writes to it.
 *
 * scripts/node-bundle.mjs routes react-pdf's one call of the layout engine for <Text> through here.
 */

import { linesTooWide, noteTooWide } from './overflow.js';
import { holdRunts } from './runts.js';

type Engine = (attributedString: AttributedString, container: object, options: object) => Line[][];
interface AttributedString {
  string: string;
  runs: Array<{ start: number; end: number; attributes: Record<string, unknown> }>;
}
type Line = Record<string, unknown>;

const MAX_ENTRIES = 4000;
const mode = process.env.INFOBLATT_LAYOUT_CACHE ?? 'on';
/** A layout and the lines of it that are wider than their box. */
const cache = new Map<string, { lines: Line[][]; tooWide: string[] }>();
const ids = new WeakMap<object, number>();
let nextId = 0;

const identity = (value: object): string => {
  let id = ids.get(value);
  if (id === undefined) ids.set(value, (id = ++nextId));
  return `\u0000#${id}`;
};

const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype || proto === null;
};

/** JSON with every function and non-plain object (font, image buffer …) replaced by its identity. */
const keyOf = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'function') return identity(v);
    if (v !== null && typeof v === 'object' && !isPlain(v)) return identity(v);
    if (v === undefined) return '\u0000undefined';
    if (typeof v === 'number' && !Number.isFinite(v)) return `\u0000${v}`;
    return v;
  });

export function layoutWithCache(engine: Engine, attributedString: AttributedString, container: { width?: number }, options: object): Line[][] {
  const layOut = () => {
    const lines = holdRunts(engine, attributedString, container, options, engine(attributedString, container, options));
    return { lines, tooWide: linesTooWide(lines as unknown as Parameters<typeof linesTooWide>[0], container.width) };
  };
  if (mode === 'off') {
    const { lines, tooWide } = layOut();
    noteTooWide(tooWide);
    return lines;
  }
  const key = keyOf([attributedString.string, attributedString.runs, container, options]);
  let entry = cache.get(key);
  if (!entry) {
    entry = layOut();
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, entry);
  }
  // Every document that lays the text out is told, not only the first (overflow.ts).
  noteTooWide(entry.tooWide);
  const copy = entry.lines.map((paragraph) => paragraph.map(copyLine));
  if (mode === 'check') copy.forEach((paragraph) => paragraph.forEach(freezeLine));
  return copy;
}

/**
 * A line's own structure, copied: the line, its box, its runs (the same copy, recursively) with
 * their glyph, position and index arrays, and the position records. Glyph and attribute objects
 * are shared: nothing writes to them.
 */
function copyLine(line: Line): Line {
  const out: Line = { ...line };
  for (const [k, v] of Object.entries(line)) {
    if (k === 'runs') out.runs = (v as Line[]).map(copyLine);
    else if (k === 'attributes') continue;
    else if (k === 'glyphs') out.glyphs = (v as unknown[]).slice();
    else if (Array.isArray(v)) out[k] = v.map((x: unknown) => (isRecord(x) ? { ...x } : x));
    else if (isRecord(v)) out[k] = { ...v };
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && isPlain(v);

function freezeLine(line: Line): void {
  deepFreeze(line, new Set());
}

/** Freezes plain objects and arrays, not class instances (glyphs and fonts cache things lazily). */
function deepFreeze(value: unknown, seen: Set<unknown>): void {
  if (value === null || typeof value !== 'object' || seen.has(value) || !isPlain(value)) return;
  seen.add(value);
  for (const v of Object.values(value)) deepFreeze(v, seen);
  Object.freeze(value);
}
