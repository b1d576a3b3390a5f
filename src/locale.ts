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

/**
 * `text` in capitals by the rules of `lang` (Turkish i → İ), and the `names` in it by the rules
 * of the language each is written in: "VİDEO KONFERANSLAR – IG METALL LEIPZIG", not "LEİPZİG".
 * A name is found with ordinary or no-break spaces between its words.
 */
export function capitals(text: string, lang: string, names: ReadonlyArray<{ name: string; lang: string }> = []): string {
  const own = names.filter((n) => n.name.trim() !== '' && n.lang !== lang);
  if (own.length === 0) return text.toLocaleUpperCase(lang);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \u00a0]');
  const pattern = new RegExp(own.map((n) => escape(n.name)).join('|'), 'g');
  let out = '';
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    const nameLang = own.find((n) => new RegExp(`^${escape(n.name)}$`).test(m[0]))!.lang;
    out += text.slice(at, m.index).toLocaleUpperCase(lang) + m[0].toLocaleUpperCase(nameLang);
    at = m.index + m[0].length;
  }
  return out + text.slice(at).toLocaleUpperCase(lang);
}
