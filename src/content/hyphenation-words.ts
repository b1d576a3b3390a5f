/**
 * The organisation's own word divisions (brand.yaml `hyphenation`), as TeX's \hyphenation and a
 * layout program's user dictionary keep them. The patterns divide by syllables and know nothing
 * of compounds, so some of their divisions are right but mislead ("Prozes-/sorgeschwindigkeit"
 * reads as "Sorge", "Datenschutzver-/einbarung"); a word listed here is divided only where its
 * entry has a hyphen ("Prozessor-geschwindigkeit"), and an entry without one keeps it whole
 * ("Explorer"). A word the text writes with hyphens of its own is listed as written
 * ("IG-Metall-Beschäftigten"): it is then divided at its own hyphens only. A word matches whole,
 * ignoring case: inflected forms are entries of their own, as in TeX. An entry with a hyphen
 * serves both ways: "E-Mail" also divides a word "Email" after its E (rare enough in German).
 *
 * This module is the list's format, and imports nothing: every render thread loads it
 * (hyphenation.ts). Its checks for people are in check-hyphenation-words.ts.
 */

/** One word of letters, with single hyphens between letters where it may be divided. */
export const ENTRY = /^\p{L}+(?:-\p{L}+)*$/u;

export interface Divisions {
  /** Division offsets by the word in lower case, without hyphens ("datenschutzvereinbarung" → [11]). */
  byWord: ReadonlyMap<string, readonly number[]>;
  /** Entries in lower case as written, hyphens included: such a word, written so, keeps its parts whole. */
  asWritten: ReadonlySet<string>;
}

/** Entries as people type them, and as editors may save them (decomposed "a" + "¨"): one form. */
export const normal = (entry: string) => entry.normalize('NFC');
/** The word an entry divides, as the list knows it: without its hyphens, in lower case. */
export const wordOf = (entry: string, language: string) => entry.replaceAll('-', '').toLocaleLowerCase(language);

export function divisionsOf(entries: readonly string[], language: string): Divisions {
  const byWord = new Map<string, number[]>();
  const asWritten = new Set<string>();
  for (const entry of entries.map(normal)) {
    if (!ENTRY.test(entry)) continue;
    const parts = entry.split('-');
    const offsets: number[] = [];
    let at = 0;
    for (const part of parts.slice(0, -1)) offsets.push((at += part.length));
    byWord.set(wordOf(entry, language), offsets);
    if (parts.length > 1) asWritten.add(entry.toLocaleLowerCase(language));
  }
  return { byWord, asWritten };
}
