import path from 'node:path';
import type { Finding } from '../findings.js';
import { missingGlyphs, type FontFamily } from '../fonts.js';
import { suggest } from '../messages.js';
import { checkSchema, findingAt } from '../content/check-schema.js';
import { checkPlainText, checkQuotes, checkStrings, markdownText } from '../content/check-text.js';
import { lockSchema, sheetSchema, sheetTextSchema, type SheetTextFile } from '../content/schema.js';
import { translationStatus, type TranslationLock, type UnitStatus } from '../content/translations.js';
import { LOCK_FILE } from '../content/ids.js';
import { catalogues } from '../../templates/messages.js';
import type { PathSegment, SourceFile } from '../content/source.js';
import { forLocale, formatDate } from '../locale.js';
import { knowsTypographyOf } from '../content/typography.js';
import { hasHyphenationFor } from '../hyphenation.js';
import type { Note, SheetData, SheetText } from './validate.js';
import type { SheetSources } from './load.js';

/**
 * Validation of a sheet: its sheet.yaml (ids, languages the templates can print, templates), each
 * language's text (schema, Markdown, placeholders, glyphs, quotes), the lock file, and each
 * translation's state against the source text.
 */

/** What checking a sheet needs of the whole run. */
export interface SheetContext {
  note: Note;
  /** A finding that fails only some variants (plan blocks them), not the whole file. */
  report: (finding: Finding) => void;
  font: FontFamily | undefined;
  templateIds: readonly string[];
  /** Files that could not be read at all (load). */
  broken: ReadonlySet<string>;
}

export function validateSheet(id: string, s: SheetSources & { meta: SourceFile }, { note, report, font, templateIds, broken }: SheetContext): SheetData | undefined {
  const { data, findings: f } = checkSchema(s.meta, sheetSchema);
  note(s.meta, f);
  if (!data) return undefined;
  const metaFindings: Finding[] = [];
  if (data.id !== id) {
    metaFindings.push(findingAt(s.meta, ['id'], 'error', `the id "${data.id}" does not match the folder name "${id}"`, `Write id: ${id}, or rename the folder.`));
  }
  if (!data.locales.includes(data.source_locale)) {
    metaFindings.push(findingAt(s.meta, ['source_locale'], 'error', `the source locale "${data.source_locale}" is not in locales`, `Add ${data.source_locale} to locales.`));
  }
  // The same language or template twice would render and list the same PDF twice.
  for (const field of ['locales', 'templates'] as const) {
    data[field].forEach((value, i) => {
      const first = data[field].indexOf(value);
      if (first < i) metaFindings.push(findingAt(s.meta!, [field, i], 'error', `"${value}" is listed twice in ${field}`, `Remove the second "${value}".`));
    });
  }
  // A listed language without its file fails that language's variants only (plan blocks them),
  // so this finding does not mark sheet.yaml itself as broken.
  data.locales.forEach((locale, i) => {
    if (!s.texts.has(locale) && !broken.has(path.join(s.dir, `${locale}.yaml`))) {
      report(findingAt(s.meta!, ['locales', i], 'error', `locale "${locale}" is listed but ${locale}.yaml does not exist`, `Add ${path.join(path.basename(s.dir), `${locale}.yaml`)} or remove "${locale}" from locales.`));
    }
  });
  // Every word a template prints besides the content (page numbers, "Contact") comes from a catalogue per language.
  // Like a missing file, this fails that language's variants only: an error of sheet.yaml, not
  // of the translation, which is checked (and its translation state reported) as usual.
  const unprintable = new Set<string>();
  data.locales.forEach((locale, i) => {
    const gaps = printableGaps(locale);
    if (gaps.length > 0) {
      unprintable.add(locale);
      report(findingAt(s.meta!, ['locales', i], 'error', `the templates cannot print the language "${locale}" yet`,
        `Languages they can print: ${Object.keys(catalogues).filter((l) => printableGaps(l).length === 0).join(', ')}. A new language needs ${gaps.join(', ')}, a developer's job.`));
      return;
    }
    // The words the templates print and the date, in the brand's font: a catalogue in a script
    // the font lacks would print garbage around a text that passed its own check.
    const words = [...Object.values(forLocale(catalogues, locale)!), formatDate(data.date, locale)].join(' ').replace(/\{[a-z]+\}/g, '');
    const lacking = font ? missingGlyphs(font, words) : [];
    if (lacking.length > 0) {
      unprintable.add(locale);
      report(findingAt(s.meta!, ['locales', i], 'error', `the templates' words for "${locale}" (page numbers, "${forLocale(catalogues, locale)!.contact}", the date) have characters the font ${font!.family} cannot print: ${lacking.slice(0, 8).join(' ')}`,
        `Keep "${locale}" out of locales until the brand has a font with these letters (fonts/ and brand.yaml, a developer's job).`));
    }
  });
  data.templates.forEach((t, i) => {
    if (!templateIds.includes(t)) {
      const near = suggest(t, templateIds);
      metaFindings.push(findingAt(s.meta!, ['templates', i], 'error', `unknown template "${t}"`, `${near ? `Did you mean "${near}"? ` : ''}Templates: ${templateIds.join(', ')}.`));
    }
  });
  note(s.meta, metaFindings);

  const texts = new Map<string, SheetText>();
  for (const [locale, source] of s.texts) {
    if (!data.locales.includes(locale)) {
      note(source, [findingAt(source, [], 'warning', `${locale}.yaml is not built: "${locale}" is not listed in sheet.yaml locales`, `Add ${locale} to locales in sheet.yaml when the translation is ready.`)]);
    }
    // A file not built is checked all the same, but what only printing it would break (a script
    // the font lacks: a translation in progress) does not fail the others.
    const text = validateSheetText(source, font, note, data.locales.includes(locale) ? 'error' : 'warning', locale);
    if (text) texts.set(locale, text);
  }
  let lock: TranslationLock = {};
  const lockFile = path.join(s.dir, LOCK_FILE);
  let lockIntact = !broken.has(lockFile);
  if (s.lock) {
    const checked = checkSchema(s.lock, lockSchema);
    note(s.lock, checked.findings);
    lock = checked.data ?? {};
    if (!checked.data) lockIntact = false;
  }
  const status = new Map<string, UnitStatus[]>();
  const sourceText = texts.get(data.source_locale);
  for (const [locale, text] of texts) {
    if (locale === data.source_locale || !sourceText || !data.locales.includes(locale)) continue;
    status.set(locale, translationStatus(sourceText.raw, text.raw, lock[locale], sourceText.source.asTyped as SheetTextFile, data.source_locale));
    const known = new Set(sourceText.raw.sections.map((x) => x.id));
    const translated = new Set(text.raw.sections.map((x) => x.id));
    const src = `${data.source_locale}.yaml`;
    text.raw.sections.forEach((x, i) => {
      if (known.has(x.id)) return;
      // The source's section at the same place, which this file lacks: the id was most likely
      // translated along with the text ("warum-zoom" → "why-zoom").
      const there = sourceText.raw.sections[i]?.id;
      const hint = there !== undefined && !translated.has(there)
        ? `${src} has "${there}" at this place, which this file lacks: ids are not translated, so write id: ${there}.`
        : `Use the id of the section of ${src} it translates; a new section is written in ${src} first, and the translations follow its ids.`;
      note(text.source, [findingAt(text.source, ['sections', i, 'id'], 'warning', `the section "${x.id}" is not in the source text (${src}), so it is not printed`, hint)]);
    });
  }
  return { id, source: s.meta, meta: data, texts, lock, lockFile, lockIntact, status, unprintable };
}

