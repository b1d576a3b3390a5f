import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { distDir } from '../paths.js';
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

/**
 * Thumbnails of the PDFs a build writes, made while the build renders the rest: in a thread of
 * their own, started with the first new PDF, so a build on two cores hardly waits for them. The
 * main thread writes the PNGs (it alone writes to out/). The thread never keeps the process alive
 * while it has nothing to do.
 */
/**
 * pdf.js and the canvas keep memory for the documents they drew in their thread; a fresh thread
 * every this many thumbnails keeps it flat. Thumbnails are slower than the PDFs they show, so the
 * PDFs wait here, in order, and the thread gets one at a time.
 */
const THUMBNAILS_PER_THREAD = 100;

interface Job {
  id: number;
  pdf: Uint8Array;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

export class ThumbnailQueue {
  private worker?: Worker;
  private served = 0;
  private current?: Job;
  private readonly queue: Job[] = [];
  private readonly jobs: Array<Promise<void>> = [];
  private nextId = 0;
  readonly report: ThumbnailReport = { rendered: 0, failed: [] };

  constructor(private readonly outDir: string) {}

  add(entry: ManifestEntry, pdf: Buffer): void {
    const file = path.join(this.outDir, thumbnailPath(entry));
    if (existsSync(file)) return;
    // A thumbnail that cannot be made never fails its PDF: the index stage tries once more.
    const rendering = new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, pdf: new Uint8Array(pdf), resolve, reject });
      this.next();
    });
    this.jobs.push(rendering.then(
      (png) => {
        writeAtomic(file, png);
        this.report.rendered++;
      },
      () => undefined,
    ));
  }

  /**
   * Starts the thread now, so that loading pdf.js and the canvas overlaps the rendering instead of
   * following it (a one-variant build would otherwise wait ~0.4 s longer). Worth it only while a
   * core is free, i.e. when the PDFs render in one thread.
   */
  prepare(): void {
    (this.worker ??= this.spawn()).unref();
  }

  /** Waits for every thumbnail asked for, then ends the thread. */
  async finish(): Promise<ThumbnailReport> {
    await Promise.all(this.jobs);
    await this.worker?.terminate();
    this.worker = undefined;
    return this.report;
  }

  private next(): void {
    if (this.current || this.queue.length === 0) {
      if (!this.current) this.worker?.unref();
      return;
    }
    if (this.worker && this.served >= THUMBNAILS_PER_THREAD) {
      void this.worker.terminate();
      this.worker = undefined;
    }
    if (!this.worker) {
      this.worker = this.spawn();
      this.served = 0;
    }
    const job = (this.current = this.queue.shift()!);
    this.served++;
    this.worker.ref();
    this.worker.postMessage({ id: job.id, pdf: job.pdf }, [job.pdf.buffer as ArrayBuffer]);
  }

  private spawn(): Worker {
    const worker = new Worker(path.join(distDir, 'thumbnail-worker.js'));
    worker.on('message', (msg: { id: number; png?: Uint8Array; error?: string }) => {
      const job = this.current;
      this.current = undefined;
      if (job && msg.png) job.resolve(Buffer.from(msg.png.buffer, msg.png.byteOffset, msg.png.byteLength));
      else job?.reject(new Error(msg.error ?? 'thumbnail failed'));
      this.next();
    });
    worker.on('error', (error) => {
      // The thumbnail in hand fails (the index stage tries it again); the rest go to a new thread.
      if (this.worker === worker) this.worker = undefined;
      this.current?.reject(error);
      this.current = undefined;
      this.next();
    });
    return worker;
  }
}

/** pdf.js (legacy build, for Node) draws page 1 onto a Skia canvas; loaded only when needed. */
export async function pageOneRenderer(): Promise<(pdf: Buffer) => Promise<Buffer>> {
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
