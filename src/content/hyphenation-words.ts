import type { Finding } from '../findings.js';
import { suggest } from '../messages.js';
import { findingAt } from './check-schema.js';
import type { SourceFile } from './source.js';

/**
 * The organisation's own word divisions (brand.yaml `hyphenation`), as TeX's \hyphenation and a
 * layout program's user dictionary keep them. The patterns divide by syllables and know nothing
 * of compounds, so some of their divisions are right but mislead ("Prozes-/sorgeschwindigkeit"
 * reads as "Sorge", "Datenschutzver-/einbarung"); a word listed here is divided only where its
 * entry has a hyphen ("Prozessor-geschwindigkeit"), and an entry without one keeps it whole
 * ("Explorer"). A word matches whole, ignoring case: inflected forms are entries of their own,
 * as in TeX.
 */

/** One word of letters, with single hyphens between letters where it may be divided. */
const ENTRY = /^\p{L}+(?:-\p{L}+)*$/u;

/** Division offsets by the word in lower case ("datenschutzvereinbarung" → [11]). */
export type Divisions = ReadonlyMap<string, readonly number[]>;

export function divisionsOf(entries: readonly string[], language: string): Divisions {
  const divisions = new Map<string, number[]>();
  for (const entry of entries) {
    if (!ENTRY.test(entry)) continue;
    const parts = entry.split('-');
    const offsets: number[] = [];
    let at = 0;
    for (const part of parts.slice(0, -1)) offsets.push((at += part.length));
    divisions.set(parts.join('').toLocaleLowerCase(language), offsets);
  }
  return divisions;
}

/** Findings for brand.yaml's `hyphenation`: entries that are no word, words listed twice, languages no sheet has. */
export function checkHyphenationWords(source: SourceFile, table: Readonly<Record<string, readonly string[]>> | undefined, languages: readonly string[], problems: Finding[]): void {
  for (const [language, entries] of Object.entries(table ?? {})) {
    if (languages.length > 0 && !languages.includes(language)) {
      const near = suggest(language, languages);
      // A warning, even for a likely misspelling ("dd"): that language's PDFs fall back on the
      // patterns, which divide correctly, if not always well.
      problems.push(findingAt(source, ['hyphenation', language], 'warning',
        `"${language}" is not a language the sheets are built in, so these divisions are never used`,
        `${near ? `Did you mean "${near}"? ` : ''}Languages: ${languages.join(', ')}.`, 'key'));
    }
    const seen = new Map<string, string>();
    entries.forEach((entry, i) => {
      if (!ENTRY.test(entry)) {
        problems.push(findingAt(source, ['hyphenation', language, i], 'error', `"${entry}" is not one word with its divisions`,
          'Write one word per entry, with a hyphen where it may be divided ("Datenschutz-vereinbarung"), or with none to keep it whole. A word with its own hyphen ("E-Mail") already breaks there.'));
        return;
      }
      const word = entry.replaceAll('-', '').toLocaleLowerCase(language);
      const earlier = seen.get(word);
      if (earlier !== undefined && earlier !== entry) {
        problems.push(findingAt(source, ['hyphenation', language, i], 'error', `"${entry}" is listed before as "${earlier}", with other divisions`, 'Keep one entry for the word.'));
      }
      seen.set(word, entry);
    });
  }
}
