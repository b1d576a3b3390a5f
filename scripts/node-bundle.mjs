// How infoblatt's code is bundled for Node, shared by `npm run build` (scripts/build.mjs) and the
// preview, which compiles a fresh render worker when a template is edited
// (src/preview/worker-bundle.ts): both bundles must render the same way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Hooks in react-pdf's layout (@react-pdf/layout), line breaker (@react-pdf/textkit) and renderer
 * (@react-pdf/render), each a call routed through our code:
 * - the text layout of every <Text>, through src/text-layout-cache.ts (why: see there);
 * - two page-break rules, through src/page-breaks.ts: the line at which a paragraph continues
 *   on the next page, and which nodes must keep room after them on their page;
 * - the hyphen added where a line breaks inside a word, through src/line-breaks.ts (none where
 *   an address breaks after "@" or before "."), and the cost of dividing a paragraph's last word
 *   (so its last line is not a fragment);
 * - justification fills a line with its word spaces, never by letter-spacing (line-breaks.ts:
 *   EXPAND_WHITESPACE and EXPAND_CHAR, layout options);
 * - justification: a no-break space stretches like a space (as a tie does in TeX). textkit
 *   stretches only U+0020, so in a justified line "16 Jahre" or "Metall –", bound by typography,
 *   kept a narrow gap beside the widened ones.
 * - tagged PDF, through src/pdf-structure.ts: in the renderer, each node drawn opens its structure
 *   element (or artifact) while it and its children are drawn, its background and borders are
 *   Layout artifacts, its own drawing (text runs, a figure) is marked content of its element, a
 *   link's annotation part of its Link element; the document gets its Document element before
 *   the first page and is checked for open markings before it ends. In the layout, nodes with a
 *   role get an identity before pagination, so that a node split across pages stays one element.
 * The build stops if react-pdf no longer contains a hooked piece exactly once, or a hooked
 * module is not met at all, so an upgrade cannot drop a hook silently.
 */
