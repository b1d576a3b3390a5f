import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, realpathSync, rmSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { OutputError, failureReason, isError, type Finding } from '../findings.js';
import { displayPath } from '../paths.js';
import type { VariantKey } from '../model.js';
import type { Selection } from './plan.js';
import { LOCALE, SLUG } from '../content/ids.js';
import { isInside } from '../paths.js';
import { EXTRA_KINDS, kindPath } from './outputs.js';
import { isOutputFile, variantId, writeAtomic, type Manifest, type ManifestEntry } from './write.js';

/**
 * Part of stage 5, write: a region, language, template or sheet removed from the content takes
 * its PDFs out of out/, its manifest and its index page with it. Otherwise a web server that
 * publishes out/ would go on serving withdrawn contact details.
 */

/**
 * Which content folder a manifest was written from: a hash (the manifest is published) of the
 * folder's path as seen from out/ ("../content"). Withdrawal compares it: two content folders that
 * build into one out/ must not withdraw each other's PDFs. Seen from out/, not as an absolute
 * path: a CI runner checks the repository out wherever it likes (another workspace each time), and
 * an out/ restored from the last run must still know its PDFs as this content's, or a removed
 * region would stay published for good.
 */
export function contentIdOf(root: string, outDir: string): string {
  // As given, links not followed: an out/ linked to a folder shared by workspaces is still seen
  // from the workspace, beside its content/.
  const seen = path.relative(path.resolve(outDir), path.resolve(root)).split(path.sep).join('/');
  return createHash('sha256').update(seen).digest('hex').slice(0, 16);
}

/** The id manifests written before 2026-11-29 gave the folder (its real path): still this folder's. */
export function legacyContentIdOf(root: string): string {
  return createHash('sha256').update(existsSync(root) ? realpathSync(root) : path.resolve(root)).digest('hex').slice(0, 16);
}

/**
 * Variants the last build wrote that this full build no longer has: their region, language,
 * template or sheet was removed. Only a build of everything (no selectors) can tell, only when
 * the content has no errors (a sheet.yaml with a typo lists no languages, and must not withdraw
 * every PDF of the sheet), and only when the last build came from the same content folder.
 */
export function withdrawnVariants(previous: Manifest, contentIds: ReadonlySet<string>, planned: ReadonlyArray<{ key: VariantKey }>, select: Selection | undefined, findings: readonly Finding[]): ManifestEntry[] {
  const selected = Object.values(select ?? {}).some((ids) => ids !== undefined && ids.length > 0);
  if (selected || findings.some(isError)) return [];
  const current = new Set(planned.map((p) => variantId(p.key)));
  // Only what this folder wrote: another folder's PDFs in the same out/ are that folder's to withdraw.
  return previous.variants.filter((e) => contentIds.has(e.content ?? previous.content ?? '') && !current.has(variantId(e)));
}

/**
 * The files of a withdrawn variant: its screen, print and archival versions by their documented
 * names (also a print file a killed build never listed), never a path the manifest names, which
 * could point anywhere. An entry whose ids are not ids has none.
 */
export function withdrawnFiles(outDir: string, entry: VariantKey): string[] {
  const ids = [entry.sheet, entry.region, entry.template].every((id) => typeof id === 'string' && SLUG.test(id)) && typeof entry.locale === 'string' && LOCALE.test(entry.locale);
  if (!ids) return [];
  const key = { sheet: entry.sheet, region: entry.region, locale: entry.locale, template: entry.template };
  return (['screen', ...EXTRA_KINDS] as const).map((kind) => kindPath(key, kind))
    .filter((file) => isInside(outDir, path.join(outDir, file)) && existsSync(path.join(outDir, file)));
}

/**
 * Hidden in out/: withdrawn files not yet removed. The manifest no longer lists them, so without
 * this record a file that could not be removed (open in a viewer, write-protected), or a build
 * stopped between writing the manifest and removing, left a PDF served for good and the next
 * build passed without a word. Every build tries them again (pendingRemovals).
 */
export const UNREMOVED_FILE = '.infoblatt-unremoved.json';

/** A path removeWithdrawn may take from the record: a PDF inside out/, as the manifest names one. */
const isWithdrawable = (f: unknown): f is string => isOutputFile(f) && f.endsWith('.pdf');

/** The files an earlier build withdrew but could not remove. */
export function pendingRemovals(outDir: string): string[] {
  try {
    const list: unknown = JSON.parse(readFileSync(path.join(outDir, UNREMOVED_FILE), 'utf8'));
    return Array.isArray(list) ? list.filter(isWithdrawable) : [];
  } catch {
    return [];
  }
}

function recordPending(outDir: string, files: readonly string[]): void {
  const file = path.join(outDir, UNREMOVED_FILE);
  if (files.length > 0) writeAtomic(file, `${JSON.stringify(files, null, 2)}\n`);
  else rmSync(file, { force: true });
}

/** Deletes the files of withdrawn variants, and their folders once empty. */
export function removeWithdrawn(outDir: string, files: readonly string[]): void {
  // Recorded first: a build stopped while removing leaves the rest to the next one.
  recordPending(outDir, files);
  const folders = new Set<string>();
  // One that cannot go (open in a viewer, write-protected) does not stop the others; it is named,
  // for a person to delete, and every later build tries it again and names it until it is gone.
  const stuck: Array<{ file: string; error: unknown }> = [];
  for (const file of files) {
    try {
      // (rmSync reports a file it may not remove as "not a folder": it then tries it as one.)
      unlinkSync(path.join(outDir, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') stuck.push({ file, error });
    }
    folders.add(path.dirname(file));
  }
  // Deepest first: a region's folder, then its sheet's folder, when nothing else is left in them.
  for (const folder of [...folders].flatMap((f) => [f, path.dirname(f)]).filter((f) => f !== '.').sort((a, b) => b.length - a.length)) {
    const dir = path.join(outDir, folder);
    try {
      if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    } catch {
      // An empty folder left behind is harmless.
    }
  }
  recordPending(outDir, stuck.map((s) => s.file));
  if (stuck.length > 0) {
    const reason = failureReason(stuck[0]!.error) ?? String((stuck[0]!.error as Error).message);
    const names = stuck.map((s) => displayPath(path.join(outDir, s.file))).join(', ');
    const one = stuck.length === 1;
    throw new OutputError(`cannot remove the withdrawn ${one ? 'PDF' : 'PDFs'} ${names}: ${reason}. The manifest and the index no longer list ${one ? 'it' : 'them'}: delete ${one ? 'it' : 'them'} by hand (close ${one ? 'it' : 'them'} first if a viewer has ${one ? 'it' : 'them'} open); until then every build tries again, and fails.`, 'EWITHDRAW');
  }
}
