import { serveJobs } from '../worker-pool.js';
import { pageOneRenderer } from './thumbnails.js';

/** Draws page-1 thumbnails for the build (see ThumbnailQueue): PDF bytes in, PNG bytes out. */
const render = pageOneRenderer();
serveJobs<Uint8Array, Uint8Array>(async (pdf) => {
  const png = new Uint8Array(await (await render)(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)));
  return { value: png, transfer: [png.buffer as ArrayBuffer] };
});
