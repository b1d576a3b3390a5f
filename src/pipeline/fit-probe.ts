import path from 'node:path';
import { languagesOf, type VariantKey } from '../model.js';
import { createRenderer, planRendering } from './render-pool.js';
import { countPages } from './render-meta.js';
import type { ValidContent } from './validate.js';

/**
 * Evidence for the fit rule's finding (fit.ts): whether a sheet, language and template that runs
 * too long for one region fits for another. Then the region's own details make the difference,
 * and the finding points at them instead of at the press office's text.
 */

export const probeKey = (k: VariantKey) => `${k.sheet}\u0000${k.locale}\u0000${k.template}`;

/**
 * For variants too long for their template with no other region in the run: the same sheet,
 * language and template laid out, in memory and never written, for a region that adds nothing
 * to the sheet (and has no errors). True where that fits: then the failing region's own details
 * make the difference. Only on this failure path, so a run that fits pays nothing.
 */
export async function probeOtherRegions(content: ValidContent, keys: readonly VariantKey[], options: { jobs?: number; strict?: boolean }): Promise<Map<string, boolean>> {
  const fits = new Map<string, boolean>();
  const wanted = keys.filter((k, i) => keys.findIndex((o) => probeKey(o) === probeKey(k)) === i);
  if (wanted.length === 0) return fits;
  const { resolveBrand, resolveVariant } = await import('./resolve.js');
  const { checkFit } = await import('./fit.js');
  const renderer = await createRenderer(planRendering(options.jobs, 1));
  try {
    for (const key of wanted) {
      const region = content.regionIds.find((id) => id !== key.region && content.regions.get(id) && !content.regions.get(id)!.overrides.has(key.sheet)
        && !content.broken.has(path.join(content.root, 'regions', `${id}.yaml`)));
      if (!region) continue;
      const other = { ...key, region };
      const { model } = resolveVariant(content, other, { strict: options.strict });
      if (!model) continue;
      const { pdf } = await renderer.render({ template: other.template, model, brand: resolveBrand(content, other.locale, languagesOf(model)), font: content.brand!.font });
      fits.set(probeKey(key), checkFit(content, other, countPages(pdf)) === undefined);
    }
  } finally {
    await renderer.close();
  }
  return fits;
}
