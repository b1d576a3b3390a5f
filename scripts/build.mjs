// Compiles src/ and templates/ once (esbuild) so that no run pays for transpiling TypeScript, and
// precomputes what every run would otherwise redo: the tool's fingerprint (part of each variant's
// input hash) and the characters each shipped font family can draw (checked during validation
// without loading fontkit). `npm ci` runs this through `prepare`; `npm test` runs it first.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

/**
 * react-pdf's text layout for <Text> goes through src/text-layout-cache.ts (why: see there). The
 * build stops if react-pdf no longer contains the call, so an upgrade cannot drop it silently.
 */
const LAYOUT_CALL = 'const lines = engine(attributedString, container, options);';
const cachedTextLayout = {
  name: 'cached-text-layout',
  setup(b) {
    b.onLoad({ filter: /[\\/]@react-pdf[\\/]layout[\\/]lib[\\/]index\.js$/ }, ({ path: file }) => {
      const source = readFileSync(file, 'utf8');
      if (source.split(LAYOUT_CALL).length !== 2) throw new Error(`${file}: expected exactly one "${LAYOUT_CALL}"; see src/text-layout-cache.ts`);
      const hook = JSON.stringify(path.resolve('src/text-layout-cache.ts'));
      return {
        contents: `import { layoutWithCache as __layoutWithCache } from ${hook};\n${source.replace(LAYOUT_CALL, 'const lines = __layoutWithCache(engine, attributedString, container, options);')}`,
        loader: 'js',
        resolveDir: path.dirname(file),
      };
    });
  },
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', worker: 'src/worker.ts', 'thumbnail-worker': 'src/publish/thumbnail-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true, // react-pdf is loaded only when something has to be rendered
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies are bundled too: one file loads much faster than hundreds of small modules.
  // pdf.js finds its worker file next to itself, and the canvas is a native module: both stay in
  // node_modules; esbuild (a development dependency) only compiles templates for the preview.
  external: ['pdfkit', 'pdfjs-dist', '@napi-rs/canvas', 'esbuild'],
  jsx: 'automatic',
  // Bundled CommonJS dependencies call require() for Node's built-ins.
  banner: { js: "import { createRequire as __infoblattRequire } from 'node:module'; const require = __infoblattRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [cachedTextLayout],
});
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

const files = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();

const fingerprint = createHash('sha256');
fingerprint.update(JSON.parse(readFileSync('package.json', 'utf8')).version);
for (const file of [...files('dist').filter((f) => f.endsWith('.js')), ...files('fonts'), 'package-lock.json']) {
  fingerprint.update(file).update(readFileSync(file));
}

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

writeFileSync('dist/tool.json', `${JSON.stringify({ fingerprint: fingerprint.digest('hex'), glyphs })}\n`);
