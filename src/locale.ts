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

/** English for union members in Germany follows British usage: "5 May 2020", not "May 5, 2020". */
const intlLocales: Record<string, string> = { en: 'en-GB' };

// Making a formatter loads locale data (~0.5 ms each): one per language, not one per variant.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A sheet's date as its language writes it ("5. Mai 2020", "5 May 2020", "5 Mayıs 2020"). */
export function formatDate(iso: string, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocales[locale] ?? locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${iso}T00:00:00Z`));
}
