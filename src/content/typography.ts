import { forLocale } from '../locale.js';

/**
 * Editors type straight quotes and hyphens; print needs the real characters of each language.
 * This runs over the text runs of a paragraph in order, carrying the previous character across
 * runs so that a quote right after **bold** text is still seen in context. Content that already
 * uses „…“ or “…” passes through unchanged.
 */

interface QuoteStyle {
  double: [string, string];
  /** The marks of a quotation inside a quotation. */
  single: [string, string];
  /**
   * One-letter words that must not end a line (Polish, Czech, Slovak, Russian, Ukrainian and
   * Bulgarian print never leave a preposition or conjunction such as "w", "z", "в" alone at a line end).
   */
  oneLetterWords?: string;
  /** Marks this language's print also uses, typed as they are (German »…« beside „…“). */
  alternatives?: string;
}

/**
 * The languages whose print rules infoblatt knows. A language without an entry here is refused by
 * validation (printableGaps): set with English quotes, it would look wrong without a word.
 */
const styles: Record<string, QuoteStyle> = {
  de: { double: ['„', '“'], single: ['‚', '‘'], alternatives: '»«›‹' },
  en: { double: ['“', '”'], single: ['‘', '’'] },
  // Turkish print uses English-style curly quotes.
  tr: { double: ['“', '”'], single: ['‘', '’'] },
  pl: { double: ['„', '”'], single: ['«', '»'], oneLetterWords: 'aiouwzAIOUWZ' },
  cs: { double: ['„', '“'], single: ['‚', '‘'], oneLetterWords: 'aiouvzksAIOUVZKS' },
  sk: { double: ['„', '“'], single: ['‚', '‘'], oneLetterWords: 'aiouvzksAIOUVZKS' },
  ru: { double: ['«', '»'], single: ['„', '“'], oneLetterWords: 'вксуоиаяВКСУОИАЯ' },
  uk: { double: ['«', '»'], single: ['„', '“'], oneLetterWords: 'взуійоаяВЗУІЙОАЯ' },
  bg: { double: ['„', '“'], single: ['‚', '‘'], oneLetterWords: 'всиаоуВСИАОУ' },
  el: { double: ['«', '»'], single: ['“', '”'] },
  it: { double: ['«', '»'], single: ['“', '”'] },
  es: { double: ['«', '»'], single: ['“', '”'] },
  ro: { double: ['„', '”'], single: ['«', '»'] },
  nl: { double: ['“', '”'], single: ['‘', '’'] },
};

function styleFor(locale: string): QuoteStyle {
  return forLocale(styles, locale) ?? styles.en!;
}

/** The quotation marks `locale` prints: double, and single (inside double). */
export function quoteMarksOf(locale: string): { double: readonly [string, string]; single: readonly [string, string]; alternatives: string } {
  const { double, single, alternatives = '' } = styleFor(locale);
  return { double, single, alternatives };
}

/** Whether infoblatt knows the quotation marks (and other print rules) of `locale`. */
export const knowsTypographyOf = (locale: string) => forLocale(styles, locale) !== undefined;

