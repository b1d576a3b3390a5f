import { availableParallelism } from 'node:os';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { BrandModel, SheetModel } from '../model.js';
import type { FontFamily } from '../fonts.js';
import { distDir } from '../paths.js';
import type { OutputKind } from './outputs.js';

/**
 * Where rendering happens: in this thread when there is at most one job or one job slot (no
 * worker start-up to pay), else in a pool of worker threads. react-pdf is imported only here and
 * only when something has to be rendered, so a build with nothing to do never loads it.
 *
 * The output does not depend on the pool: each document is rendered on its own from plain data.
 */

export interface RenderJob {
  id: number;
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
  render(job: Omit<RenderJob, 'id'>): Promise<Rendered>;
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
    const renderOne = async (job: Omit<RenderJob, 'id'>): Promise<Rendered> => {
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
  return new WorkerPool(Math.min(jobs, expected));
}

/**
 * Render threads even for one document at a time, for a long-running caller (the preview) whose
 * own thread must stay responsive; `workerFile` lets it run a freshly compiled worker.
 */
export function createWorkerRenderer(size: number, workerFile = path.join(distDir, 'worker.js')): Renderer {
  return new WorkerPool(size, workerFile);
}

interface Slot {
  worker: Worker;
  done: number;
  busy: boolean;
}

class WorkerPool implements Renderer {
  private readonly queue: Array<{ job: RenderJob; retried?: boolean; resolve: (r: Rendered) => void; reject: (e: Error) => void }> = [];
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, { slot: Slot; job: RenderJob; retried: boolean; resolve: (r: Rendered) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private peak = 0;

  constructor(size: number, private readonly workerFile = path.join(distDir, 'worker.js')) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.workerFile, { resourceLimits: WORKER_LIMITS }), done: 0, busy: false };
    slot.worker.on('message', (msg: { id: number; pdf?: Uint8Array; ms?: number; heap?: number; error?: string }) => {
      this.peak = Math.max(this.peak, msg.heap ?? 0);
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      slot.busy = false;
      slot.done++;
      if (msg.pdf) p.resolve({ pdf: Buffer.from(msg.pdf.buffer, msg.pdf.byteOffset, msg.pdf.byteLength), ms: msg.ms ?? 0 });
      else p.reject(new Error(`render worker failed:\n${msg.error}`));
      this.recycle(slot);
      this.pump();
    });
    slot.worker.on('error', (error) => {
      // The thread is gone (e.g. out of memory): replace it, give its document one more try.
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
      for (const [id, p] of this.pending) {
        if (p.slot !== slot) continue;
        this.pending.delete(id);
        if (p.retried) p.reject(error);
        else this.queue.unshift({ job: p.job, retried: true, resolve: p.resolve, reject: p.reject });
      }
      this.pump();
    });
    return slot;
  }

  private recycle(slot: Slot): void {
    if (slot.done < DOCUMENTS_PER_WORKER) return;
    void slot.worker.terminate();
    this.slots[this.slots.indexOf(slot)] = this.spawn();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.busy = true;
      this.pending.set(next.job.id, { slot, job: next.job, retried: next.retried ?? false, resolve: next.resolve, reject: next.reject });
      slot.worker.postMessage(next.job);
    }
  }

  render(job: Omit<RenderJob, 'id'>): Promise<Rendered> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, resolve, reject });
      this.pump();
    });
  }

  peakHeap(): number {
    return this.peak;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
