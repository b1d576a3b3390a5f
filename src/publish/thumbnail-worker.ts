import { serveJobs } from '../worker-pool.js';
import { pageOneRenderer } from './thumbnails.js';

/** Draws page-1 thumbnails for the build (see ThumbnailQueue): PDF bytes in, PNG bytes out. */
const render = pageOneRenderer();
// Started before the first job, awaited by each: if PDFium cannot load, every thumbnail fails with
// that reason. Unobserved until then, the rejection would end the thread after it counted as
// started, and the pool would start a new one for each thumbnail instead of giving up.
render.catch(() => {});
serveJobs<Uint8Array, Uint8Array>(async (pdf) => {
  const png = new Uint8Array(await (await render)(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)));
  return { value: png, transfer: [png.buffer as ArrayBuffer] };
});
