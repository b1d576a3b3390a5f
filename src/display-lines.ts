import type { Style } from '@react-pdf/types';
import { wholeWhereItFits, type Hyphenate } from './hyphenation.js';
import type { FaceName } from './fonts.js';
import type { Measure } from './text-measure.js';

/**
 * Display lines: titles, headlines, headings and kickers, set by rules of their own (whole words,
 * balanced lines, no short word alone at the end, breaks where a reader pauses) before react-pdf
 * lays them out. Templates call displayLine with their style's font; the result says where
 * react-pdf may break.
 */

/** How to set a display text (title, headline, heading, kicker) over `width` pt. */
export interface DisplayLine {
  /** Whole words; only a word wider than the line is hyphenated. */
  breaks: Hyphenate;
  /** The text with its last two words held together, where they fit (see holdLastWords). */
  text: (text: string) => string;
}

/** The type of a display text, as its style sets it: bold unless said, no letter spacing unless said. */
export interface DisplayFont {
  fontSize: number;
  face?: FaceName;
  /** Points added after every character (a kicker's spaced capitals). */
  letterSpacing?: number;
}

export function displayLine(hyphenate: Hyphenate, measure: Measure, font: DisplayFont, width: number): DisplayLine {
  const widthOf = displayWidth(measure, font);
  return {
    breaks: displayHyphenation(hyphenate, measure, font, width),
    // (Spaces around a quoted title would print as an indent: no-break spaces once joined.)
    text: (raw) => { const text = raw.trim(); return keepOnOneLine(text, widthOf, width) ?? breakInTwo(text, widthOf, width) ?? breakInLines(text, widthOf, width) ?? holdLastWords(text, (tail) => widthOf(tail) <= width * TAIL_SHARE); },
  };
}

/** The DisplayFont a style sets: its size, its weight as a face, its letter spacing. */
const WEIGHTS: Record<string, number> = { thin: 100, ultralight: 200, light: 300, normal: 400, medium: 500, semibold: 600, demibold: 600, bold: 700, ultrabold: 800, heavy: 900 };
export function displayFontOf(style: Style): DisplayFont {
  const given = style.fontWeight;
  const weight = typeof given === 'number' ? given : given === undefined ? 400 : Number.isFinite(Number(given)) ? Number(given) : WEIGHTS[String(given)] ?? 400;
  return { fontSize: Number(style.fontSize), face: weight >= 700 ? 'bold' : weight >= 600 ? 'semibold' : 'regular', letterSpacing: Number(style.letterSpacing ?? 0) };
}

const displayWidth = (measure: Measure, { fontSize, face = 'bold', letterSpacing = 0 }: DisplayFont) =>
  (text: string) => measure(text, { fontSize, face }) + letterSpacing * [...text].length;

/**
 * A display text a hair too wide for one line stays on one line, tightened: a typesetter tightens
 * a headline rather than break it for a point or two. "Zoom-Meeting und Datenschutz" is 1.8 pt
 * (0.6 %) wider than the title's line; react-pdf takes that from its word spaces and, by a
 * twentieth of a point each, from its letters. Body text, ragged or justified, gets nothing of
 * the kind (line-breaks.ts: glueShrink): there a tightened line stands out against its neighbours.
 */
const DISPLAY_TIGHTENING = 0.01;

/**
 * The text with its spaces made no-break spaces (so react-pdf sets one line and tightens it to
 * the width), if it is wider than `width` by at most DISPLAY_TIGHTENING of it.
 */
function keepOnOneLine(text: string, measure: (text: string) => number, width: number): string | undefined {
  const natural = measure(text);
  return natural > width && natural <= width * (1 + DISPLAY_TIGHTENING) && text.includes(' ') ? text.replace(/ /g, '\u00a0') : undefined;
}

