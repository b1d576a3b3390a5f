import { availableParallelism } from 'node:os';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { BrandModel, SheetModel } from '../model.js';
import type { FontFamily } from '../fonts.js';
import { distDir } from '../paths.js';
import { WorkerPool } from '../worker-pool.js';
import type { OutputKind } from './outputs.js';

/**
 * Where rendering happens: in this thread when there is at most one job or one job slot (no
 * worker start-up to pay), else in a pool of worker threads. react-pdf is imported only here and
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

export interface Rendered {
  pdf: Buffer;
  /** Time spent rendering this document (not waiting for a free thread). */
  ms: number;
}

export interface Renderer {
  render(job: RenderJob): Promise<Rendered>;
  /** The largest JavaScript heap any render thread reached, in bytes. */
  peakHeap(): number;
  close(): Promise<void>;
}

export const defaultJobs = (): number => availableParallelism();

/**
 * Starting render threads (each loads and compiles react-pdf and renders a cold first document,
 * while the others do the same on the same cores) costs about as much as 2 s of warm rendering
 * here, and two threads render only ~1.4× as fast as one. Without an explicit --jobs, a build
 * therefore renders in this thread, and the pool is used from this many documents per core on.
 * Measured on 2 cores (2026-11-27, thumbnails cached): 63 variants 5.1 s in one thread, 5.9 s in
 * two; 189 variants 10.7 s vs 9.2 s.
 */
export const DOCUMENTS_PER_THREAD_TO_START = 50;

export function chooseJobs(requested: number | undefined, documents: number): number {
  if (requested !== undefined) return requested;
  const cores = defaultJobs();
  return documents >= DOCUMENTS_PER_THREAD_TO_START * cores ? cores : 1;
}

/**
 * react-pdf keeps a little memory per document for the life of its thread (~40–85 KB, plus the
 * shaping cache); a worker is replaced after this many documents so memory stays flat however
 * large the matrix is. A worker's live heap is ~110–130 MB; its heap is capped so that V8 collects
 * before growing further (peak memory per worker stays under ~300 MB), and a worker that runs out
 * anyway is replaced and its document rendered again once.
 */
const DOCUMENTS_PER_WORKER = 150;
const WORKER_LIMITS = { maxOldGenerationSizeMb: 224, maxYoungGenerationSizeMb: 32 };

export async function createRenderer(jobs: number, expected: number): Promise<Renderer> {
  if (jobs <= 1 || expected <= 1) {
    const { renderJob } = await import('./render.js');
    let peak = 0;
    // One document at a time: interleaving renders in one thread only adds memory pressure.
    let queue: Promise<unknown> = Promise.resolve();
    const renderOne = async (job: RenderJob): Promise<Rendered> => {
      const t0 = performance.now();
      const pdf = await renderJob(job);
      peak = Math.max(peak, getHeapStatistics().total_heap_size);
      return { pdf, ms: performance.now() - t0 };
    };
    return {
      peakHeap: () => peak,
      render: (job) => {
        const next = queue.then(() => renderOne(job));
        queue = next.catch(() => undefined);
        return next;
      },
      close: async () => {},
    };
  }
  return poolRenderer(Math.min(jobs, expected));
}

/**
 * Render threads even for one document at a time, for a long-running caller (the preview) whose
 * own thread must stay responsive; `workerFile` lets it run a freshly compiled worker.
 */
export function createWorkerRenderer(size: number, workerFile = path.join(distDir, 'worker.js')): Renderer {
  return poolRenderer(size, workerFile);
}

/** What a render thread returns (src/worker.ts). */
export interface RenderReply {
  pdf: Uint8Array;
  ms: number;
}

function poolRenderer(size: number, file = path.join(distDir, 'worker.js')): Renderer {
  const pool = new WorkerPool<RenderJob, RenderReply>({ file, size, jobsPerThread: DOCUMENTS_PER_WORKER, resourceLimits: WORKER_LIMITS, retryOnCrash: true });
  return {
    // A sheet's text in one language and template is laid out by one thread (see text-layout-cache.ts).
    render: async (job) => {
      const { pdf, ms } = await pool.run(job, { group: `${job.model.key.sheet}/${job.model.key.locale}/${job.template}` });
      return { pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), ms };
    },
    peakHeap: () => pool.peakHeap(),
    close: () => pool.close(),
  };
}
