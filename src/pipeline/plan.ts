import path from 'node:path';
import { UsageError, type Finding } from '../findings.js';
import type { VariantKey } from '../model.js';
import { suggest } from '../messages.js';
import type { ValidContent } from './validate.js';
import { SLUG, slugFor } from '../content/ids.js';

/**
 * Which variants a run builds: every sheet × region × locale × template, narrowed by the
 * selectors. A selector naming nothing that exists is a usage error (exit 2), not an empty build.
 */

export interface Selection {
  sheets?: string[];
  regions?: string[];
  locales?: string[];
  templates?: string[];
}

export interface PlannedVariant {
  key: VariantKey;
  /** Files with errors this variant needs; when non-empty it is reported as failed, not built. */
  blockedBy: string[];
}

/**
 * What `ValidContent.broken` holds for a region whose overrides of one sheet have errors: that
 * sheet's variants of the region are not built, the region's other sheets are.
 */
export const overridesOf = (regionFile: string, sheet: string): string => `${regionFile}#overrides.${sheet}`;

export function planVariants(content: ValidContent, selection: Selection, templateIds: readonly string[]): PlannedVariant[] {
  const sheetIds = content.sheetIds;
  const pick = <T extends string>(all: readonly T[], chosen?: string[]) => (chosen?.length ? all.filter((x) => chosen.includes(x)) : [...all]);
  checkSelection('sheet', selection.sheets, sheetIds);
  checkSelection('region', selection.regions, content.regionIds, content.misnamedRegions);
  // A sheet.yaml that cannot be read as YAML lists no languages: its finding says what is wrong,
  // not "there is no locale" (a usage error, exit 2, that hid it).
  if (!pick(sheetIds, selection.sheets).some((id) => content.unreadableSheets.includes(id))) checkSelection('locale', selection.locales, content.languages);
  checkSelection('template', selection.templates, templateIds);

  const brandFile = path.join(content.root, 'brand.yaml');
  const planned: PlannedVariant[] = [];
  for (const sheetId of pick(sheetIds, selection.sheets)) {
    const sheet = content.sheets.get(sheetId);
    const sheetFile = path.join(content.root, 'sheets', sheetId, 'sheet.yaml');
    // A sheet whose sheet.yaml cannot be read has no known locales: one failed entry per region stands for it.
    const locales = sheet ? pick(sheet.meta.locales, selection.locales) : ['?'];
    const tmpls = sheet ? pick(sheet.meta.templates, selection.templates) : ['?'];
    for (const region of pick(content.regionIds, selection.regions)) {
      for (const locale of locales) {
        for (const template of tmpls) {
          const needs = [brandFile, sheetFile, path.join(content.root, 'sheets', sheetId, `${locale}.yaml`), path.join(content.root, 'regions', `${region}.yaml`)];
          const blockedBy = needs.filter((f) => content.broken.has(f));
          if (content.broken.has(overridesOf(needs[3]!, sheetId)) && !blockedBy.includes(needs[3]!)) blockedBy.push(needs[3]!);
          if (!content.brand && !blockedBy.includes(brandFile)) blockedBy.push(brandFile);
          if (sheet && !sheet.texts.has(locale) && !blockedBy.includes(needs[2]!)) blockedBy.push(needs[2]!);
          if ((!sheet || sheet.unprintable.has(locale)) && !blockedBy.includes(sheetFile)) blockedBy.push(sheetFile);
          planned.push({ key: { sheet: sheetId, region, locale, template }, blockedBy });
        }
      }
    }
  }
  // Each id exists, but not together ("--sheet kurz --locale en" for a sheet in German only): an
  // empty build would succeed, and CI would publish nothing without a word.
  const selected = Object.values(selection).some((ids) => ids?.length);
  if (planned.length === 0 && selected && content.regionIds.length > 0) {
    const offers = pick(sheetIds, selection.sheets).flatMap((id) => {
      const meta = content.sheets.get(id)?.meta;
      return meta ? [`sheet ${id} has locales ${meta.locales.join(', ')} and templates ${meta.templates.join(', ')}`] : [];
    });
    throw new UsageError(`no variant matches this selection${offers.length ? `: ${offers.join('; ')}` : ''}`);
  }
  return planned;
}

/** A selector naming an id that does not exist is a usage error, with the ids that do. */
export function checkSelection(what: string, chosen: string[] | undefined, known: readonly string[], misnamed: ReadonlyMap<string, string> = new Map()): void {
  const region = what === 'region';
  for (const given of chosen ?? []) {
    if (known.includes(given)) continue;
    // "--region content/regions/bremen.yaml": the file named instead of its id; "lübeck": ids are
    // spelt without umlauts, so the region file must be named luebeck.yaml.
    const bare = region ? path.basename(given).replace(/\.ya?ml$/i, '') : given;
    const id = region ? slugFor(bare) : given;
    const near = [bare, id].find((c) => c !== given && known.includes(c)) ?? suggest(given, known);
    const rule = region && !SLUG.test(given) ? `. Region ids are lowercase a–z, digits and hyphens, and the file is named by its id: regions/${id}.yaml` : '';
    // A file that looks like this region but is not read for its name (Bremen.yaml, bremen.yaml.txt).
    const file = region ? misnamed.get(id) : undefined;
    const rename = file ? `. regions/${file} looks like it, but is not read: rename it to ${id}.yaml` : '';
    throw new UsageError(`there is no ${what} "${given}"${near ? ` (did you mean "${near}"?)` : ''}; ${what}s: ${known.join(', ') || 'none'}${rule}${rename}`);
  }
}

/**
 * Whether a content file is read by no variant of the selection: another region's file, another
 * sheet's files. (Shared files, brand.yaml, are read by all.) Its findings are not the business of
 * a run for one region: a regional office checking its own file is not failed by another's.
 */
export function outsideSelection(content: Pick<ValidContent, 'root'>, selection: Selection, finding: Pick<Finding, 'file' | 'yamlPath'>): boolean {
  const abs = path.resolve(finding.file);
  const under = (dir: string) => abs.startsWith(`${path.join(content.root, dir)}${path.sep}`);
  if (selection.regions?.length && under('regions') && !selection.regions.some((id) => abs === path.join(content.root, 'regions', `${id}.yaml`))) return true;
  if (selection.sheets?.length && under('sheets')) return !selection.sheets.some((id) => abs.startsWith(`${path.join(content.root, 'sheets', id)}${path.sep}`));
  // A region's overrides of a sheet the selection leaves out.
  const overridden = /^overrides\.([^.]+)/.exec(finding.yamlPath)?.[1];
  return !!selection.sheets?.length && under('regions') && overridden !== undefined && !selection.sheets.includes(overridden);
}
