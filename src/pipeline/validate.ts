import { isError, type Finding } from '../findings.js';
import type { SvgNode } from '../model.js';
import type { FontFamily } from '../fonts.js';
import type { Text } from '../content/check-text.js';
import type { BrandFile, RegionFile, SheetFile, SheetTextFile } from '../content/schema.js';
import type { TranslationLock, UnitStatus } from '../content/translations.js';
import { checkLanguageForms, contentLanguages } from '../content/language-forms.js';
import type { PathSegment, SourceFile } from '../content/source.js';
import { overridesOf } from './plan.js';
import { checkHyphenationWords } from '../content/check-hyphenation-words.js';
import type { ContentTree, SheetSources } from './load.js';
import { validateBrand } from './validate-brand.js';
import { validateSheet } from './validate-sheet.js';
import { validateRegion, warnOfSharedNames } from './validate-region.js';

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
  /**
   * Sheets whose sheet.yaml could not be read as YAML at all, so their languages are unknown:
   * `--locale` is taken as given for them, and their finding is what the run shows.
   */
  unreadableSheets: string[];
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
    const sheet = validateSheet(id, s as SheetSources & { meta: SourceFile }, { note, report: (f) => findings.push(f), font, templateIds, broken: tree.broken });
    if (sheet) sheets.set(id, sheet);
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
  warnOfSharedNames(regions, note);

  return { root: tree.root, brand, regionIds: tree.regionIds, misnamedRegions: tree.misnamedRegions, regions, sheetIds: [...tree.sheets.keys()], sheets, broken, languages: languages.languages, unreadableSheets: [...tree.sheets].filter(([, s]) => !s.meta).map(([id]) => id), sourceLocale: languages.sourceLocale, findings };
}


/** `sheet`: the findings concern only that sheet's variants (a region's overrides of it). */
export type Note = (source: SourceFile, findings: Finding[], sheet?: string) => void;

export { printableGaps } from './validate-sheet.js';
