import { existsSync } from 'node:fs';
import path from 'node:path';
import { isError, mergeFindings, OutputError, sortFindings, variantLabel, type Finding } from '../findings.js';
import type { BrandModel, SheetModel, VariantKey } from '../model.js';
import { displayPath } from '../paths.js';
import { templateIds } from '../../templates/index.js';
import { outsideSelection, planVariants, type Selection } from './plan.js';
import { createRenderer, defaultJobs, planRendering } from './render-pool.js';
import { countPages, hashInputs, sourceDateEpoch } from './render-meta.js';
import type { Published } from '../publish/publish.js';
import { ThumbnailQueue } from '../publish/thumbnails.js';
import type { ShapingUsage } from '../shaping-store.js';
import { forgetBuild, inputsOf, rememberBuild, replay, replayable } from './unchanged.js';
import { entryFiles, isIntact, MANIFEST, onInterrupt, outputPath, readManifest, removeStaleTemporaries, variantId, writeManifest, writePdf, type ManifestEntry } from './write.js';
import { EXTRA_KINDS, planExtras, removeStaleExtras, writeExtra, type ExtraKind, type ExtraPlan } from './outputs.js';
import { contentIdOf, legacyContentIdOf, pendingRemovals, removeWithdrawn, withdrawnFiles, withdrawnVariants } from './withdraw.js';
import { lockOutput } from './out-lock.js';
import { gatherFitEvidence } from './fit-probe.js';

/**
 * The orchestrator: (unchanged?) → load → validate → plan → resolve (each variant) → render (a
 * pool) → write → index (out/index.html; thumbnails of new PDFs are made in their own thread
 * during render). It times every stage, lets each variant succeed or fail alone, and renders only
 * variants whose inputs changed since the last build (the manifest keeps each variant's input
 * hash). A build identical to the last one is replayed without loading anything (unchanged.ts);
 * the modules of load, validate, resolve and index (YAML, zod, Markdown) load only past that.
 */

export interface BuildOptions {
  content: string;
  out: string;
  select?: Selection;
  /** Render threads; default: one per core for large builds, this thread for small ones. */
  jobs?: number;
  /** Render every variant, even when its inputs are unchanged. */
  force?: boolean;
  /** Missing or outdated translations fail their variants. */
  strict?: boolean;
  /**
   * `check`: lay every variant out in memory and apply every rule, but write nothing. A variant
   * whose inputs match the manifest is not rendered again: its page count is known.
   */
  dryRun?: boolean;
  /** Also write print versions (bleed, crop marks, TrimBox/BleedBox): …-print.pdf. */
  print?: boolean;
  /** Also write archival versions (PDF/A-2b): …-pdfa.pdf. */
  archive?: boolean;
  /** Called as each variant finishes, for progress output. */
  onVariant?: (result: VariantResult) => void;
}

export interface VariantResult {
  key: VariantKey;
  file: string;
  /** `checked`: laid out in memory by a dry run, nothing written. */
  status: 'built' | 'unchanged' | 'checked' | 'failed';
  entry?: ManifestEntry;
  ms: number;
  /** Why it failed, in one line (details are in the findings). */
  reason?: string;
}

/** The stages in their order; `replayCheck` asks whether this is the last build again (unchanged.ts), `fit` the judgement of over-full variants. */
export type Stage = 'replayCheck' | 'load' | 'validate' | 'plan' | 'resolve' | 'render' | 'fit' | 'write' | 'index';

