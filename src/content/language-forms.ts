import type { Finding } from '../findings.js';
import { suggest } from '../messages.js';
import { findingAt } from './check-schema.js';
import type { LocalizedText } from './schema.js';
import type { PathSegment, SourceFile } from './source.js';

/**
 * A value with a form per language (a region's name and opening hours, the brand's footer),
 * checked against the languages the sheets are built in. The schema accepts any language code, so
 * without this a misspelt key ("tk:" for "tr:") was ignored without a word and the Turkish PDFs
 * printed the German hours. A map that leaves a language out is what a regional office does by
 * oversight far more often than on purpose, so that is a warning: the PDFs of that language print
 * the source language's form. One text for every language is never questioned (a name such as
 * "Leipzig" needs no forms).
 */
export function checkLanguageForms(
  source: SourceFile,
  at: readonly PathSegment[],
  value: LocalizedText | undefined,
  languages: readonly string[],
  sourceLocale: string,
  problems: Finding[],
): void {
  if (value === undefined || typeof value === 'string' || languages.length === 0) return;
  const field = at.join('.');
  for (const key of Object.keys(value)) {
    if (languages.includes(key)) continue;
    const near = suggest(key, languages);
    problems.push(findingAt(source, [...at, key], 'error', `"${key}" is not a language the sheets are built in, so this text is never printed`,
      `${near ? `Did you mean "${near}"? ` : ''}Languages: ${languages.join(', ')}.`, 'key'));
  }
  const missing = languages.filter((l) => !(l in value));
  if (missing.length === 0) return;
  const shown = value[sourceLocale] !== undefined ? `the "${sourceLocale}" one` : 'the form of another language';
  const list = missing.map((l) => `"${l}"`).join(' or ');
  problems.push(findingAt(source, at, 'warning', `there is no ${list} form, so the ${missing.length > 1 ? 'PDFs in those languages print' : `${list} PDFs print`} ${shown}`,
    `Add ${missing.map((l) => `${l}: …`).join(' and ')} under ${field}, or write one text for every language.`, 'key'));
}

/** The languages the sheets are built in, and the source language most of them are written in. */
export function contentLanguages(sheets: Iterable<{ meta: { locales: readonly string[]; source_locale: string } }>): { languages: string[]; sourceLocale: string } {
  const languages = new Set<string>();
  const sources = new Map<string, number>();
  for (const { meta } of sheets) {
    meta.locales.forEach((l) => languages.add(l));
    sources.set(meta.source_locale, (sources.get(meta.source_locale) ?? 0) + 1);
  }
  const sourceLocale = [...sources].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { languages: [...languages].sort(), sourceLocale };
}
