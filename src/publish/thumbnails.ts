import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { distDir } from '../paths.js';
import { toolInfo } from '../tool-info.js';
import type { ManifestEntry } from '../pipeline/write.js';
import { writeAtomic } from '../pipeline/write.js';
import { WorkerPool } from '../worker-pool.js';

/**
 * Page-1 thumbnails for the published index, as PNG files in out/_thumbnails/ named by the PDF's
 * sha256 (from the manifest) and the tool's fingerprint: a PDF that did not change keeps its
 * thumbnail while infoblatt does not change either, and a build with nothing new never loads
 * PDFium or the canvas. The folder name starts with "_", which no sheet id can, so it never
 * collides with a sheet's folder.
 */

export const THUMBNAIL_DIR = '_thumbnails';
/** Width in pixels: page 1 shown 160 CSS pixels wide, a little sharper than that; ~40 KB each. */
const WIDTH = 240;

/**
 * Named by the PDF's sha256 and by the tool that drew it (its fingerprint, dist/tool.json): a
 * thumbnail is drawn again when infoblatt changes, even for a PDF whose bytes did not, so a fix
 * to the drawing (or another renderer) never leaves old pictures behind. The PDFs of such a
 * build are rendered again anyway: the fingerprint is part of every variant's input hash.
 */
export const thumbnailPath = (entry: Pick<ManifestEntry, 'sha256'>): string =>
  `${THUMBNAIL_DIR}/${entry.sha256}-${(toolInfo().fingerprint ?? 'unbuilt').slice(0, 12)}.png`;

export interface ThumbnailReport {
  rendered: number;
  /** Thumbnails that could not be made (the index shows the entry without a picture). */
  failed: string[];
}

/** Thumbnails of PDFs that are gone or changed are removed, so the folder does not grow forever. */
export function removeStaleThumbnails(outDir: string, entries: readonly ManifestEntry[]): void {
  const dir = path.join(outDir, THUMBNAIL_DIR);
  if (!existsSync(dir)) return;
  const keep = new Set(entries.map((e) => path.basename(thumbnailPath(e))));
  for (const name of readdirSync(dir)) if (!keep.has(name)) rmSync(path.join(dir, name), { force: true });
}

/**
 * PDFium and the canvas may keep memory for the documents they drew in their thread; a fresh
 * thread every this many thumbnails keeps it flat.
 */
const THUMBNAILS_PER_THREAD = 100;
/**
 * A thread costs ~0.15 s to start (PDFium's WebAssembly, the canvas, a cold first page) and then
 * draws a thumbnail in ~17 ms: another thread pays off only with at least this many for it.
 */
const THUMBNAILS_PER_EXTRA_THREAD = 8;

/**
 * The one way thumbnails are made: in threads of their own, from the PDFs a build writes (while
 * it renders the rest) and, at the index stage, from the PDFs of earlier runs that have none. The
 * main thread writes the PNGs (it alone writes to out/). Once rendering is done every core takes
 * a share of what is left.
 */
export class ThumbnailQueue {
  private pool?: WorkerPool<Uint8Array, Uint8Array>;
  private readonly jobs: Array<Promise<void>> = [];
  /** Thumbnail files asked for, so a PDF is never drawn twice. */
  private readonly asked = new Set<string>();
  private readonly report: ThumbnailReport = { rendered: 0, failed: [] };

  constructor(private readonly outDir: string) {}

  /** A thumbnail of `pdf` (already in memory), unless it exists or is on its way. */
  add(entry: ManifestEntry, pdf: Buffer): void {
    const file = this.wanted(entry);
    if (!file) return;
    this.asked.add(file);
    // A thumbnail that cannot be made never fails its PDF: the index shows the entry without one.
    // (The PDF is copied to the thread, not moved: a thread that dies gets it sent again.)
    // A PNG that cannot be written (a full disk) fails the same way as one that cannot be drawn.
    this.jobs.push(this.threads(1).run(pdf)
      .then((png) => {
        writeAtomic(file, Buffer.from(png.buffer, png.byteOffset, png.byteLength));
        this.report.rendered++;
      })
      .catch((error: unknown) => {
        this.report.failed.push(`${entry.file}: ${error instanceof Error ? error.message : String(error)}`);
      }));
  }

