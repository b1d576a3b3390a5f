import type { core } from 'zod';
import { LOCALE, MAX_ID_LENGTH, slugFor } from './content/ids.js';
import { DATE_OUT_OF_RANGE } from './content/schema.js';
import { WEEKDAYS } from './content/typography.js';
import { INVISIBLE, characterAt, characterName, hiddenIn } from './content/characters.js';
import { sentenceEndOf } from './content/autolink.js';

/**
 * Raw messages from the YAML parser and the schema validator are written for programmers. This
 * module and messages-yaml.ts (the parser's) are the one place they are reworded for the people
 * who edit content: what is wrong, and what to do.
 */

export interface Wording {
  message: string;
  hint: string;
}

/**
 * The code a language key written another way means: "DE" → de, "deutsch" → de, "Türkçe" → tr.
 * Undefined when it is no language we can tell.
 */
const LANGUAGE_NAMES: Record<string, string> = { turkce: 'tr' };
/** Languages whose names (in German, English, Turkish and their own) are known as language keys. */
const NAMED_LANGUAGES = ['ar', 'bg', 'bs', 'cs', 'da', 'de', 'el', 'en', 'es', 'fa', 'fi', 'fr', 'he', 'hr', 'hu', 'it', 'ku', 'lt', 'lv', 'mk', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sq', 'sr', 'sv', 'tr', 'uk', 'vi', 'zh'];
/** A language code in its own right ("fr"), which a key that only resembles another ("tr") may be. */
export const isLanguageCode = (key: string): boolean => NAMED_LANGUAGES.includes(key);
let languageNames: Map<string, string> | undefined;
function languageCodeFor(key: string): string | undefined {
  if (!languageNames) {
    // Intl knows every language's name in every language; built on the first finding that needs it.
    languageNames = new Map(Object.entries(LANGUAGE_NAMES));
    for (const code of NAMED_LANGUAGES) {
      languageNames.set(code, code);
      for (const inLanguage of ['de', 'en', 'tr', code]) {
        const name = new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'none' }).of(code);
        if (name) languageNames.set(name.toLocaleLowerCase(inLanguage), code);
      }
    }
  }
  return languageNames.get(key.trim().toLocaleLowerCase('de')) ?? languageNames.get(key.trim().toLocaleLowerCase('tr'));
}

/** "Mo:", "Fr:", "Montag:" as keys of opening hours: a timetable written as fields. */
// The weekdays typography.ts keeps with the time after them, in any case.
const DAY = `(?:${WEEKDAYS})s?\\.?`;
/** A day or a range of days ("Mo–Do", "Mon-Thu"). */
const WEEKDAY_KEY = new RegExp(`^${DAY}(?:\\s*[–—-]\\s*${DAY})?$`, 'iu');

/**
 * Field names are English; a regional office writes German ones by habit ("telefon:"), which no
 * spelling suggestion finds.
 */
const GERMAN_FIELDS: Record<string, string> = {
  telefon: 'phone', tel: 'phone', rufnummer: 'phone', strasse: 'street', straße: 'street', adresse: 'street',
  plz: 'postcode', postleitzahl: 'postcode', ort: 'city', stadt: 'city', büro: 'office', geschäftsstelle: 'office',
  'e-mail': 'email', mail: 'email', webseite: 'web', website: 'web', internet: 'web', homepage: 'web',
  öffnungszeiten: 'hours', sprechzeiten: 'hours', erreichbar: 'hours', kontakt: 'contact', titel: 'title',
  überschrift: 'heading', text: 'body', abschnitte: 'sections', sprachen: 'locales', datum: 'date',
  oeffnungszeiten: 'hours', sprechstunden: 'hours', telephone: 'phone', fon: 'phone', url: 'web',
};

/**
 * A region's contact fields, which a clerk may write at the top of the file instead of under
 * contact:. The schema's keys, written out: this module is loaded without zod (a test keeps the
 * two lists equal).
 */
