import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir, toolRoot } from '../paths.js';

/**
 * Templates are compiled into dist/ ahead of time, so an edited template needs a new render
 * worker compiled from the sources. esbuild is a development dependency: it is there for the
 * developers who edit templates; without it the preview says to run `npm run build` and restart.
 * Each bundle goes to its own folder under dist/ (the worker finds the tool's root from there);
 * the previous one is removed once it is no longer used.
 */

const BUNDLES = path.join(distDir, 'preview-worker');
let counter = 0;

export async function compileWorker(): Promise<string> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('templates changed, but esbuild (a development dependency) is not installed: run "npm run build" and start the preview again');
  }
  const outdir = path.join(BUNDLES, `${process.pid}-${++counter}`);
  // The bundling of `npm run build` (with its text layout cache), for the worker entry. Split as
  // there: the renderer is a chunk of its own, which the worker loads after it has put the fast
  // decoder in place (src/fast-inflate.ts); in one file, fontkit would load before.
  const { nodeBundle } = (await import(pathToFileURL(path.join(toolRoot, 'scripts', 'node-bundle.mjs')).href)) as { nodeBundle: import('esbuild').BuildOptions };
  await esbuild.build({ ...nodeBundle, entryPoints: { worker: path.join(toolRoot, 'src', 'worker.ts') }, outdir, splitting: true, logLevel: 'silent' });
  return path.join(outdir, 'worker.js');
}

export function removeWorker(file: string | undefined): void {
  if (file && file.startsWith(BUNDLES)) rmSync(path.dirname(file), { recursive: true, force: true });
}
