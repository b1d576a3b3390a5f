import { parentPort } from 'node:worker_threads';
import { pageOneRenderer } from './thumbnails.js';

/** Renders page-1 thumbnails for the build (see ThumbnailQueue): PDF bytes in, PNG bytes out. */
const render = pageOneRenderer();
parentPort!.on('message', async ({ id, pdf }: { id: number; pdf: Uint8Array }) => {
  try {
    const png = new Uint8Array(await (await render)(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)));
    parentPort!.postMessage({ id, png }, [png.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