export const CONTACT_FIELDS = ['office', 'street', 'postcode', 'city', 'phone', 'email', 'web', 'hours'];
const ADDRESS_FIELDS = ['office', 'street', 'postcode', 'city'];

/** Hints that depend on which field is wrong, keyed by the field's name. */
const fieldHints: Record<string, string> = {
  postcode: 'Write the postcode in quotes, e.g. postcode: "01067", so that leading zeros are kept.',
  phone: 'Write a phone number with 5 to 16 digits, spaces and at most "+ ( ) / -", e.g. "+49 40 123456-0".',
  email: 'Write a plain address such as hamburg@example.org.',
  web: 'Write a full address starting with https://, e.g. https://www.example.org/hamburg.',
  link: 'Write a full address starting with https://, e.g. https://www.example.org/zoom-datenschutz.',
  points: 'Write three to six short key points, each a line starting with "- ".',
  date: 'Write the date as YYYY-MM-DD, e.g. 2020-05-05.',
  id: 'Use lowercase letters a–z, digits and single hyphens, e.g. zoom-bombing.',
  source_locale: 'Use a language code such as de, en or tr.',
  locales: 'List language codes such as de, en or tr.',
  logo: 'Name an .svg file inside the content folder, e.g. logo.svg.',
};
/** brand.yaml's colour names; schema.ts's brandColours must have exactly these (a type check). */
export const COLOUR_FIELDS = ['primary', 'text', 'muted', 'tint', 'onPrimary'] as const;
for (const colour of COLOUR_FIELDS) fieldHints[colour] = 'Write a colour as "#" and six hexadecimal digits, in quotes: "#1F5FA8".';

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a block of fields';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value} (yes/no)`;
  return `"${String(value)}"${hiddenIn(String(value))}`;
}

const expectedWords: Record<string, string> = {
  string: 'a text',
  object: 'a block of fields',
  array: 'a list (lines starting with "- ")',
  record: 'a block of fields',
  number: 'a number',
};

export interface SchemaWording extends Wording {
  /** Point at the key rather than its value (unknown fields). */
  onKey: boolean;
  /** Path extension for the finding (the unknown key's name). */
  extraPath?: string;
  /** Report at the value this many levels up (one finding for a list, not one per entry). */
  up?: number;
}

/** What a value that fails its format is not, by field: `"hamburg@" is not an e-mail address`. */
const formatNames: Record<string, string> = {
  email: 'an e-mail address',
  web: 'a web address starting with https://',
  link: 'a web address starting with https://',
  phone: 'a phone number',
  postcode: 'a postcode',
  date: 'a date (YYYY-MM-DD)',
  id: 'an id (lowercase a–z, digits, hyphens)',
  source_locale: 'a language code',
  locales: 'a language code',
  logo: 'an .svg file name',
};
for (const colour of COLOUR_FIELDS) formatNames[colour] = 'a colour such as "#1F5FA8"';

/**
 * `raw` is the value as written in the file: YAML reads `postcode: 01067` as the number 1067, and
 * the message should show what the person typed.
 */
