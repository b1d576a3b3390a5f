import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isError, type Finding } from '../findings.js';
import type { VariantKey } from '../model.js';
import type { Selection } from './plan.js';
import { variantId, type ManifestEntry } from './write.js';

/**
 * Part of stage 5, write: a region, language, template or sheet removed from the content takes
 * its PDFs out of out/, its manifest and its index page with it. Otherwise a web server that
 * publishes out/ would go on serving withdrawn contact details.
 */

/**
 * Variants the last build wrote that this full build no longer has: their region, language,
 * template or sheet was removed. Only a build of everything (no selectors) can tell, and only when
 * the content has no errors: a sheet.yaml with a typo lists no languages, and must not withdraw
 * every PDF of the sheet.
 */
export function withdrawnVariants(previous: ReadonlyMap<string, ManifestEntry>, planned: ReadonlyArray<{ key: VariantKey }>, select: Selection | undefined, findings: readonly Finding[]): ManifestEntry[] {
  const selected = Object.values(select ?? {}).some((ids) => ids !== undefined && ids.length > 0);
  if (selected || findings.some(isError)) return [];
  const current = new Set(planned.map((p) => variantId(p.key)));
  return [...previous.values()].filter((e) => !current.has(variantId(e)));
}

/** Deletes the files of withdrawn variants, and their folders once empty. */
export function removeWithdrawn(outDir: string, files: readonly string[]): void {
  const folders = new Set<string>();
  for (const file of files) {
    rmSync(path.join(outDir, file), { force: true });
    folders.add(path.dirname(file));
  }
  // Deepest first: a region's folder, then its sheet's folder, when nothing else is left in them.
  for (const folder of [...folders].flatMap((f) => [f, path.dirname(f)]).filter((f) => f !== '.').sort((a, b) => b.length - a.length)) {
    const dir = path.join(outDir, folder);
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  }
}
