import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ManifestEntry } from '../pipeline/write.js';
import { writeAtomic } from '../pipeline/write.js';

/**
 * Page-1 thumbnails for the published index, as PNG files in out/_thumbnails/ named by the PDF's
 * sha256 (from the manifest): a PDF that did not change keeps its thumbnail, and a build with
 * nothing new never loads pdf.js or the canvas. The folder name starts with "_", which no sheet id
 * can, so it never collides with a sheet's folder.
 */

export const THUMBNAIL_DIR = '_thumbnails';
/** Width in pixels: page 1 shown 160 CSS pixels wide, a little sharper than that; ~60 KB each. */
const WIDTH = 240;

export const thumbnailPath = (entry: Pick<ManifestEntry, 'sha256'>): string => `${THUMBNAIL_DIR}/${entry.sha256}.png`;

export interface ThumbnailReport {
  rendered: number;
  /** Thumbnails that could not be made (the index shows the entry without a picture). */
  failed: string[];
}

export async function updateThumbnails(outDir: string, entries: readonly ManifestEntry[]): Promise<ThumbnailReport> {
  const missing = entries.filter((e) => !existsSync(path.join(outDir, thumbnailPath(e))));
  const report: ThumbnailReport = { rendered: 0, failed: [] };
  if (missing.length > 0) {
    const render = await pageOneRenderer();
    for (const entry of missing) {
      try {
        writeAtomic(path.join(outDir, thumbnailPath(entry)), await render(readFileSync(path.join(outDir, entry.file))));
        report.rendered++;
      } catch (error) {
        report.failed.push(`${entry.file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  removeStale(outDir, entries);
  return report;
}

/** Thumbnails of PDFs that are gone or changed are removed, so the folder does not grow forever. */
function removeStale(outDir: string, entries: readonly ManifestEntry[]): void {
  const dir = path.join(outDir, THUMBNAIL_DIR);
  if (!existsSync(dir)) return;
  const keep = new Set(entries.map((e) => `${e.sha256}.png`));
  for (const name of readdirSync(dir)) if (!keep.has(name)) rmSync(path.join(dir, name), { force: true });
}

/** pdf.js (legacy build, for Node) draws page 1 onto a Skia canvas; loaded only when needed. */
async function pageOneRenderer(): Promise<(pdf: Buffer) => Promise<Buffer>> {
  const [{ getDocument }, { createCanvas }] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('@napi-rs/canvas')]);
  return async (pdf) => {
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
    try {
      const page = await doc.getPage(1);
      const viewport = page.getViewport({ scale: WIDTH / page.getViewport({ scale: 1 }).width });
      const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
      return canvas.toBuffer('image/png');
    } finally {
      await doc.destroy();
    }
  };
}