// Named through an alias (srcAlias, below), not by absolute path: the modules written here are
// esbuild's input, and a checkout's path in them changed the chunks' hashes and with them the
// tool's fingerprint, so a clone elsewhere rendered everything again and named thumbnails anew.
const SRC = '@infoblatt-src/';
const src = (file) => JSON.stringify(`${SRC}${file}`);
const LAYOUT = /[\\/]@react-pdf[\\/]layout[\\/]lib[\\/]index\.js$/;
const TEXTKIT = /[\\/]@react-pdf[\\/]textkit[\\/]lib[\\/]textkit\.js$/;
const RENDER = /[\\/]@react-pdf[\\/]render[\\/]lib[\\/]index\.js$/;
const structure = `import { beginStructure as __beginStructure, endStructure as __endStructure, beginNode as __beginNode, drawDecoration as __drawDecoration, drawContent as __drawContent, drawRun as __drawRun } from ${src('pdf-structure.ts')};`;
const HOOKS = [
  {
    module: LAYOUT,
    call: 'const lines = engine(attributedString, container, options);',
    hooked: 'const lines = __layoutWithCache(engine, attributedString, container, options);',
    import: `import { layoutWithCache as __layoutWithCache } from ${src('text-layout-cache.ts')};`,
  },
  {
    module: LAYOUT,
    call: 'const slicedLineIndex = getLineBreak(node, height);',
    hooked: 'const slicedLineIndex = __keepWordsOnOnePage(node, getLineBreak(node, height));',
    import: `import { keepWordsOnOnePage as __keepWordsOnOnePage } from ${src('page-breaks.ts')};`,
  },
  {
    module: LAYOUT,
    call: 'const endOfPresence = getEndOfPresence(child, futureElements);',
    hooked: 'const endOfPresence = __presenceEnd(child, getEndOfPresence(child, futureElements), futureElements);',
    import: `import { presenceEnd as __presenceEnd } from ${src('page-breaks.ts')};`,
  },
  {
    module: LAYOUT,
    call: 'paginationStep, resolveTextLayout,',
    hooked: 'paginationStep, __identifyStructure, resolveTextLayout,',
    import: `import { identifyStructure as __identifyStructure } from ${src('pdf-structure.ts')};`,
  },
  {
    module: RENDER,
    call: 'const options = { imageCache: new Map(), fieldSets: [] };',
    hooked: 'const options = { imageCache: new Map(), fieldSets: [] };\n    __beginStructure(ctx);',
    import: structure,
  },
  {
    module: RENDER,
    call: 'addBookmarks(ctx, doc);\n    ctx.end();',
    hooked: 'addBookmarks(ctx, doc);\n    __endStructure(ctx);\n    ctx.end();',
  },
  {
    module: RENDER,
    call: 'const renderNode = (ctx, node, options) => {',
    hooked: 'const renderNode = (ctx, node, options) => __beginNode(ctx, node, () => renderNodeUntagged(ctx, node, options));\nconst renderNodeUntagged = (ctx, node, options) => {',
  },
  {
    module: RENDER,
    call: 'renderBackground(ctx, node);\n    renderBorders(ctx, node);',
    hooked: '__drawDecoration(ctx, node, () => {\n        renderBackground(ctx, node);\n        renderBorders(ctx, node);\n    });',
  },
  {
    module: RENDER,
    call: 'renderFn(ctx, node, options);',
    hooked: '__drawContent(ctx, node, () => renderFn(ctx, node, options));',
  },
  {
    module: RENDER,
    call: 'renderRun(ctx, run);',
    hooked: '__drawRun(ctx, run, () => renderRun(ctx, run));',
  },
  {
    module: LAYOUT,
    call: 'shrinkWhitespaceFactor: { before: -0.5, after: -0.5 },\n    hyphenationCallback: node.props.hyphenationCallback ||',
    hooked: 'shrinkWhitespaceFactor: { before: -0.5, after: -0.5 },\n    expandWhitespaceFactor: __EXPAND_WHITESPACE,\n    expandCharFactor: __EXPAND_CHAR,\n    hyphenationCallback: node.props.hyphenationCallback ||',
    import: `import { EXPAND_CHAR as __EXPAND_CHAR, EXPAND_WHITESPACE as __EXPAND_WHITESPACE } from ${src('line-breaks.ts')};`,
  },
  {
    module: TEXTKIT,
    call: 'if (isWhiteSpace$1(glyph)) {',
    hooked: 'if (isWhiteSpace$1(glyph) || glyph.codePoints?.includes(0xa0)) {',
  },
  {
    module: TEXTKIT,
    call: 'acc.push(linebreak.penalty(hyphenWidth, hyphenPenalty, 1));',
    hooked: 'acc.push(linebreak.penalty(hyphenWidth, __hyphenPenaltyAt(hyphenPenalty, syllables, index), 1));',
    import: `import { hyphenPenaltyAt as __hyphenPenaltyAt } from ${src('line-breaks.ts')};`,
  },
  {
    module: TEXTKIT,
    call: 'demerits: { line: 10, flagged: 100, fitness: 3000 },',
    hooked: 'demerits: { line: 10, flagged: __DOUBLE_HYPHEN_DEMERITS, fitness: 3000 },',
    import: `import { DOUBLE_HYPHEN_DEMERITS as __DOUBLE_HYPHEN_DEMERITS } from ${src('line-breaks.ts')};`,
  },
  {
    module: TEXTKIT,
    call: 'const stretch = (width * opts.width) / opts.stretch;',
    hooked: 'const stretch = __glueStretch(align, (width * opts.width) / opts.stretch);',
    import: `import { glueStretch as __glueStretch } from ${src('line-breaks.ts')};`,
  },
  {
    module: TEXTKIT,
    call: 'const hyphenWidth = 5;',
    hooked: 'const hyphenWidth = __hyphenWidth(attributedString);',
    import: `import { hyphenWidth as __hyphenWidth } from ${src('line-breaks.ts')};`,
  },
  {
    module: TEXTKIT,
    call: 'result.push(linebreak.glue(0, start, start, linebreak.infinity, 0));',
    hooked: '__markRagged(result, align);\n    result.push(linebreak.glue(0, start, start, linebreak.infinity, 0));',
    import: `import { markRagged as __markRagged } from ${src('line-breaks.ts')};`,
  },
  {
    module: TEXTKIT,
    call: 'stretch = sum.stretch - active.totals.stretch;',
    hooked: 'stretch = __lineStretch(nodes, lineLength, sum.stretch - active.totals.stretch);',
    import: `import { lineStretch as __lineStretch } from ${src('line-breaks.ts')};`,
  },
  {
    module: TEXTKIT,
    call: 'const shrink = (width * opts.width) / opts.shrink;',
    hooked: 'const shrink = __glueShrink(align, (width * opts.width) / opts.shrink);',
    import: `import { glueShrink as __glueShrink } from ${src('line-breaks.ts')};`,
  },
  {
    module: TEXTKIT,
    call: 'line = insertGlyph(line.string.length, HYPHEN, line);',
    hooked: 'line = __hyphenAtBreak(line.string, attributedString.string.charAt(end)) ? insertGlyph(line.string.length, HYPHEN, line) : line;',
    import: `import { hyphenAtBreak as __hyphenAtBreak } from ${src('line-breaks.ts')};`,
  },
];
const reactPdfHooks = {
  name: 'react-pdf-hooks',
  setup(b) {
    const met = new Set();
    const modules = [...new Set(HOOKS.map((h) => h.module))];
    let reactPdf = false;
    // Notes that react-pdf is in the bundle at all (and passes the file on to the hooks below).
    b.onLoad({ filter: /[\\/]@react-pdf[\\/]/ }, () => {
      reactPdf = true;
      return undefined;
    });
    for (const module of modules) {
      const hooks = HOOKS.filter((h) => h.module === module);
      b.onLoad({ filter: module }, ({ path: file }) => {
        met.add(module);
        let source = readFileSync(file, 'utf8');
        for (const hook of hooks) {
          if (source.split(hook.call).length !== 2) throw new Error(`${file}: expected exactly one "${hook.call}"; see scripts/node-bundle.mjs`);
          source = source.replace(hook.call, hook.hooked);
        }
        return { contents: `${hooks.flatMap((h) => (h.import ? [h.import] : [])).join('\n')}\n${source}`, loader: 'js', resolveDir: path.dirname(file) };
      });
    }
    // A bundle with react-pdf in it must have met every hooked module (a moved file would skip its hooks).
    // (Errors fail the build only when returned: esbuild ignores ones pushed onto the result.)
    b.onEnd(() => {
      const missed = reactPdf ? modules.filter((m) => !met.has(m)) : [];
      met.clear();
      reactPdf = false;
      if (missed.length > 0) return { errors: [{ text: `react-pdf hooks: a hooked module was not found (${missed.join(', ')}); see scripts/node-bundle.mjs` }] };
      return undefined;
    });
  },
};

