import { installFastInflate } from './fast-inflate.js';
import type { RenderJob, RenderReply } from './pipeline/render-pool.js';
import { serveJobs } from './worker-pool.js';

/**
 * A render thread: receives resolved models, returns PDF bytes. It does no I/O on out/; the main
 * thread writes every file, so atomic writes and the manifest stay in one place.
 */

// Before fontkit and pdfkit load (render.js imports them), hence the import after it.
installFastInflate();
const { renderJob, takeUsedRuns } = await import('./pipeline/render.js');

serveJobs<RenderJob, RenderReply>(async (job) => {
  const t0 = performance.now();
  const rendered = await renderJob(job);
  // A copy with its own ArrayBuffer: Buffers may share a pooled one, which must not be transferred.
  const pdf = new Uint8Array(rendered.pdf);
  return { value: { ...rendered, pdf, ms: performance.now() - t0, shaping: takeUsedRuns() }, transfer: [pdf.buffer as ArrayBuffer] };
});
