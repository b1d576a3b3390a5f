import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isError, type Finding } from '../findings.js';
import type { SvgNode } from '../model.js';
import { availableFonts, missingGlyphs, type FontFamily } from '../fonts.js';
import { suggest } from '../messages.js';
import { displayPath, isInside } from '../paths.js';
import { checkSchema, findingAt } from '../content/check-schema.js';
import { checkPlainText, checkQuotes, checkStrings, markdownText, type Text } from '../content/check-text.js';
import {
  brandSchema, regionSchema, sheetSchema, sheetTextSchema,
  lockSchema, type BrandFile, type RegionFile, type SheetFile, type SheetTextFile,
} from '../content/schema.js';
import { translationStatus, type TranslationLock, type UnitStatus } from '../content/translations.js';
import { LOCK_FILE, slugFor } from '../content/ids.js';
import { parseSvg } from '../content/svg.js';
import { checkPrintColours } from '../content/print-colours.js';
import { checkLanguageForms, contentLanguages } from '../content/language-forms.js';
import { catalogues } from '../../templates/messages.js';
import type { PathSegment, SourceFile } from '../content/source.js';
import type { ContentTree } from './load.js';
import { overridesOf } from './plan.js';
import { forLocale, formatDate } from '../locale.js';
import { knowsTypographyOf } from '../content/typography.js';
import { hasHyphenationFor } from '../hyphenation.js';
import { checkHyphenationWords } from '../content/check-hyphenation-words.js';

/**
 * Stage 2, validate: every file against its schema, then what no single schema can see (ids that
 * must match across files, overrides of sections that do not exist, placeholders, Markdown, logo,
 * glyphs the font lacks). All findings of a run are collected, not just the first.
 */

export interface SectionText {
  id: string;
  heading: string;
  headingAt: PathSegment[];
  body: Text;
}

export interface SheetText {
  source: SourceFile;
  /** The file as written, for translation hashes. */
  raw: SheetTextFile;
  title: string;
  kicker: string;
  lead: Text;
  subject?: string;
  keywords: string[];
  sections: SectionText[];
}

export interface SheetData {
  id: string;
  source: SourceFile;
  meta: SheetFile;
  texts: Map<string, SheetText>;
  lock: TranslationLock;
  lockFile: string;
  /** False when the lock file exists but cannot be read or has errors: `lock` is then empty. */
  lockIntact: boolean;
  /** Per translation (not the source locale): which parts are complete, missing or outdated. */
  status: Map<string, UnitStatus[]>;
  /** Languages in `locales` the templates cannot print: an error of sheet.yaml, which stops their variants. */
  unprintable: Set<string>;
}

export interface SectionOverride {
  heading?: string;
  body?: Text;
  append?: Text;
}

export interface RegionData {
  id: string;
  source: SourceFile;
  data: RegionFile;
  /** sheet → locale → section id → override */
  overrides: Map<string, Map<string, Map<string, SectionOverride>>>;
}

export interface BrandData {
  source: SourceFile;
  data: BrandFile;
  logo: SvgNode;
  font: FontFamily;
}

export type { Text };

export interface ValidContent {
  root: string;
  brand?: BrandData;
  regionIds: string[];
  /** Region files not built for their names, by the id they look like (ContentTree). */
  misnamedRegions: ReadonlyMap<string, string>;
  regions: Map<string, RegionData>;
  sheetIds: string[];
  sheets: Map<string, SheetData>;
  /** Absolute paths of files with errors: the variants that need them are not built. */
  broken: Set<string>;
  /**
   * Every language a sheet.yaml lists, read even from one with errors: `--locale de` is no usage
   * error while de's sheet.yaml has a typo; the typo is the finding the user needs to see.
   */
  languages: string[];
  /** The language most sheets are written in: the index page and its labels use it. */
  sourceLocale: string | undefined;
  findings: Finding[];
}

export interface ValidateOptions {
  /** Print versions are wanted (build --print, check --print): the print colours must be complete. */
  print?: boolean;
}

