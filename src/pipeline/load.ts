import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError, type Finding, type Severity } from '../findings.js';
import { commandLine } from '../command-line.js';
import { contentFolderAround, displayPath, isInside, missingContentFolder } from '../paths.js';
import { LOCALE_FILE, LOCK_FILE, MAX_ID_LENGTH, SLUG, slugFor } from '../content/ids.js';
import { readYamlFile, type SourceFile } from '../content/source.js';
import { idTooLong } from '../messages.js';

/**
 * Stage 1, load: find the content files by their place in the tree and parse them as YAML with
 * source positions. Nothing is interpreted yet; a file that cannot be parsed is reported and left
 * out, so that the variants that do not depend on it can still be built.
 *
 *   content/brand.yaml
 *   content/regions/<region>.yaml
 *   content/sheets/<sheet>/sheet.yaml
 *   content/sheets/<sheet>/<locale>.yaml
 *   content/sheets/<sheet>/translations.lock.yaml
 */

export interface SheetSources {
  id: string;
  dir: string;
  meta?: SourceFile;
  texts: Map<string, SourceFile>;
  /** translations.lock.yaml: what each translation was made from. */
  lock?: SourceFile;
}

export interface ContentTree {
  root: string;
  brand?: SourceFile;
  /** Every region file with a valid name, readable or not: a broken file fails its variants, it does not hide them. */
  regionIds: string[];
  regions: Map<string, SourceFile>;
  /** Region files not built for their names ("Bremen.yaml", "bremen.yaml.txt"), by the id they look like. */
  misnamedRegions: Map<string, string>;
  sheets: Map<string, SheetSources>;
  /** Files that exist but could not be read; variants that use them fail. */
  broken: Set<string>;
  findings: Finding[];
}

const CONTENT_ENTRIES = ['brand.yaml', 'regions', 'sheets'];


/**
 * A folder with files but none of a content folder's entries is a wrong --content (a region folder,
 * the project's root): a usage error naming the folder that holds them, where one is near. An empty
 * folder is a content folder not started yet; its findings say how to start.
 */
function notAContentFolder(abs: string): void {
  // Hidden files (.gitkeep, .DS_Store) do not make a folder a wrong one.
  let names: string[];
  try {
    names = readdirSync(abs);
  } catch (error) {
    throw new UsageError(`the content folder ${displayPath(abs)} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): give read permission to the user who runs infoblatt (e.g. chmod a+rx on the folder)`);
  }
  const entries = names.filter((n) => !n.startsWith('.'));
  if (entries.length === 0 || CONTENT_ENTRIES.some((e) => entries.includes(e))) return;
  const near = contentFolderAround(abs);
  throw new UsageError(`${displayPath(abs)} is not a content folder: it has no brand.yaml, regions/ or sheets/ (${near ? `did you mean --content ${displayPath(near)}?` : 'use --content DIR to name the folder that holds them'})`);
}

