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
const lastSpace = new WeakMap<readonly string[], number>();

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
  let last = lastSpace.get(syllables);
  if (last === undefined) lastSpace.set(syllables, (last = syllables.lastIndexOf(' ')));
  return last >= 0 && index > last ? penalty * LAST_WORD_FACTOR : penalty;
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

export function glueShrink(align: string | undefined, shrink: number): number {
  return align === 'justify' ? shrink * JUSTIFIED_SHRINK : 0;
}

/**
 * How much a word space may stretch for the line breaker, in ragged text: as much as the space is
 * wide. Ragged lines are never stretched (react-pdf stretches justified lines only); the stretch
 * only tells the line breaker how short a line may be before a hyphen looks better. With
 * react-pdf's half a space, a line a few per cent short already "needed" a hyphen, and the flyer's
 * lead was hyphenated like justified text; with a whole space it takes a line short by about a
 * sixth of the column (as TeX's ragged right does with its stretchable right margin). Justified
 * text keeps react-pdf's value.
 */
const RAGGED_STRETCH = 1;

export function glueStretch(align: string | undefined, space: number, stretch: number): number {
  return align === 'justify' ? stretch : space * RAGGED_STRETCH;
}
