// Compiles src/ and templates/ once (esbuild) so that no run pays for transpiling TypeScript, and
// precomputes what every run would otherwise redo: the tool's fingerprint (part of each variant's
// input hash) and the characters each shipped font family can draw (checked during validation
// without loading fontkit). `npm ci` runs this through `prepare`; `npm test` runs it first.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { nodeBundle } from './node-bundle.mjs';
import { toolFingerprint } from './fingerprint.mjs';

// `npm start` asks for a compile only when a source changed since the last one.
if (process.argv.includes('--if-changed') && existsSync('dist/tool.json') && existsSync('dist/tool-sources.js')) {
  const { changedSinceCompiled } = await import(new URL('../dist/tool-sources.js', import.meta.url).href);
  if (changedSinceCompiled().length === 0) process.exit(0);
}

// react-pdf must render through the pdfkit and fontkit that src/pdfkit-patches.ts and
// src/fontkit-patches.ts patch: a second, nested copy (when react-pdf asks for a version the
// tool's own pins do not satisfy) would go unpatched, and with it print colours, the /ID and
// the shaping cache. Stop before compiling.
for (const [dependency, user] of [['pdfkit', '@react-pdf/renderer'], ['fontkit', '@react-pdf/font'], ['fontkit', 'pdfkit']]) {
  const ours = createRequire(path.resolve('package.json')).resolve(dependency);
  const theirs = createRequire(createRequire(path.resolve('package.json')).resolve(user)).resolve(dependency);
  if (ours !== theirs) {
    console.error(`${user} uses its own copy of ${dependency} (${theirs}), not the one infoblatt patches (${ours}): align the version in package.json with the one ${user} asks for`);
    process.exit(1);
  }
}

rmSync('dist', { recursive: true, force: true });
await build({
  ...nodeBundle,
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', worker: 'src/worker.ts', 'thumbnail-worker': 'src/publish/thumbnail-worker.ts', 'tool-sources': 'src/tool-sources.ts' },
  outdir: 'dist',
  splitting: true, // react-pdf is loaded only when something has to be rendered
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// Declarations for the library's users (package.json "exports" → dist/types/src/index.d.ts).
execFileSync(process.execPath, [path.join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
// The preview page's script runs in the browser; it loads pdf.js from the server at run time.
await build({
  entryPoints: { 'preview-client': 'src/preview/client.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'chrome120',
  sourcemap: 'linked',
  logLevel: 'warning',
});

const glyphs = {};
for (const dir of readdirSync('fonts')) {
  const manifest = path.join('fonts', dir, 'family.json');
  if (!existsSync(manifest)) continue;
  const family = JSON.parse(readFileSync(manifest, 'utf8'));
  let common;
  for (const file of Object.values(family.faces)) {
    const set = new Set(fontkit.create(readFileSync(path.join('fonts', dir, file))).characterSet);
    common = common ? new Set([...common].filter((cp) => set.has(cp))) : set;
  }
  // Ranges "start-end" keep the file small.
  const sorted = [...common].sort((a, b) => a - b);
  const ranges = [];
  for (const cp of sorted) {
    const last = ranges.at(-1);
    if (last && cp === last[1] + 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  glyphs[family.family] = ranges;
}

// What this compile was made from, so that a run can tell when a source changed after it.
const { listSources, recordSource } = await import(new URL('../dist/tool-sources.js', import.meta.url).href);
const sources = Object.fromEntries(listSources().map((file) => [file, recordSource(file)]));

writeFileSync('dist/tool.json', `${JSON.stringify({ fingerprint: toolFingerprint(), glyphs, sources })}\n`);
