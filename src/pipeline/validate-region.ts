import { statSync } from 'node:fs';
import type { Finding } from '../findings.js';
import type { FontFamily } from '../fonts.js';
import { exampleFor, isLanguageCode, printedAsWritten, suggest } from '../messages.js';
import { checkSchema, findingAt } from '../content/check-schema.js';
import { checkJoinedLines, checkPlainText, checkQuotes, checkStrings, markdownText } from '../content/check-text.js';
import { regionSchema } from '../content/schema.js';
import { slugFor } from '../content/ids.js';
import { placeholderPrintedAsWritten } from '../content/placeholders.js';
import { checkLanguageForms, contentLanguages } from '../content/language-forms.js';
import type { PathSegment, SourceFile } from '../content/source.js';
import type { Note, RegionData, SheetData, SectionOverride } from './validate.js';

/**
 * A region file: its schema, its name against the organisation's, its contact details, each
 * language form against the sheets' languages, and its overrides against the sheets' sections.
 */
export function validateRegion(id: string, source: SourceFile, sheets: Map<string, SheetData>, sheetFolders: ReadonlySet<string>, languages: ReturnType<typeof contentLanguages>, font: FontFamily | undefined, organisation: string | undefined, note: Note): RegionData | undefined {
  const { data, findings } = checkSchema(source, regionSchema);
  note(source, findings);
  if (!data) {
    // The fields' own mistakes are listed with the schema's, not one CI round later.
    const raw = source.data as { name?: unknown; contact?: unknown } | null;
    const fieldProblems: Finding[] = [];
    if (raw && typeof raw === 'object') checkOwnFields(source, raw.name, raw.contact, fieldProblems);
    // A field the schema refused is named once.
    note(source, fieldProblems.filter((f) => !findings.some((s) => s.yamlPath === f.yamlPath)));
    return undefined;
  }
  const problems: Finding[] = [];
  const overrides: RegionData['overrides'] = new Map();
  for (const [sheetId, byLocale] of Object.entries(data.overrides ?? {})) {
    const sheet = sheets.get(sheetId);
    // A sheet whose sheet.yaml has errors fails on its own; its overrides are checked once it is fixed.
    if (!sheet && sheetFolders.has(sheetId)) continue;
    if (!sheet) {
      const near = suggest(sheetId, [...sheets.keys()]);
      problems.push(findingAt(source, ['overrides', sheetId], 'error', `overrides name the sheet "${sheetId}", which does not exist`, near ? `Did you mean "${near}"?` : sheets.size > 0 ? `Sheets: ${[...sheets.keys()].join(', ')}.` : 'This content folder has no sheets (folders under sheets/): check that --content names the right folder.', 'key'));
      continue;
    }
    // Mistakes in the overrides of one sheet hold back that sheet's PDFs of this region, not the
    // region's other sheets: the press office may rename a section or drop a language of one sheet.
    const ofSheet: Finding[] = [];
    const perLocale = new Map<string, Map<string, SectionOverride>>();
    overrides.set(sheetId, perLocale);
    // The source text decides which sections there are (resolve.ts): a section a translation
    // lacks is printed in the source language, with this region's addition in the PDF's own.
    // Checked against the translation, one section left out of tr.yaml failed every PDF of each
    // region that adds to it, in every language, at the region's file.
    const text = sheet.texts.get(sheet.meta.source_locale);
    for (const [locale, { sections }] of Object.entries(byLocale)) {
      if (!sheet.meta.locales.includes(locale)) {
        // A misspelt code ("eng", "tk") beside none for the language it resembles: that language's
        // PDFs lack the addition (or print the source language's), an error like a misspelt key of
        // a region's name or hours.
        const near = suggest(locale, sheet.meta.locales);
        if (near !== undefined && !(near in byLocale) && !isLanguageCode(locale)) {
          ofSheet.push(findingAt(source, ['overrides', sheetId, locale], 'error', `"${locale}" is not a language code of this sheet, so the "${near}" PDFs do not print this addition`,
            `Did you mean "${near}"? Locales of this sheet: ${sheet.meta.locales.join(', ')}.`, 'key'));
          continue;
        }
        // The sheet dropped the language or never had it: the text is not printed, which is worth
        // a warning, not a region without PDFs. (A sheet's languages are all the tool knows: with
        // one sheet, a dropped language is no longer known anywhere.)
        ofSheet.push(findingAt(source, ['overrides', sheetId, locale], 'warning', `the sheet "${sheetId}" has no locale "${locale}", so this override is not printed`,
          `Locales of this sheet: ${sheet.meta.locales.join(', ')}. Correct the code, remove this override, or keep it for when the sheet has the language again.`, 'key'));
        continue;
      }
      const perSection = new Map<string, SectionOverride>();
      perLocale.set(locale, perSection);
      checkQuotes(source, locale, ofSheet, ['overrides', sheetId, locale]);
      const ids = text?.sections.map((s) => s.id) ?? [];
      for (const [sectionId, o] of Object.entries(sections)) {
        if (text && !ids.includes(sectionId)) {
          const near = suggest(sectionId, ids);
          ofSheet.push(findingAt(source, ['overrides', sheetId, locale, 'sections', sectionId], 'error', `the sheet "${sheetId}" has no section "${sectionId}"`, `${near ? `Did you mean "${near}"? ` : ''}Sections: ${ids.join(', ')}.`, 'key'));
          continue;
        }
        const base: PathSegment[] = ['overrides', sheetId, locale, 'sections', sectionId];
        if (o.heading !== undefined) checkPlainText(source, [...base, 'heading'], o.heading, ofSheet);
        perSection.set(sectionId, {
          heading: o.heading,
          body: o.body === undefined ? undefined : markdownText(source, [...base, 'body'], o.body, ofSheet),
          append: o.append === undefined ? undefined : markdownText(source, [...base, 'append'], o.append, ofSheet),
        });
      }
    }
    note(source, ofSheet, sheetId);
  }
  const nameValues = typeof data.name === 'string' ? [[['name'], data.name]] : Object.entries(data.name).map(([l, v]) => [['name', l], v]);
  for (const [p, v] of nameValues as Array<[PathSegment[], string]>) {
    checkPlainText(source, p, v, problems);
    // The PDFs print the organisation before the name: "IG Metall IG Metall Bremen".
    // (Spelt with a hyphen or other spaces too: "IG-Metall Bremen".)
    const loose = (t: string) => t.trim().toLocaleLowerCase().replace(/[\s\u00a0-]+/g, ' ');
    if (organisation && loose(v).startsWith(`${loose(organisation)} `)) {
      problems.push(findingAt(source, p, 'warning', `"${v}" starts with the organisation's name, which the PDFs print before it: "${organisation} ${v}"`,
        `Write only what follows it: name: ${v.trim().slice(organisation.length).trim()}`));
    }
  }
  checkOwnFields(source, data.name, data.contact, problems);
  checkLanguageForms(source, ['name'], data.name, languages.languages, languages.sourceLocale, problems);
  checkLanguageForms(source, ['contact', 'hours'], data.contact.hours, languages.languages, languages.sourceLocale, problems);
  const hours = data.contact.hours;
  if (typeof hours === 'string') checkJoinedLines(source, ['contact', 'hours'], problems);
  else for (const locale of Object.keys(hours ?? {})) checkJoinedLines(source, ['contact', 'hours', locale], problems);
  checkStrings(source, font, problems);
  note(source, problems);
  return { id, source, data, overrides };
}


