import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { tempDir } from './cli.js';

/** Renders every page of a PDF to PNG with poppler's pdftoppm, as a person would look at it. */
export function renderPages(pdfFile: string, dpi = 50): PNG[] {
  const dir = tempDir();
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdfFile, path.join(dir, 'page')]);
  return readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => PNG.sync.read(readFileSync(path.join(dir, f))));
}

/** Share of pixels that differ noticeably (pixelmatch's perceptual threshold). */
export function differingShare(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  const diff = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
  return diff / (a.width * a.height);
}

/** Share of pixels that are not (near) white: how much of a page carries ink. */
export function inkShare(png: PNG, region?: { top: number; bottom: number }): number {
  const top = Math.floor((region?.top ?? 0) * png.height);
  const bottom = Math.floor((region?.bottom ?? 1) * png.height);
  let ink = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i]! < 200 || png.data[i + 1]! < 200 || png.data[i + 2]! < 200) ink++;
    }
  }
  return ink / ((bottom - top) * png.width);
}