export interface BuildReport {
  results: VariantResult[];
  findings: Finding[];
  timings: Record<Stage, number>;
  totalMs: number;
  ok: boolean;
  /** out/index.html: whether it changed, thumbnails rendered, and those that could not be. */
  index: { written: boolean; thumbnails: number; failed: string[] };
  /** Stack traces of renders that failed through a bug of ours (exit 70). */
  internalErrors: string[];
  /** Files the system refused to write (a full disk, a read-only folder): one message each. */
  outputErrors: string[];
  /** Largest heap of a render thread and the process's peak resident memory, in MB. */
  memory: { peakRenderHeapMB: number; maxRssMB: number };
  /** True when the inputs were those of the last build, whose outcome was repeated (unchanged.ts). */
  replayed: boolean;
  /** Files of variants no longer in the content (a region, language or template removed), deleted. */
  withdrawn: string[];
  /** Text runs laid out: taken from the shaping cache of earlier runs, or shaped (shaping-store.ts). */
  shaping: ShapingUsage;
  /**
   * Findings in files no selected variant reads (with `select.regions` or `sheets`: another
   * region's file), kept apart: they do not fail this run (plan.ts: outsideSelection).
   */
  elsewhere: Finding[];
  /**
   * out/manifest.json could not be read and was written anew: PDFs only it listed (of variants
   * since removed) stay in out/, unlisted, and are never withdrawn.
   */
  manifestUnreadable: boolean;
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const timings: Record<Stage, number> = { replayCheck: 0, load: 0, validate: 0, plan: 0, resolve: 0, render: 0, fit: 0, write: 0, index: 0 };
  const timed = <T>(stage: Stage, fn: () => T): T => {
    const t = performance.now();
    try {
      return fn();
    } finally {
      timings[stage] += performance.now() - t;
    }
  };

  sourceDateEpoch();
  const outDir = path.resolve(options.out);
  const inputs = options.dryRun ? undefined : timed('replayCheck', () => inputsOf(options));
  const last = options.force ? undefined : timed('replayCheck', () => replayable(inputs, outDir));
  if (last) return replay(last, options, started, timings);