/**
 * A display text that takes two lines is broken where a reader pauses, as a typesetter breaks a
 * headline: not after a short word that leads into the next ("Sicher dabei in / Zoom-Meetings",
 * "Zoom meetings and / data protection"), gladly before one ("Safe and sound / in IG Metall Zoom
 * meetings") or after a dash or colon ("Betriebsratswahl 2026 – / so geht's"), and else with lines
 * of similar length. Where no other break fits, the short word stays at the end ("Sicher dabei in
 * / Zoom-Meetings der IG Metall": "in Zoom-Meetings der IG Metall" is too wide for the flyer).
 * Every other space becomes a no-break space, so react-pdf breaks there only. Texts of three
 * lines and more: breakInLines.
 */
export function breakInTwo(text: string, measure: (text: string) => number, width: number): string | undefined {
  const words = text.split(/ +/);
  if (words.length < 2 || measure(text) <= width) return undefined;
  let best: { at: number; cost: number } | undefined;
  for (let at = 1; at < words.length; at++) {
    const first = words.slice(0, at).join(' ');
    const second = words.slice(at).join(' ');
    const [w1, w2] = [measure(first), measure(second)];
    if (w1 > width || w2 > width) continue;
    // Rules first; then lines of similar length, the first the longer ("pyramid"), as react-pdf's
    // own greedy breaks had it: "IG Metall Zoom toplantılarına / güvenle katılın".
    const cost = shapeCost(w1, w2, width) + breakCost(words, at);
    if (!best || cost < best.cost) best = { at, cost };
  }
  if (!best) return undefined;
  return joinLines(words, [best.at]);
}

/** Where a reader pauses: a break after a short word that leads on costs, one before it or after a dash or colon gains; a last line of one word costs. */
function breakCost(words: readonly string[], at: number): number {
  const ends = words[at - 1]!.split('\u00a0').at(-1)!;
  const starts = words[at]!.split('\u00a0')[0]!;
  return (LEADS_ON.test(ends) ? 1 : 0) - (LEADS_ON.test(starts) ? 0.5 : 0) - (PAUSE.test(ends) ? 1 : 0)
    + (at === words.length - 1 && !words[at]!.includes('\u00a0') ? 0.5 : 0);
}

/** Two lines one above the other: of similar length, the upper the longer. */
const shapeCost = (upper: number, lower: number, width: number) => (0.5 * Math.abs(upper - lower)) / width + (lower > upper ? 0.2 : 0);

/** The words with a space at each break and no-break spaces elsewhere, so react-pdf breaks there only. */
function joinLines(words: readonly string[], breaks: readonly number[]): string {
  return [0, ...breaks].map((from, i) => words.slice(from, breaks[i] ?? words.length).join('\u00a0')).join(' ');
}

/**
 * A display text of three lines or more is broken by the rules of breakInTwo too, in as few
 * lines as it takes: "Homeoffice und mobile Arbeit: / Was gilt bei Arbeitszeit und /
 * Erreichbarkeit?" (react-pdf's greedy breaks) becomes "… Arbeitszeit / und Erreichbarkeit?".
 * Undefined where a word is wider than the line (react-pdf divides it) or two lines are enough.
 */
export function breakInLines(text: string, measure: (text: string) => number, width: number): string | undefined {
  const words = text.split(/ +/);
  const n = words.length;
  if (n < 3) return undefined;
  const span = new Map<string, number>();
  const widthOf = (from: number, to: number) => {
    const key = `${from}:${to}`;
    let w = span.get(key);
    if (w === undefined) span.set(key, (w = measure(words.slice(from, to).join(' '))));
    return w;
  };
  // Each layer holds, per last line (its first and end word), the least cost of a layout with
  // that many lines so far and where it broke.
  type Step = { cost: number; breaks: number[] };
  let layer = new Map<string, Step>();
  for (let to = 1; to <= n; to++) if (widthOf(0, to) <= width) layer.set(`0:${to}`, { cost: 0, breaks: [] });
  for (let lines = 1; lines <= n; lines++) {
    // The fewest lines first: the first layer that reaches the last word.
    const finished = [...layer.entries()].filter(([k]) => Number(k.split(':')[1]) === n).map(([, step]) => step);
    if (finished.length > 0) return lines < 3 ? undefined : joinLines(words, finished.reduce((a, b) => (b.cost < a.cost ? b : a)).breaks);
    const next = new Map<string, Step>();
    for (const [key, step] of layer) {
      const [from, at] = key.split(':').map(Number) as [number, number];
      for (let to = at + 1; to <= n; to++) {
        if (widthOf(at, to) > width) break;
        const cost = step.cost + shapeCost(widthOf(from, at), widthOf(at, to), width) + breakCost(words, at);
        const k = `${at}:${to}`;
        const old = next.get(k);
        if (!old || cost < old.cost) next.set(k, { cost, breaks: [...step.breaks, at] });
      }
    }
    if (next.size === 0) return undefined;
    layer = next;
  }
  return undefined;
}

