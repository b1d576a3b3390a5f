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
 * (getNodes in @react-pdf/textkit), put in by scripts/node-bundle.mjs.
 */
/**
 * Measured on today's matrix: 29 paragraphs ended on a fragment with the usual penalty, 14 at 5
 * times, 7 at 10 (and still 7 at 30: there, at the poster's width, the word must be divided).
 */
const LAST_WORD_FACTOR = 10;
const lastSpace = new WeakMap<readonly string[], number>();

/** The penalty for dividing a word at the hyphenation point after `syllables[index]`. */
export function hyphenPenaltyAt(penalty: number, syllables: readonly string[], index: number): number {
  let last = lastSpace.get(syllables);
  if (last === undefined) lastSpace.set(syllables, (last = syllables.lastIndexOf(' ')));
  return last >= 0 && index > last ? penalty * LAST_WORD_FACTOR : penalty;
}