export function schemaProblem(issue: core.$ZodIssue, known: readonly string[], raw?: string): SchemaWording {
  const field = String([...issue.path].reverse().find((p) => typeof p === 'string') ?? '');
  const fieldHint = fieldHints[field];
  const input = (issue as { input?: unknown }).input;
  if (issue.path[0] === 'cmyk' && issue.path.length > 1) return cmykProblem(issue, input);
  if (issue.path[0] === 'hyphenation') return hyphenationProblem(issue, input);
  if (input === '' || (typeof input === 'string' && input.trim() === '')) {
    return { message: `"${field}" is empty`, hint: fieldHint && field === 'postcode' ? fieldHint : MULTILINE.has(field) ? `Fill it in: write ${field}: | and the text on the lines below, indented two spaces more than "${field}".` : `Fill it in: ${field}: ${exampleFor(field)}.`, onKey: false };
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const german = GERMAN_FIELDS[key.toLowerCase()];
      const meant = german ?? key.toLowerCase();
      // "phone:" at the left edge of a region file: a contact field outside contact:.
      if (known.includes('contact') && CONTACT_FIELDS.includes(meant)) {
        return { message: `"${key}" belongs under contact:`, hint: `Move the line below "contact:" and indent it like the other contact fields${german ? `, as "${german}:"` : ''}.`, onKey: true, extraPath: key };
      }
      if (/^(fax|telefax)$/i.test(key)) {
        return { message: 'there is no fax field', hint: `Delete the line; the contact box prints ${CONTACT_FIELDS.filter((f) => !ADDRESS_FIELDS.includes(f)).join(', ')} besides the address.`, onKey: true, extraPath: key };
      }
      const near = german && known.includes(german) ? german : suggest(key, known);
      return {
        message: `unknown field "${key}"${hiddenIn(key)}`,
        hint: near ? `Did you mean "${near}"? Fields allowed here: ${known.join(', ')}.` : `Fields allowed here: ${known.join(', ')}.`,
        onKey: true,
        extraPath: key,
      };
    }
    case 'invalid_type':
      if ((field === 'postcode' || field === 'phone') && typeof input === 'number') {
        const what = field === 'postcode' ? 'postcode' : 'phone number';
        return { message: `the ${what} ${raw ?? input} is read as the number ${input}${raw && raw !== String(input) ? ', which loses its leading zero' : ''}`, hint: `Put it in quotes: ${field}: "${raw ?? input}".`, onKey: false };
      }
      if (input === undefined) {
        return { message: `the field "${field}" is missing`, hint: `Add "${field}:" with ${expectedWords[issue.expected] ?? issue.expected}.`, onKey: false };
      }
      // "phone:" with nothing after it: a field left from the starter, or a value on the next line.
      if (input === null) {
        // An optional field left empty from the starter file may go; a required one (a colour) must be filled in.
        const optional = ['phone', 'email', 'web', 'hours', 'link'].includes(field);
        const hint = optional ? `${fieldHint ? `${fieldHint} ` : ''}Or delete the line if there is none.` : fieldHint ?? `Write the value after "${field}: " on the same line.`;
        return { message: `"${field}" has no value`, hint, onKey: false };
      }
      return {
        message: `expected ${expectedWords[issue.expected] ?? issue.expected}, found ${describe(input)}`,
        hint: fieldHint ?? (issue.expected === 'string' ? 'Put the value in double quotes.' : 'Check the indentation of this entry.'),
        onKey: false,
      };
    case 'too_small':
      if (issue.origin === 'array') return { message: `"${field}" needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`, hint: fieldHint ?? 'Add entries as lines starting with "- ".', onKey: false };
      break;
    case 'too_big':
      if (issue.origin === 'array') return { message: `"${field}" has more than ${issue.maximum} entries`, hint: fieldHint ?? 'Remove entries, or merge two into one.', onKey: false };
      if (field === 'id' && typeof input === 'string') return { ...idTooLong('sheet', input), onKey: false };
      break;
    case 'invalid_format': {
      const address = ['web', 'link', 'email'].includes(field) && typeof input === 'string' ? addressProblem(field, input)
        : field === 'phone' && typeof input === 'string' && SECOND_NUMBER.test(input) ? { message: `"${input}" holds a second number after "/", and a phone number's link dials one`, hint: `Write the main number alone (phone: "${input.replace(SECOND_NUMBER, '').trim()}"); give a direct line in your text (append).`, onKey: false }
          : undefined;
      // postcode: „28195“: a word processor's quotes are part of the text; YAML's are straight.
      const curly = typeof input === 'string' && /^[„“”«»‚‘’]|[„“”«»‚‘’]$/.test(input.trim());
      // locales: [de, Polish]: a language's name where its code belongs.
      const code = (field === 'locales' || field === 'source_locale') && typeof input === 'string' ? languageCodeFor(input) : undefined;
      // postcode: 28195" or "28195"": a quote left over at one end, read as part of the value.
      const stray = typeof input === 'string' && !curly ? /^["']+|["']+$/.exec(input.trim())?.[0] : undefined;
      const hint = curly ? `The value is in typographic quotes (${input.trim()[0]}…), which belong to the text; type straight quotes instead: "${input.trim().replace(/^[„“”«»‚‘’]+|[„“”«»‚‘’]+$/g, '')}".`
        : stray ? `The value has a stray ${stray[0]} at one end; write it with one quote on each side: ${field}: "${String(input).trim().replace(/^["']+|["']+$/g, '')}".`
          : code ? `Did you mean "${code}"? ${fieldHint ?? ''}`.trim() : fieldHint ?? 'Check the spelling.';
      return address ?? { message: `${describe(input)} is not ${formatNames[field] ?? `a valid ${field}`}`, hint, onKey: false };
    }
    case 'invalid_union': {
      if (input === undefined) return { message: `the field "${field}" is missing`, hint: `Add "${field}:" with a text, or one text per language.`, onKey: false };
      // "{ de: Mo–Do 9–16 Uhr, Fr 9–12 Uhr }": inside braces a comma starts a new entry, so part
      // of a text became a key without a value. Named, since the file looks right to its author.
      const stray = input !== null && typeof input === 'object' && !Array.isArray(input) ? Object.keys(input).find((k) => !LOCALE.test(k)) : undefined;
      const code = stray === undefined ? undefined : languageCodeFor(stray);
      if (stray !== undefined && WEEKDAY_KEY.test(stray)) {
        return { message: `"${field}" holds weekdays as fields ("${stray}:"); it is one text, or one text per language`,
          hint: `Write the days in one line: ${field}: Mo–Do 9–16 Uhr, Fr 9–12 Uhr (in quotes if it holds ": "), or per language below "${field}:" ("de: …").`, onKey: false };
      }
      if (stray !== undefined && code) {
        return { message: `"${stray}" is not a language code`, hint: `Did you mean "${code}"? Language codes are lowercase: de, en, tr.`, onKey: true, extraPath: stray };
      }
      if (stray !== undefined) {
        return {
          message: `"${field}" must be a text, or one text per language (de: …, en: …); "${stray}" is not a language code`,
          hint: `Inside { … } a comma starts a new entry. Write "${field}:" alone on its line and each language on its own line below it, indented ("de: …"), or put a text with commas in quotes.`,
          onKey: false,
        };
      }
      return { message: `"${field}" must be a text, or one text per language (de: …, en: …)`, hint: fieldHint ?? 'Write a text, or a block with one line per language code.', onKey: false };
    }
    case 'invalid_key': {
      const key = String(issue.path.at(-1) ?? field);
      // overrides → sheet → language → sections → section id
      if (issue.path[0] === 'overrides' && issue.path.length === 3) {
        const code = languageCodeFor(key);
        return { message: `"${key}" is not a language code`, hint: `${code ? `Did you mean "${code}"? ` : ''}Under the sheet's id comes the language, as a lowercase code: de, en, tr.`, onKey: true };
      }
      if (issue.path[0] === 'overrides' && issue.path.length === 5) {
        const id = key.includes(' ') ? undefined : slugFor(key);
        return { message: `"${key}" is not a section id`, hint: `${id && id !== key ? `Did you mean "${id}"? ` : ''}Write the section's id as the sheet's text has it (lowercase, e.g. aufzeichnung), not its heading.`, onKey: true };
      }
      return { message: `"${key}" is not a valid key here`, hint: fieldHints.id!, onKey: true };
    }
    case 'custom':
      if (issue.message === DATE_OUT_OF_RANGE) {
        return { message: `the date ${raw ?? String(input)} lies in the year ${Number(String(input).slice(0, 4))}; a sheet's date is in the years 1900 to 2999`, hint: `${fieldHints.date} Check the year: it is the date the text was published.`, onKey: false };
      }
      if (issue.message === 'empty language map') {
        return { message: `"${field}" has no text: the brackets {} are empty`, hint: `Write the text after "${field}:", or one line per language below it (de: …, en: …).`, onKey: false };
      }
      return { message: `the override ${issue.message}`, hint: 'Give a heading, a body (replaces the text) or append (adds to it).', onKey: false };
    default:
      break;
  }
  return { message: `"${field}" is not valid (${issue.message})`, hint: fieldHint ?? 'Compare with the example in the README.', onKey: false };
}

