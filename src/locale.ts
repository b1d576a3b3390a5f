/**
 * Tables keyed by language (message catalogues, quote styles, the index page's words) are looked
 * up the same way everywhere: the full tag first ("de-AT"), then its language ("de"). Own keys
 * only, so that a locale such as "constructor" finds nothing rather than Object's prototype.
 */
export function forLocale<T>(table: Readonly<Record<string, T>>, locale: string | undefined): T | undefined {
  if (!locale) return undefined;
  const language = baseLanguage(locale);
  return Object.hasOwn(table, locale) ? table[locale] : Object.hasOwn(table, language) ? table[language] : undefined;
}

/** Whether a table's entry under `key` is the one forLocale may give `locale` ("de" serves "de-AT"). */
export const servesLocale = (key: string, locale: string): boolean => key === locale || key === baseLanguage(locale);

/** "de" for "de-AT". */
export const baseLanguage = (locale: string): string => locale.split('-')[0]!;