export function loadContent(root: string): ContentTree {
  const abs = path.resolve(root);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw missingContentFolder(abs);
  }
  notAContentFolder(abs);
  const tree: ContentTree = { root: abs, regionIds: [], regions: new Map(), misnamedRegions: new Map(), sheets: new Map(), broken: new Set(), findings: [] };
  const realRoot = realpathSync(abs);
  const read = (file: string): SourceFile | undefined => {
    // A content folder is self-contained: a link to a file elsewhere (~/.ssh, /etc) is never read.
    const real = existsSync(file) ? realpathSync(file) : undefined;
    if (!real || !isInside(realRoot, real)) {
      tree.broken.add(file);
      misplaced(file, real ? `${path.basename(file)} is a link to a file outside the content folder, so it is not read` : `${path.basename(file)} is a link to a file that does not exist`,
        'Copy the file into the content folder instead of linking to it.');
      return undefined;
    }
    // A folder named like a content file (regions/bremen.yaml/) is the user's mistake, not a crash.
    if (!statSync(real).isFile()) {
      tree.broken.add(file);
      misplaced(file, `${path.basename(file)} is a folder, not a file`, 'Move what it holds elsewhere and write the YAML file in its place.');
      return undefined;
    }
    const { source, findings } = readYamlFile(file);
    tree.findings.push(...findings);
    if (!source) tree.broken.add(file);
    return source;
  };
  const misplaced = (file: string, message: string, hint: string, severity: Severity = 'error') =>
    tree.findings.push({ severity, file: displayPath(file), line: 1, column: 1, yamlPath: '', message, hint });

  /**
   * A folder's entries, hidden ones left out; none when it does not exist. A file where the folder
   * belongs is the user's mistake, reported as such (undefined), not a crash.
   */
  const entriesOf = (dir: string, holds: string): string[] | undefined => {
    if (!existsSync(dir)) return [];
    if (!statSync(dir).isDirectory()) {
      misplaced(dir, `${path.basename(dir)} is a file, but it must be a folder`, `Rename or remove the file and make a folder ${path.basename(dir)}/ in its place, holding ${holds}.`);
      return undefined;
    }
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      misplaced(dir, `${path.basename(dir)}/ cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'Give read permission to the user who runs infoblatt (e.g. chmod a+rx on the folder).');
      return undefined;
    }
    // "~$hamburg.yaml" is Word's note that someone has hamburg.yaml open, not a file of ours.
    return names.filter((n) => !n.startsWith('.') && !n.startsWith('~$')).sort();
  };

  const brandFile = path.join(abs, 'brand.yaml');
  if (existsSync(brandFile)) tree.brand = read(brandFile);
  else misplaced(brandFile, 'brand.yaml is missing', 'Every content folder needs a brand.yaml with organisation, colors, logo, font and footer (see the README).');

  const regionEntries = entriesOf(path.join(abs, 'regions'), 'a file per region, e.g. regions/kiel.yaml');
  for (const entry of regionEntries ?? []) {
    const file = path.join(abs, 'regions', entry);
    if (!entry.endsWith('.yaml')) {
      // "bremen.YML", or "bremen.yaml.txt" from an editor that hides and adds extensions; not a
      // backup beside the file itself ("kiel.yaml.orig" next to kiel.yaml) or of another kind.
      const yamlLike = /^(.+?)\.ya?ml(\.(?:txt|text|md))?$/i.exec(entry);
      const id = yamlLike ? slugFor(yamlLike[1]!) : undefined;
      if (id !== undefined && !existsSync(path.join(abs, 'regions', `${id}.yaml`))) {
        tree.misnamedRegions.set(id, entry);
        misplaced(file, `"${entry}" is ignored, so this region is not built: region files end in .yaml`, `Rename it to ${id}.yaml.`);
      } else if (id !== undefined) {
        // An editor that saved as "hamburg.yml": edits made there would silently not count.
        misplaced(file, `"${entry}" is ignored: the region's file is ${id}.yaml`,
          `If you made changes in this file, make them in ${id}.yaml; then delete this one.`, 'warning');
      }
      continue;
    }
    const id = entry.slice(0, -'.yaml'.length);
    const original = SLUG.test(id) ? undefined : copiedRegion(id, regionEntries!);
    if (original) {
      // Renamed as suggested below, a backup would become a second region with the same name.
      misplaced(file, `"${entry}" looks like a copy of ${original}.yaml, so it is not built`,
        'Delete it, or keep backups outside the content folder. If it is to become a new region, rename it to that region\'s id (e.g. bremen.yaml) and change the name and contact inside.', 'warning');
      continue;
    }
    if (!SLUG.test(id)) {
      tree.misnamedRegions.set(slugFor(id), entry);
      misplaced(file, `"${id}" is not a valid region id (the file name is the id), so this region is not built`,
        `Rename the file using lowercase a–z, digits and hyphens, e.g. ${slugFor(id)}.yaml; the display name with umlauts goes into "name:".`);
      continue;
    }
    if (id.length > MAX_ID_LENGTH) {
      const { message, hint } = idTooLong('region', id);
      misplaced(file, `${message}, so this region is not built`, hint);
      continue;
    }
    tree.regionIds.push(id);
    const source = read(file);
    if (source) tree.regions.set(id, source);
  }

  const sheetEntries = entriesOf(path.join(abs, 'sheets'), 'a folder per sheet, e.g. sheets/zoom-datenschutz/');
  for (const entry of sheetEntries ?? []) {
    const dir = path.join(abs, 'sheets', entry);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      if (/\.ya?ml$/i.test(entry)) {
        misplaced(dir, `"${entry}" is ignored: a sheet is a folder, not a file`,
          `Make a folder sheets/${slugFor(entry.replace(/\.ya?ml$/i, ''))}/ holding sheet.yaml and a text file per language (see the README), or create one with: ${commandLine('new sheet <id>')}`);
      }
      continue;
    }
    const sheet: SheetSources = { id: entry, dir, texts: new Map() };
    tree.sheets.set(entry, sheet);
    for (const name of entriesOf(dir, 'sheet.yaml and a text file per language') ?? []) {
      const file = path.join(dir, name);
      if (name === 'sheet.yaml') {
        sheet.meta = read(file);
        continue;
      }
      if (name === LOCK_FILE) {
        sheet.lock = read(file);
        continue;
      }
      const m = LOCALE_FILE.exec(name);
      if (m) {
        const source = read(file);
        if (source) sheet.texts.set(m[1]!, source);
      } else if (/\.ya?ml$/i.test(name)) {
        misplaced(file, `"${name}" is ignored: text files are named after their language, e.g. de.yaml`, 'Rename the file to <language code>.yaml.');
      }
    }
    if (!sheet.meta && !existsSync(path.join(dir, 'sheet.yaml'))) {
      misplaced(path.join(dir, 'sheet.yaml'), `sheet "${entry}" has no sheet.yaml`, 'Add sheet.yaml with id, date, source_locale, locales and templates (see the README).');
    }
  }
  // An empty tree would build nothing and succeed: CI would publish no PDFs without noticing.
  if (tree.sheets.size === 0 && sheetEntries) misplaced(path.join(abs, 'sheets'), `there is no sheet: ${displayPath(path.join(abs, 'sheets'))}/ is empty or missing`, `Create one with: ${commandLine('new sheet <id>')} (a folder sheets/<id>/ with sheet.yaml and the text, see the README).`);
  if (regionEntries && tree.regionIds.length === 0) {
    const exists = existsSync(path.join(abs, 'regions'));
    misplaced(path.join(abs, 'regions'), exists ? `there is no region file in ${displayPath(path.join(abs, 'regions'))}/` : `there is no region: ${displayPath(path.join(abs, 'regions'))}/ is missing`, `Create one with: ${commandLine('new region <id>')}`);
  }
  return tree;
}