  const [{ loadContent }, { validateContent }, { resolveBrand, resolveVariant }, { checkFit }, { checkOverflow }, { publishIndex, writeIndexPage }] = await Promise.all([
    import('./load.js'),
    import('./validate.js'),
    import('./resolve.js'),
    import('./fit.js'),
    import('./overflow.js'),
    import('../publish/publish.js'),
  ]);
  const tree = timed('load', () => loadContent(options.content));
  const content = timed('validate', () => validateContent(tree, templateIds, { print: options.print }));
  const planned = timed('plan', () => planVariants(content, options.select ?? {}, templateIds));
  // From here on out/ changes: its record no longer holds until this build writes its own. (A
  // usage mistake, found while planning, leaves out/ and its record as they were.) One build at a
  // time writes to an out/ folder (out-lock.ts).
  const release = options.dryRun ? undefined : lockOutput(outDir);
  const thumbnails = new ThumbnailQueue(outDir);
  try {
    if (!options.dryRun) forgetBuild(outDir);
    const select = options.select ?? {};
    // Never a finding in a file that stops a selected variant: "not built: kiel.yaml has errors"
    // came with none of kiel.yaml's errors when they were in its overrides of another sheet.
    const blocking = new Set(planned.flatMap((p) => p.blockedBy.map((file) => path.resolve(file))));
    const elsewhere = content.findings.filter((f) => outsideSelection(content, select, f) && !blocking.has(path.resolve(f.file)));
    const findings: Finding[] = content.findings.filter((f) => !elsewhere.includes(f));
    const results: VariantResult[] = [];
    if (!options.dryRun) removeStaleTemporaries(outDir);
    const lastManifest = readManifest(outDir);
    // What an earlier build wrote; reused as it is, a file is current again (not `outdated`).
    const previous = new Map(lastManifest.variants.map(({ outdated: _, ...e }) => [variantId(e), e as ManifestEntry]));
    const contentId = contentIdOf(content.root, outDir);
    const record = (result: VariantResult) => {
      results.push(result);
      options.onVariant?.(result);
    };
    let peakHeap = 0;
    let shaping: ShapingUsage = { reused: 0, shaped: 0 };
    const internalErrors: string[] = [];
    /** Files the system refused to write (OutputError): the variants fail, the others go on. */
    const outputErrors: string[] = [];
    /** Variants longer than their template allows; judged once all are done (checkFit). */
    const overFull: Array<{ key: VariantKey; pages: number }> = [];
    let withdrawn: ManifestEntry[] = [];
    /** The manifest as this build leaves it: the last one, or the one it writes. */
    let manifest = lastManifest;
    // Ctrl-C mid-build: the manifest records the PDFs written so far (see finishInterrupted).
    // Interrupted, the index page follows the manifest at once: it linked print files the
    // manifest no longer listed, and showed the old PDFs' pictures, until the next build.
    const unhook = options.dryRun ? () => false : onInterrupt(() => {
      writeManifest(outDir, results.flatMap((r) => (r.entry ? [r.entry] : [])), new Set(), contentId);
      try {
        writeIndexPage(outDir, content);
      } catch {
        // The manifest is what matters; the next build writes the page.
      }
    });
    try {
      const finish = (key: VariantKey, t0: number, r: Omit<VariantResult, 'key' | 'file' | 'ms'>) =>
        record({ key, file: outputPath(key), ms: performance.now() - t0, ...r });

      // Resolve everything first (cheap), so that only what changed goes to the renderers.
      const toRender: Array<{ key: VariantKey; model: SheetModel; brand: BrandModel; inputHash: string; screen: boolean; extras: ExtraPlan; before?: ManifestEntry }> = [];
      // A dry run (check) judges the screen version only: print and archive have the same pages.
      const wanted: ExtraKind[] = options.dryRun ? [] : [...(options.print ? ['print' as const] : []), ...(options.archive ? ['archive' as const] : [])];
      for (const { key, blockedBy } of planned) {
        const t0 = performance.now();
        if (blockedBy.length > 0) {
          finish(key, t0, { status: 'failed', reason: `not built: ${blockedBy.map(displayPath).join(', ')} ${blockedBy.length === 1 ? 'has' : 'have'} errors` });
          continue;
        }
        const { model, findings: resolveFindings } = timed('resolve', () => resolveVariant(content, key, { strict: options.strict }));
        findings.push(...resolveFindings);
        if (!model) {
          finish(key, t0, { status: 'failed', reason: 'not built: see the errors below' });
          continue;
        }
        const { brand, inputHash } = timed('resolve', () => {
          const brand = resolveBrand(content, model);
          return { brand, inputHash: hashInputs(model, brand) };
        });
        const before = previous.get(variantId(key));
        const screen = options.force || before?.inputHash !== inputHash || !isIntact(outDir, before);
        const extras = planExtras(outDir, before, inputHash, wanted, options.force ?? false);
        if (!screen && extras.render.length === 0) {
          // Unchanged: the page count is known from the last build, and the fit rule still applies.
          const over = checkFit(content, key, before!.pages) !== undefined;
          if (over) overFull.push({ key, pages: before!.pages });
          finish(key, t0, over ? { status: 'failed', reason: `runs to ${before!.pages} pages` } : { status: options.dryRun ? 'checked' : 'unchanged', entry: { ...before!, print: extras.keep.print, archive: extras.keep.archive } });
          continue;
        }
        toRender.push({ key, model, brand, inputHash, screen, extras, before });
      }

      if (toRender.length > 0) {
        const t0 = performance.now();
        const writtenBefore = timings.write;
        const plan = planRendering(options.jobs, toRender.length);
        // A core left free by rendering starts on the thumbnails at once (PDFium loads meanwhile).
        if (!options.dryRun && plan.threads < defaultJobs()) thumbnails.prepare();
        const renderer = await createRenderer(plan);
        try {
          await Promise.all(toRender.map(async ({ key, model, brand, inputHash, screen, extras, before }) => {
            // What this variant has put into out/ so far, for the manifest should a later write fail.
            let written: ManifestEntry | undefined;
            try {
              const job = { template: key.template, model, brand, font: content.brand!.font };
              // Print and archival versions render alongside (in parallel in a pool), each from the same model.
              const [main, ...more] = await Promise.all([
                screen ? renderer.render(job) : undefined,
                ...extras.render.map((kind) => renderer.render({ ...job, kind })),
              ]);
              const ms = [main, ...more].reduce((sum, r) => sum + (r?.ms ?? 0), 0);
              // Print and archive have the screen version's page area, so they fit with its setting.
              if (main && more.some((r) => r!.tightness !== main.tightness)) throw new Error(`${variantLabel(key)}: print or archive version fits with another setting than the screen version`);
              // The fit rule is judged on the screen version; print and archive have the same pages.
              const pages = main ? countPages(main.pdf) : before!.pages;
              if (checkFit(content, key, pages)) {
                // Reported once every variant is done: whether the others fit says where to shorten.
                overFull.push({ key, pages });
                record({ key, file: outputPath(key), ms, status: 'failed', reason: `not built: runs to ${pages} pages (see below)` });
                return;
              }
              // No text past its box: judged on the screen version too (a variant rendered before passed it).
              const wide = main ? checkOverflow(content, key, main.tooWide) : undefined;
              if (wide) {
                findings.push(wide);
                record({ key, file: outputPath(key), ms, status: 'failed', reason: 'not built: text runs past its box (see below)' });
                return;
              }
              if (options.dryRun) {
                record({ key, file: outputPath(key), ms, status: 'checked' });
                return;
              }
              const entry: ManifestEntry = timed('write', () => {
                const entry: ManifestEntry = main ? { ...writePdf(outDir, key, main.pdf, pages, inputHash), ...(main.tightness > 0 && { tightness: main.tightness }) } : { ...before! };
                delete entry.print;
                delete entry.archive;
                written = entry;
                removeStaleExtras(outDir, key, extras);
                Object.assign(entry, extras.keep);
                extras.render.forEach((kind, i) => (entry[kind] = writeExtra(outDir, key, kind, more[i]!.pdf)));
                return entry;
              });
              if (main) thumbnails.add(entry, main.pdf);
              record({ key, file: entry.file, ms, status: 'built', entry });
            } catch (error) {
              if (error instanceof OutputError) {
                outputErrors.push(error.message);
                // The variant failed, but the files it did write are listed as they are: the old
                // entry kept for a new screen PDF would publish the old hash, pages and thumbnail.
                record({ key, file: outputPath(key), ms: 0, status: 'failed', reason: `not written: ${error.message}`, ...(written && { entry: written }) });
                return;
              }
              // Our bug, not the content's: reported with its stack, and the other variants go on.
              internalErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
              record({ key, file: outputPath(key), ms: 0, status: 'failed', reason: 'not built: rendering failed, a bug in infoblatt (details below)' });
            }
          }));
        } finally {
          peakHeap = renderer.peakHeap();
          shaping = renderer.shaping();
          await renderer.close();
        }
        // Rendering runs in parallel: its stage time is wall time, less the writes between the
        // renders (timed as the write stage).
        timings.render = performance.now() - t0 - (timings.write - writtenBefore);
      }
      // Whose text to shorten: the region's additions, its contact details or the sheet's text
      // (fit.ts), as this run's other variants show, or layouts made for the purpose (fit-probe.ts).
      const overFullIds = new Set(overFull.map(({ key }) => variantId(key)));
      const outcomes = results.map((r) => ({ key: r.key, fits: r.status !== 'failed', overFull: overFullIds.has(variantId(r.key)) }));
      const tFit = performance.now();
      const evidence = await gatherFitEvidence(content, overFull.map((o) => o.key), outcomes, options);
      for (const { key, pages } of overFull) findings.push(checkFit(content, key, pages, evidence(key))!);
      if (overFull.length > 0) timings.fit = performance.now() - tFit;

      const entries = results.flatMap((r) => (r.entry ? [r.entry] : []));
      // Variants that failed now keep the file of an earlier build: marked, for the index page.
      const failed = new Set(results.filter((r) => r.status === 'failed' && !r.entry).map((r) => variantId(r.key)));
      const current = new Set(entries.map(variantId));
      const outdatedChanged = lastManifest.variants.some((e) => (failed.has(variantId(e)) && !e.outdated) || (current.has(variantId(e)) && e.outdated));
      // An unchanged variant whose print or archive file is gone (deleted by hand) no longer lists
      // it: the manifest and the index linked a file that was not there, run after run.
      const extrasChanged = entries.some((e) => EXTRA_KINDS.some((kind) => previous.get(variantId(e))?.[kind]?.file !== e[kind]?.file));
      // A failed variant with an entry has written some of its files (its print version failed).
      const wrote = results.some((r) => r.status === 'built' || (r.status === 'failed' && r.entry));
      const ours = new Set([contentId, legacyContentIdOf(content.root)]);
      withdrawn = options.dryRun ? [] : withdrawnVariants(lastManifest, ours, planned, options.select, content.findings);
      // (A manifest of the legacy id is written anew, with this one.)
      const sameContent = lastManifest.content === contentId;
      const hasManifest = existsSync(path.join(outDir, MANIFEST));
      // Also when it was written from another content folder: from now on it records this one.
      if (!options.dryRun && (wrote || outdatedChanged || extrasChanged || withdrawn.length > 0 || (entries.length > 0 && (!hasManifest || !sameContent)))) {
        manifest = timed('write', () => writeManifest(outDir, entries, new Set(withdrawn.map(variantId)), contentId, failed));
      }
    } finally {
      // Also when our bug ends the build: a hook left behind would write this manifest on a later
      // Ctrl-C of the process that called build (a library user, the preview).
      unhook();
    }
    // Deleted after the manifest stopped listing them: an interruption in between leaves files
    // nothing lists (the next build does not bring them back), never a listed file that is gone.
    const withdrawnNow = withdrawn.flatMap((e) => withdrawnFiles(outDir, e));
    // And what an earlier build withdrew but could not remove, unless its variant is back.
    const listed = new Set(manifest.variants.flatMap((e) => entryFiles(e).map((f) => f.file)));
    const retried = options.dryRun ? [] : pendingRemovals(outDir).filter((f) => !listed.has(f) && !withdrawnNow.includes(f) && existsSync(path.join(outDir, f)));
    const removed = [...withdrawnNow, ...retried];
    // A file that cannot be removed is said after the index no longer lists it (no record of the build).
    let unremoved: OutputError | undefined;
    if (!options.dryRun) {
      timed('write', () => {
        try {
          removeWithdrawn(outDir, removed);
        } catch (error) {
          if (!(error instanceof OutputError)) throw error;
          unremoved = error;
        }
      });
    }
    // The published index (a dry run publishes nothing).
    let published: Published | undefined;
    if (!options.dryRun) {
      const tIndex = performance.now();
      published = await publishIndex(outDir, content, thumbnails);
      timings.index = performance.now() - tIndex;
    }
    if (unremoved) throw unremoved;
    const unique = mergeFindings(findings);
    const report: BuildReport = {
      results: sortResults(results),
      findings: sortFindings(unique),
      timings,
      totalMs: performance.now() - started,
      ok: results.every((r) => r.status !== 'failed') && !unique.some(isError),
      index: published ? { written: published.written, thumbnails: published.thumbnails.rendered, failed: published.thumbnails.failed } : { written: false, thumbnails: 0, failed: [] },
      internalErrors,
      outputErrors,
      memory: { peakRenderHeapMB: Math.round(peakHeap / 2 ** 20), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) },
      replayed: false,
      withdrawn: removed,
      manifestUnreadable: lastManifest.unreadable === true,
      shaping,
      elsewhere: sortFindings(elsewhere),
    };
    if (report.ok && published && report.index.failed.length === 0 && internalErrors.length === 0 && results.length > 0) {
      rememberBuild(inputs, outDir, { entries: report.results.map((r) => r.entry!), findings: report.findings, elsewhere: report.elsewhere, published: published.files });
    }
    return report;
  } finally {
    // Threads of a build that failed before its index stage, and the lock, are not left behind
    // (the lock also when ending the threads fails).
    try {
      await thumbnails.close();
    } finally {
      release?.();
    }
  }
}

function sortResults(results: VariantResult[]): VariantResult[] {
  return [...results].sort((a, b) => a.file.localeCompare(b.file));
}
