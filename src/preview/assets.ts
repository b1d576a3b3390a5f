import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { distDir, toolRoot } from '../paths.js';
import { PAGE_CSS } from './page.js';

/**
 * The page's own assets, a fixed table: the script compiled from client.ts, the stylesheet, and
 * pdf.js (legacy build) with its worker from node_modules. Nothing else is served from disk by
 * name, so no request path can reach another file.
 */

export interface Asset {
  type: string;
  body: () => Buffer | string;
}

const pdfjs = (file: string) => createRequire(path.join(toolRoot, 'package.json')).resolve(`pdfjs-dist/legacy/build/${file}`);
const js = 'text/javascript; charset=utf-8';
const cached = (read: () => Buffer): (() => Buffer) => {
  let body: Buffer | undefined;
  return () => (body ??= read());
};

export const assets: Record<string, Asset> = {
  '/assets/preview.js': { type: js, body: cached(() => readFileSync(path.join(distDir, 'preview-client.js'))) },
  '/assets/preview.css': { type: 'text/css; charset=utf-8', body: () => PAGE_CSS },
  '/assets/pdf.mjs': { type: js, body: cached(() => readFileSync(pdfjs('pdf.min.mjs'))) },
  '/assets/pdf.worker.mjs': { type: js, body: cached(() => readFileSync(pdfjs('pdf.worker.min.mjs'))) },
};
