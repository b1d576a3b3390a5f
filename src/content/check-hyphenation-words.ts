import type { Finding } from '../findings.js';
import { findingAt } from './check-schema.js';
import { ENTRY, normal, wordOf } from './hyphenation-words.js';
import { checkLanguageKey } from './language-forms.js';
import { characterName } from './characters.js';
import type { SourceFile } from './source.js';

/** brand.yaml's word divisions (the format: hyphenation-words.ts), checked for people. */

/** Why an entry is not one word with its divisions, for people. */
function entryProblem(entry: string): string {
  const odd = [...entry].find((ch) => !/[\p{L}-]/u.test(ch));
  if (odd === undefined) return `"${entry}" is not one word with its divisions: a hyphen stands at its start or end, or two stand together`;
  if (odd === ' ') return `"${entry}" has a space: one word per entry`;
  // Characters people paste without seeing them are named (characters.ts).
  return `"${entry}" contains ${characterName(odd)}, which is not a letter or "-"`;
}

/** Findings for brand.yaml's `hyphenation`: entries that are no word, words listed twice, languages no sheet has. */
export function checkHyphenationWords(source: SourceFile, table: Readonly<Record<string, readonly string[] | null>> | null | undefined, languages: readonly string[], problems: Finding[]): void {
  for (const [language, entries] of Object.entries(table ?? {})) {
    // As for a region's name forms: "dd" beside no "de" list is an error, the German PDFs would silently lose it.
    if (languages.length > 0) checkLanguageKey(source, ['hyphenation'], language, table!, languages, { misspelt: 'would not use these divisions', unused: 'these divisions are never used' }, problems);
    const seen = new Map<string, { entry: string; index: number }>();
    (entries ?? []).forEach((written, i) => {
      const entry = normal(written);
      if (!ENTRY.test(entry)) {
        problems.push(findingAt(source, ['hyphenation', language, i], 'error', entryProblem(entry),
          'Write one word per entry, in letters, with a hyphen "-" where it may be divided ("Datenschutz-vereinbarung"), or with none to keep it whole. A word written with hyphens of its own is listed as written ("IG-Metall-Beschäftigten").'));
        return;
      }
      const word = wordOf(entry, language);
      const earlier = seen.get(word);
      // The same word in other capitals divides the same: no conflict.
      if (earlier && earlier.entry.toLocaleLowerCase(language) !== entry.toLocaleLowerCase(language)) {
        const line = findingAt(source, ['hyphenation', language, earlier.index], 'error', '', '').line;
        problems.push(findingAt(source, ['hyphenation', language, i], 'error', `"${entry}" is listed before (line ${line}) as "${earlier.entry}", with other divisions`,
          'Keep the entry with the divisions you want, and remove the other.'));
      }
      if (!earlier) seen.set(word, { entry, index: i });
    });
  }
}