/** Words file managers and people add to a copy's name ("kiel - Kopie", "Copy of kiel", "kiel_alt"). */
const COPY = '(?:kopie|copy|kopya|backup|sicherung|sicherheitskopie|alt|old|orig|bak)';
const COPY_NAMES = [
  new RegExp(`^(?:${COPY}(?:\\s+(?:von|of))?)[\\s_-]+(.+)$`, 'iu'),
  new RegExp(`^(.+?)[\\s_-]*(?:-\\s*)?\\(?${COPY}\\)?(?:[\\s_-]*\\(?\\d+\\)?)?$`, 'iu'),
  /^(.+?)\s*\(\d+\)$/u,
  /^(.+?)\s+\d+$/u,
];

/** The region a file name not valid as an id names as a copy of it ("kiel - Kopie" → kiel), if any. */
function copiedRegion(name: string, entries: readonly string[]): string | undefined {
  // "Kiel.yaml" beside kiel.yaml: renamed as the id's rule asks, it would replace the other.
  if (entries.includes(`${slugFor(name)}.yaml`)) return slugFor(name);
  for (const pattern of COPY_NAMES) {
    const base = pattern.exec(name)?.[1]?.trim();
    if (base === undefined) continue;
    const id = SLUG.test(base) ? base : slugFor(base);
    if (entries.includes(`${id}.yaml`)) return id;
  }
  return undefined;
}