export function validateContent(tree: ContentTree, templateIds: readonly string[], options: ValidateOptions = {}): ValidContent {
  const findings: Finding[] = [...tree.findings];
  const broken = new Set(tree.broken);
  const note: Note = (source, list, sheet) => {
    findings.push(...list);
    if (list.some(isError)) broken.add(sheet === undefined ? source.path : overridesOf(source.path, sheet));
  };

  const brand = tree.brand ? validateBrand(tree.brand, tree.root, note, options) : undefined;
  const font = brand?.font;

  const sheets = new Map<string, SheetData>();
  for (const [id, s] of tree.sheets) {
    if (!s.meta) continue;
    const { data, findings: f } = checkSchema(s.meta, sheetSchema);
    note(s.meta, f);
    if (!data) continue;
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
      if (!s.texts.has(locale) && !tree.broken.has(path.join(s.dir, `${locale}.yaml`))) {
        findings.push(findingAt(s.meta!, ['locales', i], 'error', `locale "${locale}" is listed but ${locale}.yaml does not exist`, `Add ${path.join(path.basename(s.dir), `${locale}.yaml`)} or remove "${locale}" from locales.`));
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
        findings.push(findingAt(s.meta!, ['locales', i], 'error', `the templates cannot print the language "${locale}" yet`,
          `Languages they can print: ${Object.keys(catalogues).filter((l) => printableGaps(l).length === 0).join(', ')}. A new language needs ${gaps.join(', ')}, a developer's job.`));
        return;
      }
      // The words the templates print and the date, in the brand's font: a catalogue in a script
      // the font lacks would print garbage around a text that passed its own check.
      const words = [...Object.values(forLocale(catalogues, locale)!), formatDate(data.date, locale)].join(' ').replace(/\{[a-z]+\}/g, '');
      const lacking = font ? missingGlyphs(font, words) : [];
      if (lacking.length > 0) {
        unprintable.add(locale);
        findings.push(findingAt(s.meta!, ['locales', i], 'error', `the templates' words for "${locale}" (page numbers, "${forLocale(catalogues, locale)!.contact}", the date) have characters the font ${font!.family} cannot print: ${lacking.slice(0, 8).join(' ')}`,
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
    let lockIntact = !tree.broken.has(lockFile);
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
      status.set(locale, translationStatus(sourceText.raw, text.raw, lock[locale], sourceText.source.asTyped as SheetTextFile));
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
    sheets.set(id, { id, source: s.meta, meta: data, texts, lock, lockFile, lockIntact, status, unprintable });
  }

  const languages = contentLanguages([...tree.sheets.values()].map((s) => s.meta));
  if (brand) {
    const forms: Finding[] = [];
    // resolveBrand prints a missing language's footer from the map's first form.
    checkLanguageForms(brand.source, ['footer'], brand.data.footer, languages.languages, undefined, forms);
    checkHyphenationWords(brand.source, brand.data.hyphenation, languages.languages, forms);
    note(brand.source, forms);
  }
  const regions = new Map<string, RegionData>();
  const sheetFolders = new Set(tree.sheets.keys());
  for (const [id, source] of tree.regions) {
    const region = validateRegion(id, source, sheets, sheetFolders, languages, font, brand?.data.organisation, note);
    if (region) regions.set(id, region);
  }
  // Two regions of one name (a file copied as a start and not renamed inside): their PDFs could
  // not be told apart. A warning at the likely copy, naming the other: the file whose name does
  // not contain its id ("bremen-neu.yaml" named "Region Bremen"), else the one saved last.
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

  return { root: tree.root, brand, regionIds: tree.regionIds, misnamedRegions: tree.misnamedRegions, regions, sheetIds: [...tree.sheets.keys()], sheets, broken, languages: languages.languages, sourceLocale: languages.sourceLocale, findings };
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

/** `sheet`: the findings concern only that sheet's variants (a region's overrides of it). */
type Note = (source: SourceFile, findings: Finding[], sheet?: string) => void;


function validateBrand(source: SourceFile, root: string, note: Note, options: ValidateOptions): BrandData | undefined {
  const { data, findings } = checkSchema(source, brandSchema);
  note(source, findings);
  if (!data) return undefined;
  const problems: Finding[] = [];
  const fonts = availableFonts();
  const font = fonts.get(data.font);
  if (!font) {
    const near = suggest(data.font, [...fonts.keys()]);
    problems.push(findingAt(source, ['font'], 'error', `the font "${data.font}" is not shipped with infoblatt`,
      `${near ? `Did you mean "${near}"? ` : ''}Available: ${[...fonts.keys()].join(', ')}.`));
  }
  const logo = loadLogo(data.logo, root);
  if (typeof logo === 'string') problems.push(findingAt(source, ['logo'], 'error', logo, 'Point logo at an SVG file inside the content folder, e.g. logo: logo.svg.'));
  else if ('problem' in logo) {
    // Where the parser knows the place in the SVG file, the finding points there.
    const file = path.resolve(root, data.logo);
    problems.push(logo.at
      ? { severity: 'error', file: displayPath(file), line: logo.at.line, column: logo.at.column, yamlPath: '', message: logo.problem, hint: logo.hint }
      : findingAt(source, ['logo'], 'error', logo.problem, logo.hint));
  } else problems.push(...checkPrintColours(source, data, logo.tree, options.print ?? false));
  note(source, problems);
  if (!font || typeof logo === 'string' || 'problem' in logo) return undefined;
  return { source, data, logo: logo.tree, font };
}

/** The logo must stay inside the content tree: a content folder is self-contained. */
function loadLogo(relative: string, root: string): ReturnType<typeof parseSvg> | string {
  const file = path.resolve(root, relative);
  if (path.isAbsolute(relative) || !isInside(root, file)) return `the logo path "${relative}" leaves the content folder`;
  if (!existsSync(file)) return `the logo file "${relative}" does not exist`;
  if (!isInside(realpathSync(root), realpathSync(file))) return `the logo "${relative}" is a link to a file outside the content folder`;
  if (!statSync(file).isFile()) return `the logo "${relative}" is a folder, not an SVG file`;
  return parseSvg(readFileSync(file, 'utf8'));
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

function validateRegion(id: string, source: SourceFile, sheets: Map<string, SheetData>, sheetFolders: ReadonlySet<string>, languages: ReturnType<typeof contentLanguages>, font: FontFamily | undefined, organisation: string | undefined, note: Note): RegionData | undefined {
  const { data, findings } = checkSchema(source, regionSchema);
  note(source, findings);
  if (!data) return undefined;
  const problems: Finding[] = [];
  const overrides: RegionData['overrides'] = new Map();
  for (const [sheetId, byLocale] of Object.entries(data.overrides ?? {})) {
    const sheet = sheets.get(sheetId);
    // A sheet whose sheet.yaml has errors fails on its own; its overrides are checked once it is fixed.
    if (!sheet && sheetFolders.has(sheetId)) continue;
    if (!sheet) {
      const near = suggest(sheetId, [...sheets.keys()]);
      problems.push(findingAt(source, ['overrides', sheetId], 'error', `overrides name the sheet "${sheetId}", which does not exist`, near ? `Did you mean "${near}"?` : `Sheets: ${[...sheets.keys()].join(', ')}.`, 'key'));
      continue;
    }
    // Mistakes in the overrides of one sheet hold back that sheet's PDFs of this region, not the
    // region's other sheets: the press office may rename a section or drop a language of one sheet.
    const ofSheet: Finding[] = [];
    const perLocale = new Map<string, Map<string, SectionOverride>>();
    overrides.set(sheetId, perLocale);
    for (const [locale, { sections }] of Object.entries(byLocale)) {
      const text = sheet.texts.get(locale) ?? sheet.texts.get(sheet.meta.source_locale);
      if (!sheet.meta.locales.includes(locale)) {
        // The sheet dropped the language, never had it, or the code is misspelt: either way the
        // text is not printed, which is worth a warning, not a region without PDFs. (A sheet's
        // languages are all the tool knows: with one sheet, a dropped language is no longer known
        // anywhere, so "known elsewhere" cannot tell a dropped language from a typo.)
        ofSheet.push(findingAt(source, ['overrides', sheetId, locale], 'warning', `the sheet "${sheetId}" has no locale "${locale}", so this override is not printed`,
          `Locales of this sheet: ${sheet.meta.locales.join(', ')}. Correct the code, remove this override, or keep it for when the sheet has the language again.`, 'key'));
        continue;
      }
      const perSection = new Map<string, SectionOverride>();
      perLocale.set(locale, perSection);
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
  // Placeholders are filled in the sheets' texts; the region's own fields are printed as written.
  const fields: Array<[PathSegment[], unknown]> = [...(nameValues as Array<[PathSegment[], string]>), ...Object.entries(data.contact).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? Object.entries(v).map(([l, t]) => [['contact', k, l], t] as [PathSegment[], unknown]) : [[['contact', k], v] as [PathSegment[], unknown]])];
  for (const [p, v] of fields) {
    const placeholder = typeof v === 'string' ? /\{[a-z]+(?:\.[a-z]+)*\}/.exec(v)?.[0] : undefined;
    if (placeholder) problems.push(findingAt(source, p, 'error', `${placeholder} is printed as written here: placeholders are filled in the sheets' texts only`, 'Write the text out, e.g. office: IG Metall Bremen.'));
  }
  checkLanguageForms(source, ['name'], data.name, languages.languages, languages.sourceLocale, problems);
  checkLanguageForms(source, ['contact', 'hours'], data.contact.hours, languages.languages, languages.sourceLocale, problems);
  checkStrings(source, font, problems);
  note(source, problems);
  return { id, source, data, overrides };
}