/**
 * yoga (react-pdf's box layout) ships its WebAssembly inline as a data: URL and, when `fetch`
 * exists, loads it through `fetch`. In Node that first loads undici, Node's HTTP client: ~40 ms
 * at the start of every render thread, for bytes already in memory. With `fetch` shadowed in
 * yoga's module, it decodes them directly (its own fallback for runtimes without fetch).
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/][^\\/]+\.js$/ }, ({ path: file }) => ({
      contents: `const fetch = undefined;\n${readFileSync(file, 'utf8')}`,
      loader: 'js',
      resolveDir: path.dirname(file),
    }));
  },
};

/**
 * tiny-inflate (a DEFLATE decoder in JavaScript, which decompresses the Unicode tables of the
 * bundled textkit and line breaker as they load) is replaced by src/fast-inflate.ts, Node's zlib
 * behind the same function. It is required as CommonJS, so the module's export is the function.
 */
const fastInflate = {
  name: 'fast-inflate',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]tiny-inflate[\\/]index\.js$/ }, () => ({
      contents: `module.exports = require(${src('fast-inflate.ts')}).default;`,
      loader: 'js',
    }));
  },
};

/** The alias src() writes, resolved to the file in src/. */
const srcAlias = {
  name: 'infoblatt-src',
  setup(b) {
    const dir = fileURLToPath(new URL('../src/', import.meta.url));
    b.onResolve({ filter: /^@infoblatt-src\// }, ({ path: name }) => ({ path: path.join(dir, name.slice(SRC.length)) }));
  },
};

/** esbuild options for code that runs in Node (entry points and output folder are the caller's). */
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies are bundled too: one file loads much faster than hundreds of small modules.
  // These stay in node_modules:
  // - pdfkit reads its data files next to itself and imports fontkit from there; fontkit stays
  //   too, so react-pdf and pdfkit share one copy (a bundled second copy cost every render thread
  //   ~50 ms of start-up, and src/fontkit-patches.ts must patch the one in use);
  // - PDFium (thumbnails) finds its WebAssembly file next to itself; the canvas is native;
  // - esbuild (a development dependency) only compiles templates for the preview.
  // pdf.js is not bundled at all: the preview serves it to the browser as it is.
  external: ['pdfkit', 'fontkit', '@hyzyla/pdfium', '@napi-rs/canvas', 'esbuild'],
  jsx: 'automatic',
  // React's development build is several times slower and keeps more memory per document; the
  // bundle is always the production one, for the command line and for library callers alike.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Bundled CommonJS dependencies call require() for Node's built-ins.
  banner: { js: "import { createRequire as __infoblattRequire } from 'node:module'; const require = __infoblattRequire(import.meta.url);" },
  plugins: [srcAlias, reactPdfHooks, yogaWithoutFetch, fastInflate],
};
