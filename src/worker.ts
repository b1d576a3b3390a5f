import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { RenderJob } from './pipeline/render-pool.js';
import { renderJob } from './pipeline/render.js';

/**
 * A render worker: receives resolved models, returns PDF bytes. It does no I/O on out/; the main
 * thread writes every file, so atomic writes and the manifest stay in one place.
 */
parentPort!.on('message', async (job: RenderJob) => {
  try {
    // A copy with its own ArrayBuffer: Buffers may share a pooled one, which must not be transferred.
    const t0 = performance.now();
    const bytes = new Uint8Array(await renderJob(job));
    // Memory the thread's heap holds from the system (garbage included), not just live objects.
    const heap = getHeapStatistics().total_heap_size;
    parentPort!.postMessage({ id: job.id, pdf: bytes, ms: performance.now() - t0, heap }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