/** Before an opening mark: start of text, space, opening bracket or dash. */
const OPENS_AFTER = /[\s([{\u2013\u2014/\u00a0-]/;

/**
 * A number and what it counts stay on one line ("9 am", "16 Uhr", "20 %", "10 Stunden", "§ 5",
 * "Art. 6"): a reader who meets "Fri 9" at a line end and "am–1 pm" on the next reads a different
 * time, and "nach 6 / Stunden" reads as badly. The words are units of time of day, money, per cent
 * and data, and spans of time in German, English and Turkish; Turkish writes its endings on the
 * word ("9 saatten", "30 dakikalık", "6 ayda"). Anything else breaks as usual.
 */
const UNITS = [
  'Uhr|am|pm|a\\.m\\.|p\\.m\\.|h|Std\\.|min|Min\\.|Sek\\.|%|€|EUR|Euro|Cent|MB|GB|TL',
  'Sekunden?|Minuten?|Stunden?|Tagen?|Tag|Wochen?|Monaten?|Monat|Jahren?|Jahr|Prozent',
  'seconds?|minutes?|hours?|days?|weeks?|months?|years?|percent',
  '(?:saniye|dakika|saat|gün|hafta|yıl)\\p{L}*|ay(?:lık|da|dan|a|ı|ın|lar\\p{L}*)?',
].join('|');
const UNIT_AFTER_NUMBER = new RegExp(`(\\d) (?=(?:${UNITS})(?![\\p{L}\\d]))`, 'gu');
const NUMBER_AFTER_SIGN = /(§|Art\.|Abs\.|Nr\.|No\.|S\.|Kap\.) (?=\d)/g;
/**
 * A day and its time, the same ("Fr 9–13 Uhr", "Mon–Thu 9 am", "Perşembe 10–18"): opening hours
 * that end a line with "Fr" send the reader to the next line's first time for Friday's. Weekday
 * names and their usual short forms in German, English and Turkish, before a number.
 */
export const WEEKDAYS = [
  'Mo|Di|Mi|Do|Fr|Sa|So|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags',
  'Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday',
  'Pzt|Sal|Çar|Per|Cum|Cmt|Paz|Pazartesi|Salı|Çarşamba|Perşembe|Cuma|Cumartesi|Pazar',
].join('|');
const TIME_AFTER_DAY = new RegExp(`(?<![\\p{L}\\d])((?:${WEEKDAYS})s?\\.?) (?=\\d)`, 'gu');

const LETTER = /\p{L}/u;

/**
 * `unbreakable` lists names that must never be split across lines (the organisation's name):
 * their spaces become no-break spaces.
 */
/** What follows an apostrophe that begins a word: two digits of a year, or a word's elided start. */
const ELISION = /^(?:\d\d(?!\d)|(?:s|n|ne|nen|nem|ner|em|til|tis|twas|cause)(?!\p{L}))/iu;

export function createTypographer(locale: string, unbreakable: readonly string[] = []): (text: string, previous: string) => string {
  const q = styleFor(locale);
  const names = unbreakable.filter((n) => n.includes(' ')).map((n) => [n, n.replace(/ /g, '\u00a0')] as const);
  // After a space or an opening mark (the run's start counts as what precedes it), before a word
  // or the run's end: "v **Praze**" and "v [Brně](…)" are two runs, the space ending the first.
  const oneLetter = q.oneLetterWords ? new RegExp(`(?<=[\\s(„«‚‹»\u00a0][${q.oneLetterWords}]) (?=\\S|$)`, 'gu') : undefined;
  // A single quote opened and not yet closed, across the runs of one text (a text starts with previous '').
  let openSingle = false;
  return (text, previous) => {
    let out = '';
    let prev = previous;
    if (previous === '') openSingle = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      let r = c;
      const opening = prev === '' || OPENS_AFTER.test(prev);
      if (c === '"') r = opening ? q.double[0] : q.double[1];
      else if (c === "'") {
        // An apostrophe ("geht's", "Hans'") unless it closes a quote it opened and no letter follows:
        // German closes ‚…‘ with another character than its apostrophe.
        const closes = !opening && openSingle && !LETTER.test(text[i + 1] ?? '');
        // At a word's start it opens a quote, unless it stands for what was left out: "’s Wetter",
        // "im Jahr ’26", "rock ’n’ roll" (a walk found "‚s Wetter … ‚26").
        const elision = opening && ELISION.test(text.slice(i + 1, i + 8));
        r = elision ? '’' : opening ? q.single[0] : closes ? q.single[1] : '’';
        if (opening && !elision) openSingle = true;
        else if (closes) openSingle = false;
      }
      out += r;
      prev = c;
    }
    let result = out
      .replace(/(^|\s)--?(?=\s)/g, '$1–')
      // A dash between words stays at the end of a line, never starts the next ("Metall –/Regeln").
      .replace(/(?<=\S) (?=[\u2013\u2014] )/g, '\u00a0')
      .replace(/\.\.\./g, '…')
      // "z. B.", "d. h.": the two parts of an abbreviation stay on one line.
      .replace(/\b([A-Za-z])\. (?=[A-Za-z]\.)/g, '$1.\u00a0')
      .replace(UNIT_AFTER_NUMBER, '$1\u00a0')
      .replace(NUMBER_AFTER_SIGN, '$1\u00a0')
      .replace(TIME_AFTER_DAY, '$1\u00a0');
    if (oneLetter) {
      const lead = previous === '' ? ' ' : previous.slice(-1);
      result = (lead + result).replace(oneLetter, '\u00a0').slice(lead.length);
    }
    for (const [name, bound] of names) result = result.split(name).join(bound);
    return result;
  };
}