/**
 * What infoblatt lacks to print `locale` properly: the templates' words, its quotation marks and
 * print rules (typography.ts), its hyphenation patterns. Without them a PDF would come out with
 * German labels, English quotes or no hyphenation, and look right to nobody.
 */
export function printableGaps(locale: string): string[] {
  return [
    !forLocale(catalogues, locale) && 'its words in templates/messages.ts',
    !knowsTypographyOf(locale) && 'its quotation marks in src/content/typography.ts',
    !hasHyphenationFor(locale) && 'its hyphenation patterns in src/hyphenation.ts',
  ].filter((gap): gap is string => typeof gap === 'string');
}


function validateSheetText(source: SourceFile, font: FontFamily | undefined, note: Note, glyphs: 'error' | 'warning' = 'error', locale?: string): SheetText | undefined {
  const { data, findings } = checkSchema(source, sheetTextSchema);
  note(source, findings);
  if (!data) return undefined;
  const problems: Finding[] = [];
  const seen = new Map<string, number>();
  data.sections.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined) problems.push(findingAt(source, ['sections', i, 'id'], 'error', `the section id "${s.id}" is used twice (also sections[${first}])`, 'Give every section its own id.'));
    else seen.set(s.id, i);
  });
  const lead = markdownText(source, ['lead'], data.lead, problems);
  // The template sets the lead as one paragraph beside the contact card.
  if (lead.blocks.length > 1 || lead.blocks.some((x) => x.kind !== 'paragraph')) {
    problems.push(findingAt(source, ['lead'], 'error', 'the lead is one paragraph, without lists', 'Move the other paragraphs or the list into the first section.'));
  }
  const sections = data.sections.map((s, i) => ({
    id: s.id,
    heading: s.heading,
    headingAt: ['sections', i, 'heading'],
    body: markdownText(source, ['sections', i, 'body'], s.body, problems),
  }));
  const flyer = data.flyer ? [[['flyer', 'headline'], data.flyer.headline], ...data.flyer.points.map((p, i) => [['flyer', 'points', i], p])] : [];
  for (const [p, value] of [[['title'], data.title], [['kicker'], data.kicker], ...data.sections.map((s, i) => [['sections', i, 'heading'], s.heading]), ...flyer] as Array<[PathSegment[], string]>) {
    checkPlainText(source, p, value, problems);
  }
  checkStrings(source, font, problems, glyphs);
  if (locale) checkQuotes(source, locale, problems);
  note(source, problems);
  return { source, raw: data, title: data.title, kicker: data.kicker, lead, subject: data.subject, keywords: data.keywords ?? [], sections };
}
