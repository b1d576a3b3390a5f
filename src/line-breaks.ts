/**
 * Where a line breaks inside a word, react-pdf's line breaker adds a hyphen. Right for a syllable
 * break; wrong where the word shows its own break: an e-mail or web address that continues after
 * its "@" or "/", or before a "." or "-" that starts the next line (the usual way to break an
 * address: nothing is added that a reader could take for part of it). Only addresses are split at
 * such places (hyphenation.ts: breakAddress); prose is split between letters, so prose keeps its
 * hyphens. A hook in react-pdf's code that scripts/node-bundle.mjs puts in (breakLines in
 * @react-pdf/textkit).
 */
const SHOWS_ITS_BREAK_AFTER = /[@/\-\u2010\s\u00a0]$/;
const SHOWS_ITS_BREAK_BEFORE = /^[.\-_]/;

/** Whether a line that ends inside a word (`before`, then `next` on the next line) gets a hyphen. */
export function hyphenAtBreak(before: string, next: string): boolean {
  return !SHOWS_ITS_BREAK_AFTER.test(before) && !SHOWS_ITS_BREAK_BEFORE.test(next);
}

/**
 * A paragraph's last word is divided only where nothing better is left: else its last line holds
 * a fragment alone ("ap- / plies.", "Datenschutzgrund- / verordnung.", "ilgi- / liydi."), which
 * typesetters avoid (TeX's final hyphen demerits, InDesign's "hyphenate last word" off). Its
 * hyphenation points cost this many times the usual penalty in the line breaker; a text of one
 * word (an address in the contact box) keeps the usual one. A hook in react-pdf's code
 * (getNodes in @react-pdf/textkit), put in by scripts/node-bundle.mjs, as are the others here.
 *
 * Measured on today's matrix: 29 paragraphs ended on a fragment with the usual penalty, 14 at 5
 * times, 7 at 10 (and still 7 at 30: the German poster's "Datenschutzgrund- / verordnung.").
 * Since ragged lines keep their natural spaces and syllable breaks leave three letters a side,
 * none is left at 10.
 */
const LAST_WORD_FACTOR = 10;
/** textkit's word spaces: a syllable of spaces only (two typed in a row are one). */
const isSpace = (syllable: string | undefined) => syllable !== undefined && /^ +$/.test(syllable);

