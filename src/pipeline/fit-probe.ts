import path from 'node:path';
import type { VariantKey } from '../model.js';
import type { FitEvidence } from './fit.js';
import { createRenderer, planRendering, type RenderJob } from './render-pool.js';
import { countPages } from './render-meta.js';
import type { ValidContent } from './validate.js';
import { variantId } from './write.js';

/**
 * Evidence for the fit rule's finding (fit.ts): what makes a variant that runs too long for its
 * template long. Whether it fits without the region's additions to the sheet (then they are what
 * to shorten), and whether the same sheet, language and template fits for another region (then
 * the region's own details make the difference; if it fits for none, the sheet's text is too
 * long). Taken from the run's own results where they tell, else from layouts made in memory and
 * never written. Only on this failure path, so a run that fits pays nothing.
 */

/** A variant of this run and how it ended: `overFull` when it ran too long for its template. */
export interface RunOutcome {
  key: VariantKey;
  fits: boolean;
  overFull: boolean;
}

/** The same sheet, language and template: the same text, whatever the region. */
const textOf = (k: VariantKey) => `${k.sheet}\u0000${k.locale}\u0000${k.template}`;

/**
 * `options.render` lays a variant out in a renderer the caller has (the preview's); without it, a
 * renderer is started for the purpose when a layout is needed (a build's has ended by then).
 */
export async function gatherFitEvidence(content: ValidContent, overFull: readonly VariantKey[], run: readonly RunOutcome[],
  options: { jobs?: number; strict?: boolean; render?: (job: RenderJob) => Promise<{ pdf: Buffer }> }): Promise<(key: VariantKey) => FitEvidence> {
  const [{ additionsPrinted, checkFit }, { resolveBrand, resolveVariant }] = await Promise.all([import('./fit.js'), import('./resolve.js')]);
  const usable = (id: string) => content.regions.has(id) && !content.broken.has(path.join(content.root, 'regions', `${id}.yaml`));
  const withoutAdditions = new Map<string, boolean>();
  const elsewhere = new Map<string, boolean>();
  let renderer: Awaited<ReturnType<typeof createRenderer>> | undefined;
  /** Whether `key` fits when laid out from `from`; undefined when it cannot be resolved. */
  const fits = async (from: ValidContent, key: VariantKey): Promise<boolean | undefined> => {
    const { model } = resolveVariant(from, key, { strict: options.strict });
    if (!model) return undefined;
    const job: RenderJob = { template: key.template, model, brand: resolveBrand(from, model), font: from.brand!.font };
    const { pdf } = options.render ? await options.render(job) : await (renderer ??= await createRenderer(planRendering(options.jobs, 1))).render(job);
    return checkFit(from, key, countPages(pdf)) === undefined;
  };
  try {
    for (const key of overFull) {
      if (additionsPrinted(content, key)) {
        // The same content, but this region adds nothing to this sheet.
        const region = content.regions.get(key.region)!;
        const plain = new Map(region.overrides);
        plain.delete(key.sheet);
        const regions = new Map(content.regions).set(key.region, { ...region, overrides: plain });
        const result = await fits({ ...content, regions }, key);
        if (result !== undefined) withoutAdditions.set(variantId(key), result);
      }
      const text = textOf(key);
      if (elsewhere.has(text)) continue;
      const others = content.regionIds.filter((id) => id !== key.region && usable(id));
      const outcome = new Map(run.filter((r) => textOf(r.key) === text).map((r) => [r.key.region, r]));
      if (others.some((id) => outcome.get(id)?.fits)) elsewhere.set(text, true);
      else if (others.length > 0 && others.every((id) => outcome.get(id)?.overFull)) elsewhere.set(text, false);
      else {
        // Not in this run (a run of one region): regions that add nothing to the sheet first, the
        // next one when one cannot be resolved.
        const candidates = others.filter((id) => !outcome.get(id)?.overFull)
          .sort((a, b) => Number(content.regions.get(a)!.overrides.has(key.sheet)) - Number(content.regions.get(b)!.overrides.has(key.sheet)));
        for (const id of candidates) {
          const result = await fits(content, { ...key, region: id });
          if (result === undefined) continue;
          // One that fits shows the sheet's text fits; one that does not shows little when it adds text of its own.
          if (result || !content.regions.get(id)!.overrides.has(key.sheet)) {
            elsewhere.set(text, result);
            break;
          }
        }
      }
    }
  } finally {
    await renderer?.close();
  }
  return (key) => ({
    fitsWithoutAdditions: withoutAdditions.get(variantId(key)),
    fitsElsewhere: elsewhere.get(textOf(key)),
  });
}
