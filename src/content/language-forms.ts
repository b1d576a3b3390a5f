import type { Finding } from '../findings.js';
import { isLanguageCode, suggest } from '../messages.js';
import { forLocale, servesLocale } from '../locale.js';
import { findingAt } from './check-schema.js';
import type { LocalizedText } from './schema.js';
import type { PathSegment, SourceFile } from './source.js';
import { LOCALE } from './ids.js';

/**
 * A value with a form per language (a region's name and opening hours, the brand's footer),
 * checked against the languages the sheets are built in. The schema accepts any language code, so
 * without this a misspelt key ("tk:" for "tr:") was ignored without a word and the Turkish PDFs
 * printed the German hours. A key that is a misspelling of a language the map lacks ("tk" beside
 * no "tr") is an error: that language's PDFs would print another's form. Other findings are
 * warnings: a form for a language no sheet is built in harms no PDF (a language dropped from
 * every sheet leaves such forms behind, and must not stop the build), and a language left out
 * prints another's form, which a regional office leaves out by oversight far more often than on
 * purpose. One text for every language is never questioned (a
 * name such as "Leipzig" needs no forms).
 *
 * `fallback`: the language whose form the PDFs of a missing language print, where the map has it
 * (resolve.ts: localize), else they print the map's first.
 */
export function checkLanguageForms(
  source: SourceFile,
  at: readonly PathSegment[],
  value: LocalizedText | undefined,
  languages: readonly string[],
  fallback: string | undefined,
  problems: Finding[],
): void {
  if (value === undefined || typeof value === 'string' || languages.length === 0) return;
  const field = at.join('.');
  const misspelt = new Set<string>();
  for (const key of Object.keys(value)) {
    const near = checkLanguageKey(source, at, key, value, languages, { misspelt: "would print another language's text", unused: 'this text is never printed' }, problems);
    if (near !== undefined) misspelt.add(near);
  }
  const missing = languages.filter((l) => forLocale(value, l) === undefined && !misspelt.has(l));
  if (missing.length === 0) return;
  const shown = fallback !== undefined && value[fallback] !== undefined ? fallback : Object.keys(value)[0]!;
  const list = missing.map((l) => `"${l}"`).join(' or ');
  problems.push(findingAt(source, at, 'warning', `there is no ${list} form, so the ${missing.length > 1 ? 'PDFs in those languages print' : `${list} PDFs print`} the "${shown}" one`,
    `Add ${missing.map((l) => `${l}: …`).join(' and ')} under ${field}, or write one text for every language.`, 'key'));
}

/**
 * A key of a map per language (`map` at `at`) that no sheet's language is served by: one that
 * looks like a misspelling of a language the map lacks ("tk" beside no "tr"; not "fr", a language
 * of its own) is an error, since
 * that language's PDFs lose what it holds (`effect.misspelt`); any other is a warning
 * (`effect.unused`). A "de" key serves a sheet in "de-AT" (locale.ts). Returns the language a
 * misspelt key stands for.
 */
export function checkLanguageKey(
  source: SourceFile,
  at: readonly PathSegment[],
  key: string,
  map: object,
  languages: readonly string[],
  effect: { misspelt: string; unused: string },
  problems: Finding[],
): string | undefined {
  if (languages.some((l) => servesLocale(key, l))) return undefined;
  const near = suggest(key, languages);
  const typo = near !== undefined && !(near in map) && !isLanguageCode(key);
  problems.push(findingAt(source, [...at, key], typo ? 'error' : 'warning',
    typo ? `"${key}" is not a language code; the "${near}" PDFs ${effect.misspelt}` : `"${key}" is not a language the sheets are built in, so ${effect.unused}`,
    `${near ? `Did you mean "${near}"? ` : ''}Languages: ${languages.join(', ')}.`, 'key'));
  return typo ? near : undefined;
}

/**
 * The languages the sheets are built in, from every sheet.yaml that lists them, also one with
 * other errors (a mistake in one sheet must not turn every region's forms into findings), and the
 * source language most of them are written in.
 */
export function contentLanguages(sheetFiles: Iterable<SourceFile | undefined>): { languages: string[]; sourceLocale: string | undefined } {
  const languages = new Set<string>();
  const sources = new Map<string, number>();
  for (const file of sheetFiles) {
    const data = file?.data as { locales?: unknown; source_locale?: unknown } | undefined;
    // Only language codes: "Polish" in locales is its own error, and must not ask every region
    // file for a "Polish:" form.
    if (Array.isArray(data?.locales)) for (const l of data.locales) if (typeof l === 'string' && LOCALE.test(l)) languages.add(l);
    if (typeof data?.source_locale === 'string') sources.set(data.source_locale, (sources.get(data.source_locale) ?? 0) + 1);
  }
  const sourceLocale = [...sources].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { languages: [...languages].sort(), sourceLocale };
}
