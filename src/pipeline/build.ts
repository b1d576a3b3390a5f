import path from 'node:path';
import { isError, sortFindings, type Finding } from '../findings.js';
import type { BrandModel, VariantKey } from '../model.js';
import { displayPath } from '../paths.js';
import { templates } from '../../templates/index.js';
import { localize } from './resolve.js';
import { loadContent } from './load.js';
import { validateContent, type ValidContent } from './validate.js';
import { planVariants, type Selection } from './plan.js';
import { resolveVariant } from './resolve.js';
import { countPages, renderPdf } from './render.js';
import { outputPath, writeManifest, writePdf, type ManifestEntry } from './write.js';

/**
 * The orchestrator: load → validate → plan → (resolve → render → write) per variant → manifest.
 * It times every stage and never stops at the first bad variant: each one succeeds or fails alone.
 */

export interface BuildOptions {
  content: string;
  out: string;
  select?: Selection;
  /** Called as each variant finishes, for progress output. */
  onVariant?: (result: VariantResult) => void;
}

export interface VariantResult {
  key: VariantKey;
  file: string;
  status: 'built' | 'failed';
  entry?: ManifestEntry;
  ms: number;
  /** Why it failed, in one line (details are in the findings). */
  reason?: string;
}

export type Stage = 'load' | 'validate' | 'plan' | 'resolve' | 'render' | 'write';

export interface BuildReport {
  results: VariantResult[];
  findings: Finding[];
  timings: Record<Stage, number>;
  totalMs: number;
  ok: boolean;
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const timings: Record<Stage, number> = { load: 0, validate: 0, plan: 0, resolve: 0, render: 0, write: 0 };
  const timed = <T>(stage: Stage, fn: () => T): T => {
    const t = performance.now();
    try {
      return fn();
    } finally {
      timings[stage] += performance.now() - t;
    }
  };

  const templateIds = [...templates.keys()];
  const tree = timed('load', () => loadContent(options.content));
  const content = timed('validate', () => validateContent(tree, templateIds));
  const planned = timed('plan', () => planVariants(content, options.select ?? {}, templateIds));
  const findings: Finding[] = [...content.findings];
  const results: VariantResult[] = [];
  const outDir = path.resolve(options.out);

  for (const { key, blockedBy } of planned) {
    const t0 = performance.now();
    const file = outputPath(key);
    const finish = (r: Omit<VariantResult, 'key' | 'file' | 'ms'>) => {
      const result = { key, file, ms: performance.now() - t0, ...r };
      results.push(result);
      options.onVariant?.(result);
    };
    if (blockedBy.length > 0) {
      finish({ status: 'failed', reason: `not built: ${blockedBy.map(displayPath).join(', ')} ${blockedBy.length === 1 ? 'has' : 'have'} errors` });
      continue;
    }
    const { model, findings: resolveFindings } = timed('resolve', () => resolveVariant(content, key));
    findings.push(...resolveFindings);
    if (!model) {
      finish({ status: 'failed', reason: 'not built: placeholders without a value (see above)' });
      continue;
    }
    const template = templates.get(key.template)!;
    const t1 = performance.now();
    const pdf = await renderPdf(template, model, brandModel(content, key.locale), content.brand!.font);
    timings.render += performance.now() - t1;
    const entry = timed('write', () => writePdf(outDir, key, pdf, countPages(pdf)));
    finish({ status: 'built', entry });
  }

  const built = results.flatMap((r) => (r.entry ? [r.entry] : []));
  if (built.length > 0) timed('write', () => writeManifest(outDir, built));
  const unique = dedupe(findings);
  return {
    results,
    findings: sortFindings(unique),
    timings,
    totalMs: performance.now() - started,
    ok: results.every((r) => r.status === 'built') && !unique.some(isError),
  };
}

/** The brand as templates see it, in the variant's language. */
function brandModel(content: ValidContent, locale: string): BrandModel {
  const b = content.brand!;
  return { organisation: b.data.organisation, colors: b.data.colors, font: b.font.family, logo: b.logo, footer: localize(b.data.footer, locale, locale) };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.file}:${f.line}:${f.column}:${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