/** A region's name and contact fields are printed as written: no placeholders, no typographic quotes around them. */
function checkOwnFields(source: SourceFile, name: unknown, contact: unknown, problems: Finding[]): void {
  const entries = (value: unknown, at: PathSegment[]): Array<[PathSegment[], unknown]> =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).map(([k, v]) => [[...at, k], v]) : [[at, value]];
  const fields: Array<[PathSegment[], unknown]> = [...entries(name, ['name']), ...entries(contact, ['contact']).flatMap(([p, v]) => entries(v, p))];
  for (const [p, v] of fields) {
    if (typeof v !== 'string') continue;
    const field = String(p[0] === 'contact' ? p[1] : p[0]);
    const placeholder = placeholderPrintedAsWritten(v);
    if (placeholder) problems.push(findingAt(source, p, 'error', printedAsWritten(placeholder), `Write the text out, e.g. ${field}: ${exampleFor(field)}.`));
    // name: “Kiel-Neumünster”, from a word processor that made YAML's quotes typographic: they are
    // text, printed in the header, kicker and contact box (machine-read fields fail the schema).
    const quoted = WRAPPED_IN_QUOTES.exec(v.trim());
    if (quoted) {
      problems.push(findingAt(source, p, 'warning', `the text is in typographic quotes (${quoted[1]}…${quoted[3]}), which the PDFs print as part of it`,
        `Remove them (${field}: ${quoted[2]}): YAML needs no quotes around a text. Where it does, type straight ones ("…").`));
    }
  }
}


/** A whole value between typographic quotes: opening, text, closing. */
const WRAPPED_IN_QUOTES = /^([„“”«»‚‘])(.+)([“”«»‘’])$/su;

/**
 * Two regions of one name (a file copied as a start and not renamed inside): their PDFs could not
 * be told apart. A warning at the likely copy, naming the other: the file whose name does not
 * contain its id ("bremen-neu.yaml" named "Region Bremen"), else the one saved last.
 */
export function warnOfSharedNames(regions: ReadonlyMap<string, RegionData>, note: Note): void {
  const named = new Map<string, RegionData>();
  const savedAt = (r: RegionData) => statSync(r.source.path).mtimeMs;
  const fitsName = (r: RegionData, name: string) => slugFor(name).includes(r.id);
  const isCopy = (a: RegionData, b: RegionData, name: string) => fitsName(a, name) !== fitsName(b, name) ? !fitsName(a, name) : savedAt(a) >= savedAt(b);
  for (const region of regions.values()) {
    const name = typeof region.data.name === 'string' ? region.data.name : Object.values(region.data.name)[0] ?? '';
    const key = name.trim().toLocaleLowerCase();
    const other = named.get(key);
    if (!other) {
      named.set(key, region);
      continue;
    }
    const [copy, original] = isCopy(region, other, name) ? [region, other] : [other, region];
    note(copy.source, [findingAt(copy.source, ['name'], 'warning', `"${name}" is also the name of ${original.source.shown}: the PDFs of both regions would read the same`, 'Give this region its own name (what follows the organisation\'s name, e.g. "Bremen").')]);
  }

}