/** A short lowercase word (article, preposition, conjunction: "in", "der", "and", "ve") leads into the next. */
const LEADS_ON = /^\p{Ll}{1,3}$/u;
/** A dash or colon ends a phrase. */
const PAUSE = /^[–—:]$|:$/;

/**
 * A display text never ends on one short word alone ("Betriebsratswahl 2026 – so / geht's"): its
 * last two words are joined by a no-break space, so the line before gives one up ("… 2026 – /
 * so geht's"). Only where the two take at most this share of the line: a longer pair could be
 * pushed over the line's width, and a long last word does not look lost alone.
 */
const TAIL_SHARE = 0.5;

export function holdLastWords(text: string, fits: (tail: string) => boolean): string {
  // Words are what react-pdf breaks between: runs of ordinary spaces (a no-break space binds).
  const parts = /^(.*[^ ]) +([^ ]+)$/s.exec(text);
  if (!parts) return text;
  const [, head, last] = parts as unknown as [string, string, string];
  const before = /[^ ]+$/.exec(head)![0];
  return fits(`${before} ${last}`) ? `${head}\u00a0${last}` : text;
}

const displayLines = new WeakMap<Measure, WeakMap<Hyphenate, Map<string, Hyphenate>>>();

/**
 * Hyphenation for a display line: whole words, and only a word wider than the line hyphenated
 * (wholeWhereItFits); one at most DISPLAY_TIGHTENING wider is tightened instead, as are the words
 * keepOnOneLine joins. The same function for the same setting in every document, so the text
 * layout cache knows it again.
 */
function displayHyphenation(hyphenate: Hyphenate, measure: Measure, font: DisplayFont, width: number): Hyphenate {
  let byHyphenate = displayLines.get(measure);
  if (!byHyphenate) displayLines.set(measure, (byHyphenate = new WeakMap()));
  let bySetting = byHyphenate.get(hyphenate);
  if (!bySetting) byHyphenate.set(hyphenate, (bySetting = new Map()));
  const key = `${font.fontSize}/${font.face ?? 'bold'}/${font.letterSpacing ?? 0}/${width}`;
  let h = bySetting.get(key);
  if (!h) {
    const widthOf = displayWidth(measure, font);
    bySetting.set(key, (h = wholeWhereItFits(hyphenate, (word) => widthOf(word) <= width * (1 + DISPLAY_TIGHTENING))));
  }
  return h;
}

/**
 * A text for one line of its own (the running header on later pages), shortened to `width`: words
 * dropped from the end of `text` and "…" set after the last one kept; `tail` (" · IG Metall Region
 * Hamburg") always whole. A long title wrapped the running header onto a second line, which the
 * page's first line of text then overprinted. A point is kept free: `width` is measured without
 * kerning.
 */
export function fitOnOneLine(text: string, tail: string, width: number, measureText: (text: string) => number): string {
  const room = width - 1;
  if (measureText(text + tail) <= room) return text + tail;
  const words = text.split(' ');
  for (let n = words.length - 1; n > 0; n--) {
    const shortened = `${words.slice(0, n).join(' ').replace(/[\s,;:–—-]+$/u, '')}…${tail}`;
    if (measureText(shortened) <= room) return shortened;
  }
  return `…${tail}`;
}
