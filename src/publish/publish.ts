import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidContent } from '../pipeline/validate.js';
import { readManifest, writeAtomic } from '../pipeline/write.js';
import { INDEX_FILE, renderIndexHtml } from './index-page.js';
import { indexWords } from './index-words.js';
import { labelsOf } from './labels.js';
import { THUMBNAIL_DIR, removeStaleThumbnails, thumbnailPath, type ThumbnailQueue, type ThumbnailReport } from './thumbnails.js';
import { outputErrorOf } from '../findings.js';
import { displayPath } from '../paths.js';

/**
 * The last stage of a build: out/index.html and its thumbnails, from the manifest (so variants
 * built by earlier runs with other selectors are listed too). Written only when it changed.
 */
export interface Published {
  written: boolean;
  thumbnails: ThumbnailReport;
  /** The index page and the thumbnails it shows, relative to the output folder. */
  files: string[];
}

export async function publishIndex(outDir: string, content: ValidContent, queue: ThumbnailQueue): Promise<Published> {
  const entries = readManifest(outDir).variants;
  // Thumbnails of this run's PDFs were started while it rendered; those still missing start now.
  const thumbnails = await queue.finish(entries);
  // A run that built nothing (e.g. every variant failed) does not create out/ just for an empty list.
  if (entries.length === 0 && !existsSync(path.join(outDir, INDEX_FILE))) return { written: false, thumbnails, files: [] };
  // Something in the way (a file named _thumbnails, a folder named index.html) is the system's
  // refusal, as for any file in out/ (exit 73), not a bug of ours.
  try {
    removeStaleThumbnails(outDir, entries);
  } catch (error) {
    throw outputErrorOf(displayPath(path.join(outDir, THUMBNAIL_DIR)), error) ?? error;
  }
  try {
    return { ...writeIndexPage(outDir, content, entries), thumbnails };
  } catch (error) {
    throw outputErrorOf(displayPath(path.join(outDir, INDEX_FILE)), error) ?? error;
  }
}

/**
 * The index page from the manifest as it is, with the thumbnails already there (a PDF without
 * one shows none): also what an interrupted build leaves (build.ts), so the page never links a
 * file the manifest no longer lists.
 */
export function writeIndexPage(outDir: string, content: ValidContent, entries = readManifest(outDir).variants): Omit<Published, 'thumbnails'> {
  const file = path.join(outDir, INDEX_FILE);
  const shown = entries.filter((e) => existsSync(path.join(outDir, thumbnailPath(e))));
  const files = [INDEX_FILE, ...shown.map(thumbnailPath)];
  const html = renderIndexHtml({
    entries,
    labels: labelsOf(content),
    thumbnails: new Set(shown.map((e) => e.file)),
    organisation: content.brand?.data.organisation ?? 'infoblatt',
    accent: content.brand?.data.colors.primary ?? '#1d1d1b',
    // In the language the sheets are written in (labels.ts names them in it too).
    words: indexWords(content.sourceLocale),
  });
  if (existsSync(file) && readFileSync(file, 'utf8') === html) return { written: false, files };
  writeAtomic(file, html);
  return { written: true, files };
}
