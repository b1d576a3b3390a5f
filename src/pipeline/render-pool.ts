import { availableParallelism } from 'node:os';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { BrandModel, SheetModel } from '../model.js';
import type { FontFamily } from '../fonts.js';
import { distDir } from '../paths.js';
import { ShapingKeeper, type ShapingUsage, type UsedRuns } from '../shaping-store.js';
import { WorkerPool } from '../worker-pool.js';
import type { OutputKind } from './outputs.js';
import type { FittedPdf } from './render.js';

/**
 * Where rendering happens (planRendering): in this thread for builds below 50 documents a core
 * and for --jobs 1 (no worker start-up to pay), else in a pool of worker threads. react-pdf is imported only here and
 * only when something has to be rendered, so a build with nothing to do never loads it.
 *
 * The output does not depend on the pool: each document is rendered on its own from plain data.
 */

export interface RenderJob {
  template: string;
  model: SheetModel;
  brand: BrandModel;
  font: FontFamily;
  /** Which version to render; default the screen version. */
  kind?: OutputKind;
}

/** What the render stage made of a job (render.ts: the PDF, its setting, text too wide), and how long it took. */
export interface Rendered extends FittedPdf {
  /** Time spent rendering this document (not waiting for a free thread). */
  ms: number;
}

export interface Renderer {
  render(job: RenderJob): Promise<Rendered>;
  /** The largest JavaScript heap any render thread reached, in bytes. */
  peakHeap(): number;
  /** How the render threads came by their shaped text (shaping-store.ts). */
  shaping(): ShapingUsage;
  /** Ends the threads and keeps their shaped text for the next process. */
  close(): Promise<void>;
}

export const defaultJobs = (): number => availableParallelism();

/**
 * Where a build renders. A render thread starts cold (it loads react-pdf and lays its texts out
 * once: ~1.5 s of work), and on 2 cores two threads render no faster than one, since they share
 * the memory bandwidth and the caches only help within a thread; the thumbnails (~17 ms each)
 * take the other core meanwhile. Measured 2026-11-27, 2 cores, fresh output: 63 variants 3.4 s
 * in this thread, 4.5 s in two worker threads; 1008 variants 27.9 s with one render thread,
 * 27.7 s with two (so the default keeps the one that uses less memory).
 *
 * So without --jobs, a small build renders in this thread (no start-up to pay); from this many
 * documents per core on, in worker threads, which are replaced every DOCUMENTS_PER_WORKER
 * documents: memory stays flat (this thread reached 460 MB for 1008 documents, a worker stays
 * under ~170 MB). One core is left to the thumbnails.
 */
export const DOCUMENTS_PER_THREAD_TO_START = 50;

export interface RenderPlan {
  threads: number;
  /** In worker threads (else in this thread, one document at a time). */
  pooled: boolean;
}

export function planRendering(requested: number | undefined, documents: number, cores = defaultJobs()): RenderPlan {
  if (requested !== undefined) return { threads: Math.min(requested, Math.max(documents, 1)), pooled: requested > 1 && documents > 1 };
  if (documents < DOCUMENTS_PER_THREAD_TO_START * cores) return { threads: 1, pooled: false };
  return { threads: Math.max(1, cores - 1), pooled: true };
}

/**
 * react-pdf keeps a little memory per document for the life of its thread (~40–85 KB, plus the
 * shaping and layout caches, which are bounded); a worker is replaced after this many documents
 * so memory stays flat however large the matrix is. A fresh worker costs ~1.5 s of rendering
 * (react-pdf, fonts, caches): 1008 documents took 53 s replacing every 150, 46 s every 400, with
 * peak heaps of 157 and 178 MB. Its heap is capped so that V8 collects before growing further
 * (peak memory per worker stays under ~300 MB), and a worker that runs out anyway is replaced
 * and its document rendered again once.
 */
const DOCUMENTS_PER_WORKER = 400;
const WORKER_LIMITS = { maxOldGenerationSizeMb: 224, maxYoungGenerationSizeMb: 32 };

export async function createRenderer(plan: RenderPlan): Promise<Renderer> {
  if (!plan.pooled) {
    const { renderJob, takeUsedRuns } = await import('./render.js');
    const keeper = new ShapingKeeper();
    let peak = 0;
    // One document at a time: interleaving renders in one thread only adds memory pressure.
    let queue: Promise<unknown> = Promise.resolve();
    const renderOne = async (job: RenderJob): Promise<Rendered> => {
      // A render here runs from one promise to the next without giving the event loop a turn, so
      // messages from other threads would wait for the whole build: the thumbnail thread, done
      // with one picture, would get its next PDF only at the end. One turn per document.
      await new Promise((resolve) => setImmediate(resolve));
      const t0 = performance.now();
      try {
        const fitted = await renderJob(job);
        peak = Math.max(peak, getHeapStatistics().total_heap_size);
        return { ...fitted, ms: performance.now() - t0 };
      } finally {
        keeper.add(takeUsedRuns());
      }
    };
    return {
      peakHeap: () => peak,
      shaping: () => keeper.usage,
      render: (job) => {
        const next = queue.then(() => renderOne(job));
        queue = next.catch(() => undefined);
        return next;
      },
      close: async () => keeper.save(),
    };
  }
  return createWorkerRenderer(plan.threads);
}

const SAVE_SHAPING_AFTER_MS = 2000;

/** What a render thread returns (src/worker.ts): the same, its PDF as transferable bytes, and the text it shaped. */
export interface RenderReply extends Omit<Rendered, 'pdf'> {
  pdf: Uint8Array;
  shaping: UsedRuns;
}

/**
 * Render threads: for large builds, and even for one document at a time for a long-running caller
 * (the preview) whose own thread must stay responsive; `file` lets it run a freshly compiled worker.
 */
export function createWorkerRenderer(size: number, file = path.join(distDir, 'worker.js')): Renderer {
  const pool = new WorkerPool<RenderJob, RenderReply>({ file, size, jobsPerThread: DOCUMENTS_PER_WORKER, resourceLimits: WORKER_LIMITS, retryOnCrash: true });
  // A build saves at close; a long-lived renderer (the preview) also a moment after new text was shaped.
  const keeper = new ShapingKeeper(SAVE_SHAPING_AFTER_MS);
  return {
    // A sheet's text in one language and template is laid out by one thread (see text-layout-cache.ts).
    render: async (job) => {
      const { pdf, shaping, ...rendered } = await pool.run(job, { group: `${job.model.key.sheet}/${job.model.key.locale}/${job.template}` });
      keeper.add(shaping);
      return { ...rendered, pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
    },
    peakHeap: () => pool.peakHeap(),
    shaping: () => keeper.usage,
    close: async () => {
      keeper.save();
      await pool.close();
    },
  };
}
