// How infoblatt's code is bundled for Node, shared by `npm run build` (scripts/build.mjs) and the
// preview, which compiles a fresh render worker when a template is edited
// (src/preview/worker-bundle.ts): both bundles must render the same way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * react-pdf's text layout for <Text> goes through src/text-layout-cache.ts (why: see there). The
 * build stops if react-pdf no longer contains the call, so an upgrade cannot drop it silently.
 */
const LAYOUT_CALL = 'const lines = engine(attributedString, container, options);';
const layoutCache = fileURLToPath(new URL('../src/text-layout-cache.ts', import.meta.url));
const cachedTextLayout = {
  name: 'cached-text-layout',
  setup(b) {
    b.onLoad({ filter: /[\\/]@react-pdf[\\/]layout[\\/]lib[\\/]index\.js$/ }, ({ path: file }) => {
      const source = readFileSync(file, 'utf8');
      if (source.split(LAYOUT_CALL).length !== 2) throw new Error(`${file}: expected exactly one "${LAYOUT_CALL}"; see src/text-layout-cache.ts`);
      return {
        contents: `import { layoutWithCache as __layoutWithCache } from ${JSON.stringify(layoutCache)};\n${source.replace(LAYOUT_CALL, 'const lines = __layoutWithCache(engine, attributedString, container, options);')}`,
        loader: 'js',
        resolveDir: path.dirname(file),
      };
    });
  },
};

/** esbuild options for code that runs in Node (entry points and output folder are the caller's). */
export const nodeBundle = {
  bundle: true,
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
  plugins: [cachedTextLayout],
};
