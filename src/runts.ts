import { breakAddress, breakAtHyphens, keepWhole } from './hyphenation.js';
import { linesTooWide, usedWidth } from './overflow.js';

/**
 * A ragged paragraph does not end on one word alone ("Code mit dem Handy scannen – dort steht alles
 * / ausführlich.", "… to read the full / text."): where its last line holds a single word after a
 * space, that space becomes a no-break space and the paragraph is laid out again, so the line
 * before gives up its last word. Kept only where the paragraph takes no more lines, nothing runs
 * past its box, and the new last line fills at most half the width (a long pair would leave a
 * short line above it, and a long last word does not look lost alone). The same rule the display
 * lines follow (templates: holdLastWords), here for running text, where only the layout knows the
 * lines. In justified text only a short word alone counts ("… findet nicht mehr / statt."), and
 * the tie is kept only where no word space of the paragraph grows past half again its width
 * (taking a word from a justified line widens its spaces). Names, labels and addresses are left
 * alone: their breaks follow their own rules (hyphenation.ts).
 * text-layout-cache.ts calls this for each layout it makes.
 */

interface AttributedString {
  string: string;
  runs: Array<{ attributes: Record<string, unknown> }>;
}
type Line = Record<string, unknown>;
const textOf = (line: Line | undefined): string | undefined => (line === undefined ? undefined : String(line.string ?? ''));

const LAST_LINE_SHARE = 0.5;
/** In justified text, a last word alone is a runt while its line is at most this share full. */
const SHORT_LAST_WORD = 0.15;
/** In justified text, the tie is kept while no word space of the paragraph grows past this (or past the widest it had). */
const MAX_JUSTIFIED_SPACE = 1.5;

interface LaidRun {
  attributes?: { fontSize?: number; font?: Array<{ unitsPerEm?: number }> };
  glyphs?: Array<{ codePoints?: number[]; advanceWidth?: number }>;
  positions?: Array<{ xAdvance?: number }>;
}

/** The widest word space of justified lines, as a multiple of its natural width (Infinity when unknown). */
function widestSpace(lines: readonly Line[]): number {
  let widest = 1;
  for (const line of lines) {
    const string = String(line.string ?? '');
    const trailing = string.length - string.trimEnd().length;
    const runs = (line.runs ?? []) as LaidRun[];
    const spaces: number[] = [];
    for (const run of runs) {
      const scale = (run.attributes?.fontSize ?? 0) / (run.attributes?.font?.[0]?.unitsPerEm ?? 0);
      run.glyphs?.forEach((glyph, i) => {
        if (!glyph.codePoints?.includes(0x20)) return;
        const natural = (glyph.advanceWidth ?? 0) * scale;
        spaces.push(natural > 0 && Number.isFinite(natural) ? (run.positions?.[i]?.xAdvance ?? Infinity) / natural : Infinity);
      });
    }
    // Spaces at the line's end hang in the margin: not stretched, not counted.
    for (const ratio of spaces.slice(0, spaces.length - trailing)) widest = Math.max(widest, ratio);
  }
  return widest;
}
const NOT_PROSE = new Set<unknown>([breakAddress, breakAtHyphens, keepWhole]);

export function holdRunts<S extends AttributedString, L extends Line>(
  engine: (string: S, container: object, options: object) => L[][],
  string: S,
  container: { width?: number },
  options: { hyphenationCallback?: unknown },
  lines: L[][],
): L[][] {
  const width = container.width;
  if (width === undefined || !Number.isFinite(width)) return lines;
  if (NOT_PROSE.has(options.hyphenationCallback)) return lines;
  const justified = string.runs.some((r) => r.attributes.align === 'justify');
  let ties = runtSpaces(string.string, lines);
  // Justified: only a short word alone ("statt."), and only where the lines it joins stay as even.
  if (justified) ties = ties.filter((at) => usedWidth(lines[paragraphOf(string.string, at)]!.at(-1) as never) <= width * SHORT_LAST_WORD);
  for (let attempt = 0; ties.length > 0 && attempt < 2; attempt++) {
    // Indices are UTF-16 offsets, as are the parts of split('').
    const text = string.string.split('');
    for (const at of ties) text[at] = '\u00a0';
    const tied = engine({ ...string, string: text.join('') }, container, options);
    const fine = ties.filter((at) => {
      const k = paragraphOf(string.string, at);
      const before = lines[k];
      const after = tied[k];
      // The whole pair on the last line: not a word divided to make room ("Daten- / schutz… Regelung.").
      const pair = `${/\S*$/.exec(string.string.slice(0, at))![0]}\u00a0${textOf(before?.at(-1))!.trim()}`;
      return before && after && after.length <= before.length && textOf(after.at(-1))!.trim() === pair
        && usedWidth(after.at(-1) as never) <= width * LAST_LINE_SHARE && linesTooWide([after as never], width).length === 0
        && (!justified || widestSpace(after.slice(0, -1)) <= Math.max(MAX_JUSTIFIED_SPACE, widestSpace(before.slice(0, -1))));
    });
    if (fine.length === ties.length) return tied.length === lines.length ? tied : lines;
    ties = fine;
  }
  return lines;
}

/** The space before the last word of each paragraph whose last line holds that word alone. */
function runtSpaces(text: string, lines: Line[][]): number[] {
  const spaces: number[] = [];
  let start = 0;
  text.split('\n').forEach((paragraph, k) => {
    const laid = lines[k];
    const last = textOf(laid?.at(-1))?.trim();
    const previous = textOf(laid?.at(-2));
    const space = paragraph.trimEnd().lastIndexOf(' ');
    // Two lines at least, broken at a space (not inside a word), and the last line is the last word.
    if (last && previous !== undefined && /\s$/.test(previous) && space > 0 && paragraph.slice(space + 1).trim() === last && paragraph.slice(0, space).trim().length > 0) {
      spaces.push(start + space);
    }
    start += paragraph.length + 1;
  });
  return spaces;
}

function paragraphOf(text: string, at: number): number {
  let k = 0;
  for (let i = 0; i < at; i++) if (text[i] === '\n') k++;
  return k;
}
