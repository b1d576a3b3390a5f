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