  /**
   * Starts a thread now, so that loading PDFium and the canvas overlaps the rendering instead of
   * following it. Worth it only while a core is free, i.e. when the PDFs render in one thread.
   */
  prepare(): void {
    this.threads(1);
  }

  /**
   * Makes whatever `entries` still lack, waits for every thumbnail asked for, and ends the
   * threads. Nothing else needs the cores now, so the thumbnails still waiting get up to one
   * thread per core.
   */
  async finish(entries: readonly ManifestEntry[]): Promise<ThumbnailReport> {
    for (const entry of entries) {
      if (!this.wanted(entry)) continue;
      try {
        this.add(entry, readFileSync(path.join(this.outDir, entry.file)));
      } catch (error) {
        this.report.failed.push(`${entry.file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (this.pool) this.pool.grow(Math.min(availableParallelism(), 1 + Math.floor(this.pool.waiting / THUMBNAILS_PER_EXTRA_THREAD)));
    await Promise.all(this.jobs);
    await this.close();
    return this.report;
  }

  /** Ends the threads (at once: a build that failed before its index stage waits for none). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }

  /** Where the thumbnail of `entry` goes, if it is neither there nor on its way. */
  private wanted(entry: ManifestEntry): string | undefined {
    const file = path.join(this.outDir, thumbnailPath(entry));
    return this.asked.has(file) || existsSync(file) ? undefined : file;
  }

  private threads(size: number): WorkerPool<Uint8Array, Uint8Array> {
    // A thread that dies on a thumbnail (a crash in PDFium or the native canvas) gets one more try on a fresh one.
    // PDFs come from this thread, which is busy rendering the next one and hands out jobs only
    // between documents: two waiting in the thread's own queue keep it drawing meanwhile.
    this.pool ??= new WorkerPool({ file: path.join(distDir, 'thumbnail-worker.js'), size: 0, jobsPerThread: THUMBNAILS_PER_THREAD, retryOnCrash: true, prefetch: 2 });
    this.pool.grow(size);
    return this.pool;
  }
}

/**
 * PDFium (Chrome's PDF renderer, compiled to WebAssembly: @hyzyla/pdfium) draws page 1, and the
 * Skia canvas encodes it as PNG; both load only in thumbnail threads. PDFium draws a page in a
 * third of the time pdf.js took in Node (~17 ms against ~45, ~0.1 s against ~0.3 s cold), as it
 * rasterises glyphs natively where pdf.js builds a path per glyph. pdf.js stays for the preview,
 * which runs in the browser.
 */
export async function pageOneRenderer(): Promise<(pdf: Buffer) => Promise<Buffer>> {
  const [{ PDFiumLibrary }, { createCanvas, ImageData }] = await Promise.all([import('@hyzyla/pdfium'), import('@napi-rs/canvas')]);
  const library = await PDFiumLibrary.init();
  return async (pdf) => {
    const doc = await library.loadDocument(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    try {
      const page = doc.getPage(0);
      const { originalWidth, originalHeight } = page.getOriginalSize();
      const height = Math.round((originalHeight * WIDTH) / originalWidth);
      // 'BGRA' names PDFium's bitmap format; the wrapper asks PDFium for the reverse byte order,
      // so the bytes are RGBA, as the canvas takes them (tests/publish/index.test.ts checks colour).
      const { data, width } = await page.render({ width: WIDTH, height, render: 'bitmap', colorSpace: 'BGRA' });
      const canvas = createCanvas(width, height);
      canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height), 0, 0);
      return canvas.toBuffer('image/png');
    } finally {
      doc.destroy();
    }
  };
}