/**
 * An address with a space or a note in it ("https://www.example.org/bremen (new)", two addresses
 * with a comma) would become a link that leads nowhere; one that starts with https:// but names
 * no host ("https://bremen") is told so, not that it lacks https://.
 */
function addressProblem(field: string, input: string): SchemaWording | undefined {
  const what = field === 'email' ? 'an e-mail address' : 'a web address';
  const invisible = INVISIBLE.exec(input);
  if (invisible) {
    return { message: `"${input}" holds ${characterName(invisible[0])} at character ${characterAt(input, invisible.index)}, which prints as nothing but would change where the link leads`,
      hint: 'Delete it (it came with text pasted from a word processor or an e-mail): retype the address, or delete the character before and after the spot and type them again.', onKey: false };
  }
  const space = /\s/.exec(input.trim())?.[0];
  if (space) {
    return { message: `"${input}" holds ${space === ' ' ? 'a space' : characterName(space)}; ${what} has none, and the PDF would link to all of it`, hint: `Write one address alone, without spaces. A note for yourself goes after a "#" at the end of the line.`, onKey: false };
  }
  if (field === 'email') return undefined;
  const odd = /["<>\\^`{|}]/.exec(input)?.[0];
  if (odd) return { message: `"${input}" holds the character ${odd}, which a web address cannot`, hint: fieldHints[field]!, onKey: false };
  // An Outlook "safe link" copied from an e-mail: the real address is its url= parameter.
  const safe = /^https:\/\/[^/]*\.safelinks\.protection\.outlook\.com\/.*?[?&]url=([^&]+)/.exec(input);
  if (safe) {
    let real: string | undefined;
    try { real = decodeURIComponent(safe[1]!); } catch { /* shown without it */ }
    return { message: 'this is an Outlook "safe link", which leads through Microsoft\'s servers and is too long to print', hint: real ? `Write the address it stands for: ${field}: ${real}` : 'Write the address it stands for, as the web site shows it.', onKey: false };
  }
  const end = sentenceEndOf(input);
  if (end) {
    return { message: `"${input}" ends in "${end}", which is not part of ${what}`, hint: `Delete it (${field}: ${input.slice(0, -end.length)}); the sentence it came from is not printed here.`, onKey: false };
  }
  if (input.startsWith('https://') && !input.slice(8).split(/[/?#]/)[0]!.includes('.')) {
    return { message: `"${input}" names no full host after https:// (such as www.example.org)`, hint: fieldHints[field]!, onKey: false };
  }
  return undefined;
}

/** "+49 40 123456-0 / -99": another extension after the number. */
const SECOND_NUMBER = /\s*\/\s*[-–\u2010\u2011]\s*\d.*$/;

/** brand.yaml's word divisions: a language code, below it a list of words. */
function hyphenationProblem(issue: core.$ZodIssue, input: unknown): SchemaWording {
  const [, language, index] = issue.path;
  const form = 'Write the language code on its own line under "hyphenation:" ("  de:"), and below it each word on a line starting with "- " ("    - Prozessor-geschwindigkeit").';
  if (issue.code === 'invalid_key') {
    const key = String(issue.path.at(-1) ?? language);
    return { message: `"${key}" is not a language code`, hint: 'Write the code as sheet.yaml lists it, in lowercase: de, en, tr.', onKey: true };
  }
  if (language === undefined) return { message: `"hyphenation" lists words under a language code, found ${describe(input)}`, hint: form, onKey: false };
  if (index === undefined) return { message: `the words for "${String(language)}" must be a list, found ${describe(input)}`, hint: form, onKey: false };
  return { message: `entry ${Number(index) + 1} of "${String(language)}" is not a word, found ${describe(input)}`, hint: 'Write one word per entry, with a hyphen where it may be divided ("Datenschutz-vereinbarung"), or remove the line.', onKey: false };
}

/** brand.yaml's print colours: one wording for every way a value can be wrong. */
function cmykProblem(issue: core.$ZodIssue, input: unknown): SchemaWording {
  const [, name, key] = issue.path.map(String);
  if (name === 'logo') {
    if (issue.code === 'invalid_key' || key === undefined) {
      return { message: 'the logo\'s colours are listed by their hex value, e.g. "#F2B200": [0, 30, 100, 5]', hint: 'Write each colour as "#" and six hexadecimal digits, in quotes (a "#" outside quotes starts a comment), as the SVG paints it.', onKey: issue.code === 'invalid_key' };
    }
  }
  const colour = name === 'logo' ? key! : name!;
  const example = `${name === 'logo' ? `"${colour}"` : colour}: [0, 100, 90, 10]`;
  if (input === undefined) {
    return { message: `the CMYK value of "${colour}" is missing`, hint: `Every brand colour needs one: add "${colour}: [cyan, magenta, yellow, black]" under cmyk, in per cent, from the brand manual.`, onKey: false };
  }
  // An entry of the list ("0%", 120): one finding for the list, naming the first wrong entry.
  const entry = issue.path.length > (name === 'logo' ? 3 : 2);
  const percentSign = typeof input === 'string' && /%\s*$/.test(input);
  return {
    message: `the CMYK value of "${colour}" must be four numbers from 0 to 100 (cyan, magenta, yellow, black), found ${Array.isArray(input) ? `a list of ${input.length}` : entry ? `${describe(input)} in it` : describe(input)}`,
    hint: percentSign ? `Write the numbers without "%": they are per cent already, e.g. ${example}.` : `Write the four per cent values in brackets, e.g. ${example}.`,
    onKey: false,
    ...(entry && { up: 1 }),
  };
}

const examples: Record<string, string> = {
  name: 'München',
  office: 'IG Metall München',
  street: 'Musterstraße 1',
  city: 'München',
  title: 'Zoom-Meeting und Datenschutz',
  kicker: 'Videokonferenzen der IG Metall {region.name}',
  heading: 'Fazit',
  headline: 'Sicher dabei in Zoom-Meetings',
  hours: 'Mo–Do 9–16 Uhr',
};
/** Markdown fields, usually paragraphs: the hint shows how to write several lines. */
const MULTILINE = new Set(['lead', 'body', 'append']);
/** An example value of `field` for a hint ("a text" for a field without one). */
/** A placeholder in a text nothing fills (a region's own fields, brand.yaml's organisation and footer). */
export const printedAsWritten = (placeholder: string): string => `${placeholder} is printed as written here: placeholders are filled in the sheets' texts only`;

/** A region or sheet id longer than the output's file names allow (MAX_ID_LENGTH in ids.ts). */
export function idTooLong(kind: 'region' | 'sheet', id: string): Wording {
  return {
    message: `the ${kind} id "${id.length > 40 ? `${id.slice(0, 40)}…` : id}" is ${id.length} characters long; ${kind} ids may be at most ${MAX_ID_LENGTH}, since the PDFs' file names are made of them`,
    hint: kind === 'region' ? 'Rename the file to a shorter id (the name of the place, e.g. bremen.yaml); the full name goes into "name:".'
      : 'Choose a shorter id (a few words, e.g. betriebsratswahl-2026): rename the folder, and write the same id in sheet.yaml.',
  };
}

export function exampleFor(field: string): string {
  return examples[field] ?? 'a text';
}

/** The closest candidate within a small edit distance, for "did you mean …?". */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  // Up to a third of the word, at least 2; but a suggestion keeps at least one letter of the word
  // (every two-letter language code is two edits from every other: "pl" is not "de").
  let bestDistance = Math.min(Math.max(2, Math.floor(word.length / 3)), Math.max(1, word.length - 1)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/**
 * Limits of one Markdown text (a body, a lead, a region's append). The parser's time grows faster
 * than the text where lists or quotations nest deeply or bold and italic marks pile up (a minute
 * and more for 40 KB), and a list nested a hundred levels deep breaks the layout: so a text past
 * these limits is refused before it is parsed. An info sheet's section is a few thousand
 * characters, a list two or three levels deep; the limits are far above what a sheet can print.
 */
export const MARKDOWN_LIMITS = {
  /** Characters of one text (the longest section of the Zoom sheet has 3,300). */
  characters: 20_000,
  lines: 1_000,
  /** "*", "_", "[" and "]" in one text: bold, italic and links, each written with two or four. */
  marks: 1_000,
  /** Columns of indentation and list or quotation marks before a line's text (a tab is up to 4). */
  prefix: 40,
  /** Levels of lists inside lists: the templates set three (a list in an item of a list in an item). */
  listDepth: 3,
} as const;

const SPLIT = 'Split it into several sections (each with its own id and heading): a sheet prints a few thousand characters per section.';
export const markdownWording = {
  tooLong: (characters: number): Wording => ({
    message: `the text has ${characters.toLocaleString('en')} characters, more than the ${MARKDOWN_LIMITS.characters.toLocaleString('en')} a text may have`,
    hint: SPLIT,
  }),
  tooManyLines: (lines: number): Wording => ({
    message: `the text has ${lines.toLocaleString('en')} lines, more than the ${MARKDOWN_LIMITS.lines.toLocaleString('en')} a text may have`,
    hint: SPLIT,
  }),
  tooManyMarks: (marks: number): Wording => ({
    message: `the text has ${marks.toLocaleString('en')} of the marks "*", "_", "[" and "]", more than the ${MARKDOWN_LIMITS.marks.toLocaleString('en')} a text may have`,
    hint: `Bold, italic and links need a few of them each. ${SPLIT}`,
  }),
  deepLine: (columns: number): Wording => ({
    message: `a line starts with ${columns} columns of indentation and list or quotation marks, nesting it deeper than a sheet can print`,
    hint: `Lists nest at most ${MARKDOWN_LIMITS.listDepth} levels deep (each level's "- " indented by two more spaces than the one above): move the deeper items up.`,
  }),
  deepList: (): Wording => ({
    message: `a list nested more than ${MARKDOWN_LIMITS.listDepth} levels deep, deeper than a sheet can print`,
    hint: `Lists nest at most ${MARKDOWN_LIMITS.listDepth} levels deep (a list in an item of a list in an item): move the deeper items up a level, or write them as a sentence.`,
  }),
};

/**
 * A character reference ("&shy;", "&#x200B;") in Markdown, which the parser replaces by its
 * character after the checks of typed characters ran: `stands` names that character.
 */
export const characterReference = (reference: string, stands: string): Wording => ({
  message: `"${reference}" is HTML's way of writing ${stands}; a text is printed as typed, so write the character itself`,
  hint: 'Type the character where it belongs, or leave it out: a character that prints as nothing rarely belongs in a text (and one inside an address makes its link go elsewhere). "&" followed by a space is printed as it is.',
});

/** An "http://" address written out in a Markdown text, which would become a link like any address. */
export const plainHttpAddress = (address: string): Wording => ({
  message: `the address "${address}" would be a link that does not start with https://, mailto: or tel:`,
  hint: 'Write it with https:// (an address written out in the text becomes a link), e.g. https://www.example.org/.',
});
