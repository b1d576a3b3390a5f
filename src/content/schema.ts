import { z } from 'zod';
import type { COLOUR_FIELDS } from '../messages.js';
import { ENTRY } from './hyphenation-words.js';
import { LOCALE, MAX_ID_LENGTH, SLUG } from './ids.js';

/**
 * The content format, defined once. The validator, the TypeScript types (z.infer) and the JSON
 * Schemas for editors (content/schema/*.schema.json, written by `infoblatt schema`) all come from here.
 * This is a contract with regional offices and CI scripts: extend it, never break it.
 */

const text = z.string().trim().min(1);
export const slug = z.string().regex(SLUG);
export const localeCode = z.string().regex(LOCALE);
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/**
 * A text that is the same in every language, or a map locale → text. An empty map ("hours: {}")
 * has no text in any language: it printed "undefined" or crashed the layout.
 */
export const localizedText = z.union([text, z.record(localeCode, text).refine((map) => Object.keys(map).length > 0, { message: 'empty language map' })]);
export type LocalizedText = z.infer<typeof localizedText>;

const markdown = text.meta({
  description: 'Markdown: paragraphs, **bold**, *italic*, [links](https://…), bullet and numbered lists. Placeholders such as {region.name} are filled in per region.',
});

/** Every web address in the content: https only, a real host name. */
const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain })
  // The URL parser accepts spaces, quotes and angle brackets and would encode them into the link;
  // so it would characters that print as nothing (a zero-width space, a soft hyphen), pasted along.
  // (Ranges, not \p{Cf}: editors read the JSON Schema's patterns without the "u" flag.)
  .regex(/^[^\s"<>\\^`{|}\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+$/)
  // Punctuation of the sentence it was copied from ("…/hamburg." or "…/hamburg),"); a closing
  // bracket is the address's own only with its opening one ("…/Datenschutz_(Recht)").
  .regex(/(?<![.,;:!?])$/)
  .regex(/(?<!\))$|\(/)
  // An Outlook "safe link": the address wrapped in one of Microsoft's, too long to print.
  .regex(/^(?!https:\/\/[^/]*\.safelinks\.protection\.outlook\.com\/)/);

export const contactSchema = z.strictObject({
  office: text.meta({ description: 'Name of the office, e.g. "IG Metall Region Hamburg".' }),
  street: text.meta({ description: 'Street and number.' }),
  postcode: z.string().regex(/^[0-9A-Z][0-9A-Z -]{2,9}$/).meta({ description: 'Postcode, in quotes: "01067".' }),
  city: text,
  // 5 to 16 digits: an international number has at most 15 (E.164), plus one for an extension such
  // as "-0"; a slip of the keyboard ("+4942133588000000000") otherwise passed and overflowed a line.
  // Separators as pasted from a signature: no-break spaces and hyphens. "(040) 123456" is written
  // so; "123456-0 / -99" is two numbers, and the link would dial them as one.
  phone: z.string().regex(/^(?=(?:[^0-9]*[0-9]){5,16}[^0-9]*$)(?!.*\/\s*[-–\u2010\u2011])\+?[0-9(][0-9 ()/–\u00a0\u202f\u2010\u2011-]{4,30}$/).optional(),
  email: z.email().optional(),
  web: httpsUrl.optional(),
  hours: localizedText.optional().meta({ description: 'Opening hours, text or a map locale → text.' }),
});

const sectionOverride = z
  .strictObject({
    heading: text.optional().meta({ description: 'Replaces the section heading.' }),
    body: markdown.optional().meta({ description: 'Replaces the section body.' }),
    append: markdown.optional().meta({ description: "Added after the section body: the region's own practice, without copying the sheet's text." }),
  })
  .refine((o) => o.heading !== undefined || o.body !== undefined || o.append !== undefined, { message: 'needs heading, body or append' });

export const regionSchema = z.strictObject({
  name: localizedText.meta({ description: 'Display name, e.g. "Region Hamburg" or { de: München, en: Munich }.' }),
  contact: contactSchema,
  overrides: z
    .record(slug, z.record(localeCode, z.strictObject({ sections: z.record(slug, sectionOverride) })))
    .optional()
    .meta({ description: 'sheet id → locale → sections → section id → heading and/or body, replacing those of the sheet.' }),
});

/** The years a sheet's date may have, and the issue's message, which messages.ts words for people. */
const DATE_YEARS = /^(?:19|2\d)\d\d-/;
export const DATE_OUT_OF_RANGE = 'date out of range';

export const sheetSchema = z.strictObject({
  // The sheet's id is a folder and file name of the output (ids.ts).
  id: slug.max(MAX_ID_LENGTH),
  // A publication date, so a year of this era: "0000-01-01" passed and printed "Stand: 1. Januar 1".
  date: z.iso.date().refine((d) => DATE_YEARS.test(d), { message: DATE_OUT_OF_RANGE }).meta({ description: 'Publication date, YYYY-MM-DD, in the years 1900–2999.' }),
  source_locale: localeCode.meta({ description: 'The locale the text is written in; translations are made from it.' }),
  // uniqueItems is for editors; validate.ts reports a repeated entry with its position.
  locales: z.array(localeCode).min(1).meta({ uniqueItems: true }),
  templates: z.array(slug).min(1).meta({ uniqueItems: true }),
});

export const sectionSchema = z.strictObject({
  id: slug.meta({ description: 'Stable id; region overrides and translations refer to it.' }),
  heading: text,
  body: markdown,
});

/** The short form for the flyer and the notice-board poster: written, not cut from the long text. */
export const flyerSchema = z.strictObject({
  headline: text.meta({ description: 'Short title of the flyer and the poster (plain text).' }),
  points: z.array(text).min(3).max(6).meta({ description: 'Three to six key points, most important first (plain text). The poster shows the first five.' }),
  link: httpsUrl.optional().meta({ description: "Where the QR code leads (https), e.g. the full info sheet in this language; default: the region's web address." }),
});

export const sheetTextSchema = z.strictObject({
  title: text,
  kicker: text,
  lead: markdown,
  subject: text.optional().meta({ description: 'PDF subject; defaults to the kicker.' }),
  keywords: z.array(text).optional(),
  sections: z.array(sectionSchema).min(1),
  flyer: flyerSchema.optional().meta({ description: 'Headline, key points and QR link for the flyer and aushang templates.' }),
});

const brandColours = {
  primary: hexColor.meta({ description: 'Signal colour: header band, headings, rules.' }),
  text: hexColor,
  muted: hexColor.meta({ description: 'Secondary text: dates, footer.' }),
  tint: hexColor.meta({ description: 'Background of the contact box.' }),
  onPrimary: hexColor.meta({ description: 'Text on the signal colour.' }),
} satisfies Record<(typeof COLOUR_FIELDS)[number], z.ZodType>;
const percent = z.number().min(0).max(100);
const cmyk = z.tuple([percent, percent, percent, percent]).meta({ description: 'Cyan, magenta, yellow, black in per cent, e.g. [0, 100, 90, 10].' });
type ColourName = keyof typeof brandColours;

export const brandSchema = z.strictObject({
  organisation: text,
  colors: z.strictObject(brandColours),
  cmyk: z.strictObject({
    ...(Object.fromEntries(Object.keys(brandColours).map((name) => [name, cmyk])) as Record<ColourName, typeof cmyk>),
    logo: z.record(hexColor, cmyk).optional().meta({ description: 'Other colours the logo paints with, each by its hex value as in the SVG: "#F2B200": [0, 30, 100, 5].' }),
  })
    .optional()
    .meta({ description: 'Each colour as the print shop prints it (CMYK, from the brand manual). Print versions (build --print) are drawn with these; without them they stay RGB.' }),
  logo: z.string().regex(/\.svg$/i).meta({ description: 'SVG file, relative to the content folder and inside it.' }),
  font: text.meta({ description: 'A font family shipped with infoblatt (see fonts/).' }),
  footer: localizedText,
  // Empty (every entry commented out) is no mistake. The entries' rule is checked by
  // check-hyphenation-words.ts, which names what is wrong (a soft hyphen pasted from a word
  // processor); editors get the same rule as a pattern (the YAML language server reads patterns
  // with the "u" flag, so \p{L} means a letter there too).
  hyphenation: z.record(localeCode, z.array(text.meta({ pattern: ENTRY.source })).nullable()).nullable().optional().meta({
    description: 'Per language, words divided only where the entry has a hyphen ("Prozessor-geschwindigkeit"), or never ("Explorer"): for divisions of the patterns that mislead. A word written with hyphens of its own is listed as written ("IG-Metall-Beschäftigten") and divided only there. One word per entry; inflected forms are entries of their own.',
  }),
});

const hash = z.string().regex(/^[0-9a-f]{12}$/);
export const lockSchema = z.record(
  localeCode,
  z.strictObject({ title: hash.optional(), kicker: hash.optional(), lead: hash.optional(), flyer: hash.optional(), sections: z.record(slug, hash).optional() }),
);

export type Contact = z.infer<typeof contactSchema>;
export type RegionFile = z.infer<typeof regionSchema>;
export type SheetFile = z.infer<typeof sheetSchema>;
export type SheetTextFile = z.infer<typeof sheetTextSchema>;
export type BrandFile = z.infer<typeof brandSchema>;

/** Which schema a file gets, by its place in the tree; also the names of the JSON Schema files. */
export const schemas = {
  region: regionSchema,
  sheet: sheetSchema,
  'sheet-text': sheetTextSchema,
  brand: brandSchema,
  'translations-lock': lockSchema,
} as const;
export type SchemaName = keyof typeof schemas;