interface FontLike {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

/**
 * The width of the hyphen a divided line ends with, for the line breaker: the font's hyphen at the
 * text's size. textkit counts 5 pt whatever the size, so a divided line of a 40 pt poster headline
 * was laid out 8 pt too wide and its hyphen stood past the margin. A hook in react-pdf's code
 * (getNodes in @react-pdf/textkit).
 */
export function hyphenWidth(attributedString: { runs?: Array<{ attributes?: { font?: unknown; fontSize?: number } }> }): number {
  const attributes = attributedString.runs?.[0]?.attributes;
  const font = Array.isArray(attributes?.font) ? (attributes.font[0] as FontLike | undefined) : undefined;
  if (!font || typeof font.glyphForCodePoint !== 'function') return TEXTKIT_HYPHEN_WIDTH;
  return (font.glyphForCodePoint(0x2d).advanceWidth * (attributes?.fontSize ?? 12)) / font.unitsPerEm;
}
const TEXTKIT_HYPHEN_WIDTH = 5;

/**
 * What the line breaker adds for two lines in a row that end in a divided word: a stack of
 * hyphens at the margin is what a reader's eye trips over (TeX's \doublehyphendemerits).
 * react-pdf's own value, 100, was a hundredth of a single hyphen's cost in justified text (100²)
 * and changed nothing. Measured on the matrix, with the hyphen at its real width: consecutive
 * divided lines in the Turkish info sheets 21 → 7, in the German ones 35 at 40 000 and 28 at
 * 100 000, the same as at 400 000 (14 with INSIDE_A_HYPHENATED_WORD below): German's long
 * compounds leave some justified lines no better way. textkit flags the
 * paragraph's end too, so a divided word on the last line but one costs as much (TeX's
 * \finalhyphendemerits). A hook in react-pdf's code (linebreak in @react-pdf/textkit).
 */
export const DOUBLE_HYPHEN_DEMERITS = 100_000;

/**
 * react-pdf splits words at every change of style as well as at hyphenation points, so a bold or
 * linked word and the punctuation after it ("**important**:") were two parts with a break between
 * them: "important-" at the end of one line, ": apprentices" at the start of the next. A part that
 * is punctuation alone never stands at either side of a break (react-pdf's infinite penalty:
 * no break at all). Found on a walk writing a new sheet.
 */
const NO_BREAK = 10000;
const PUNCTUATION_ONLY = /^[\p{P}\p{S}]+$/u;

/** The penalty for dividing a word at the hyphenation point after `syllables[index]`. */
export function hyphenPenaltyAt(penalty: number, syllables: readonly string[], index: number): number {
  if (PUNCTUATION_ONLY.test(syllables[index] ?? '') || PUNCTUATION_ONLY.test(syllables[index + 1] ?? '')) return NO_BREAK;
  const { lastSpace, hyphenated } = wordsOf(syllables);
  const inside = !HARD_HYPHEN_END.test(syllables[index] ?? '') && hyphenated[index] ? INSIDE_A_HYPHENATED_WORD : 1;
  return (lastSpace >= 0 && index > lastSpace ? penalty * LAST_WORD_FACTOR : penalty) * inside;
}

/**
 * A word with hyphens of its own ("IG-Metall-Beschäftigten", "Social-Media-Kanäle") is divided at
 * one of them rather than inside a part, as German rules have it: "IG-/Metall-Beschäftigten"
 * reads on, "IG-Metall-Beschäf-/tigten" stacks a second hyphen. A division inside such a word
 * costs this many times the usual penalty: a weight, not a ban. Measured on the German info
 * sheets: at 3 nothing changed, at 30 "IG-Metall-Beschäf-/tigten" became "IG-/Metall-…", pairs of
 * divided lines 28 → 14 and runs of three 7 → 0.
 */
const INSIDE_A_HYPHENATED_WORD = 30;
const HARD_HYPHEN_END = /\p{L}[-\u2010]$/u;

/**
 * A paragraph's words, found once per syllable array (textkit asks for every hyphenation point):
 * where its last word space is, and which syllables lie in a word with a hyphen of its own.
 */
interface Words {
  lastSpace: number;
  /** 1 for a syllable of a word with a hyphen inside it ("IG-Metall-Beschäftigten"). */
  hyphenated: Uint8Array;
}
const analysed = new WeakMap<readonly string[], Words>();

function wordsOf(syllables: readonly string[]): Words {
  let words = analysed.get(syllables);
  if (words) return words;
  const hyphenated = new Uint8Array(syllables.length);
  let lastSpace = -1;
  let start = 0;
  let inner = false;
  for (let i = 0; i <= syllables.length; i++) {
    if (i === syllables.length || isSpace(syllables[i])) {
      if (inner) hyphenated.fill(1, start, i);
      if (i < syllables.length) lastSpace = i;
      start = i + 1;
      inner = false;
    } else if (HARD_HYPHEN_END.test(syllables[i]!) && syllables[i + 1] !== undefined && !isSpace(syllables[i + 1])) {
      // A hyphen inside the word, not one that ends it ("Daten- und Datensicherheit").
      inner = true;
    }
  }
  words = { lastSpace, hyphenated };
  analysed.set(syllables, words);
  return words;
}

/**
 * How much a word space may shrink for the line breaker.
 * - Ragged text (flyer and poster points, the lead, titles, the contact box): not at all; it is
 *   set with its natural spaces, as in TeX's ragged right. react-pdf gave its spaces the same
 *   shrink as justified text, so its line breaker took lines too long by up to a third of a space
 *   per gap and react-pdf then squeezed them to the measure ("kaum noch wegzudenken. Gleichzeitig
 *   ist in den Medien eine Debatte" with its spaces at 72 %, beside lines at 100 %).
 * - Justified text: down to 80 % of a space (InDesign's default minimum word spacing), where
 *   react-pdf allowed 67 %; the info sheet had lines at 68 % beside lines at 150 %.
 * A hook in react-pdf's code (getNodes in @react-pdf/textkit), put in by scripts/node-bundle.mjs,
 * as is glueStretch.
 */
const JUSTIFIED_SHRINK = 0.6;

/**
 * How a justified line is filled: by its word spaces alone, never by spacing out its letters.
 * textkit's justification (after Apple's) widens each space by up to 1 pt (its factor) and then
 * tracks the letters with the rest, so a loose line came out letter-spaced: a proofreader
 * measured +5 % on a German line, visible beside its neighbours at 100 %. A factor far beyond any
 * gap lets the spaces take all of it, shared equally. (textkit's "unconstrained" flag was tried
 * first: it drops half of what it hands out, and lines stopped up to 8 pt short of the margin.)
 * Passed as react-pdf's layout option (getLayoutOptions in @react-pdf/layout, a hook).
 */
export const EXPAND_WHITESPACE = Object.freeze({ before: 1000, after: 1000 });

/**
 * Letters never widen: a justified line without a space (one word, such as a long web address's
 * part) is set at its natural width, flush left, as a ragged line. Tracked to the margin, a walk
 * found "h t t p s : / / w w w . e x a m p l e" across a whole line, which pdftotext gave back
 * with a space between the letters, so the address could not be copied. With no factor left to
 * fill the gap, textkit leaves such a line as it is (getDistances). Passed with EXPAND_WHITESPACE.
 */
export const EXPAND_CHAR = Object.freeze({ before: 0, after: 0 });

export function glueShrink(align: string | undefined, shrink: number): number {
  return align === 'justify' ? shrink * JUSTIFIED_SHRINK : 0;
}

/**
 * How short a ragged line may be before a hyphen looks better. Ragged lines are never stretched
 * (react-pdf stretches justified lines only); the stretch only tells the line breaker what a short
 * line costs. react-pdf gave each word space half its width of stretch, so a line's stretch grew
 * with its number of spaces: a line of long words (Turkish, German compounds) had little, and was
 * hyphenated when 9 % short ("Siz de top-/lantı" on the poster). As TeX's ragged right does with
 * the stretchable margin at the end of each line, every ragged line here gets the same stretch, a
 * share of its own width, and word spaces none; the share is set so that, against the hyphen's
 * penalty (textkit's 600 for ragged text), a line is divided only where it would otherwise fall
 * short by about a sixth of the column. Justified text keeps react-pdf's stretch per space.
 * Measured on the matrix: lines divided in the flyers and posters, 42 → 0 (German posters 14,
 * Turkish flyers 21, Turkish posters 7). Hooks in react-pdf's code: glueStretch in getNodes,
 * which marks a ragged paragraph's nodes (markRagged), and lineStretch in the line breaker's
 * computeCost.
 */
const RAGGED_LINE_STRETCH = 0.1;
const ragged = new WeakSet<object>();

export function glueStretch(align: string | undefined, stretch: number): number {
  return align === 'justify' ? stretch : 0;
}

export function markRagged(nodes: object, align: string | undefined): void {
  if (align !== 'justify') ragged.add(nodes);
}

/** The stretch of a line from the glue in it (`stretch`; infinite on a paragraph's last line) and, for ragged text, its margin. */
export function lineStretch(nodes: object, lineLength: number, stretch: number): number {
  return ragged.has(nodes) ? stretch + lineLength * RAGGED_LINE_STRETCH : stretch;
}
