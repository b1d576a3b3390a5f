import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root, runCli, tempDir } from '../helpers/cli.js';

/**
 * What scripts/node-bundle.mjs promises about the compiled tool in dist/ (built by `npm test`
 * before the tests): what stays out of the render path, and the one copy of fontkit.
 */

const dist = path.join(root, 'dist');
const scripts = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => path.join(dist, f));

describe('the bundle', () => {
  it('holds no copy of fontkit: react-pdf and pdfkit share the one in node_modules, which src/fontkit-patches.ts patches', () => {
    // A message only fontkit's own code contains.
    expect(readFileSync(path.join(root, 'node_modules/fontkit/dist/module.mjs'), 'utf8')).toContain('Unknown font format');
    for (const file of scripts) expect(readFileSync(file, 'utf8'), file).not.toContain('Unknown font format');
  });

  it('holds no path of this checkout: a clone elsewhere compiles the same chunks, so the tool\'s fingerprint and every input hash stay', () => {
    // The generated modules named src/ by absolute path: the chunks' names (hashes of their input),
    // the fingerprint in dist/tool.json and the thumbnails' names then changed with the clone's path.
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dist, f)).filter((f) => /\.(js|map|json)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(file, 'utf8').includes(root), file).toBe(false);
  });

  it('loads pdf-lib only for print versions: nothing imports its chunk statically', () => {
    const chunk = readdirSync(path.join(dist, 'chunks')).find((f) => /^print-.*\.js$/.test(f));
    expect(chunk).toBeDefined();
    const importers = scripts.filter((f) => path.basename(f) !== chunk && readFileSync(f, 'utf8').includes(chunk!));
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).toContain(`import("./${chunk}")`);
      expect(source, file).not.toMatch(new RegExp(`from ["']\\./${chunk!.replace('.', '\\.')}["']`));
    }
  });

  it('renders without loading Node’s HTTP client (yoga decodes its inline WebAssembly without fetch)', () => {
    const dir = tempDir();
    const report = path.join(dir, 'modules.json');
    const hook = path.join(dir, 'report-modules.mjs');
    writeFileSync(hook, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(report)}, JSON.stringify(process.moduleLoadList)));\n`);
    // One variant renders in the main thread (planRendering), the thread whose modules are listed.
    const r = runCli(['build', '--region', 'hamburg', '--locale', 'de', '--template', 'infoblatt', '--out', path.join(dir, 'out'), '--json'], {
      env: { NODE_OPTIONS: `--import=${pathToFileURL(hook).href}` },
    });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { variants: Array<{ status: string }> }).variants.map((v) => v.status)).toEqual(['built']);
    const loaded = JSON.parse(readFileSync(report, 'utf8')) as string[];
    expect(loaded.length).toBeGreaterThan(50);
    // Before the fix this listed 'NativeModule internal/deps/undici/undici'.
    expect(loaded.filter((m) => m.includes('undici'))).toEqual([]);
  });
});

describe('the react-pdf hooks', () => {
  it('fail a bundle that has react-pdf in it but not the modules they hook (a react-pdf that moved its files)', async () => {
    const { build } = await import('esbuild');
    const { nodeBundle } = (await import(pathToFileURL(path.join(root, 'scripts/node-bundle.mjs')).href)) as { nodeBundle: Record<string, unknown> };
    const bundle = (contents: string) =>
      build({ ...nodeBundle, stdin: { contents, resolveDir: root, sourcefile: 'entry.js' }, outdir: path.join(tempDir(), 'out'), logLevel: 'silent', write: false });
    // react-pdf's style resolver: part of react-pdf, but neither the layout nor the line breaker.
    await expect(bundle("import resolveStyle from '@react-pdf/stylesheet';\nconsole.log(resolveStyle);\n")).rejects.toThrow(/react-pdf hooks: a hooked module was not found/);
    // With the whole of react-pdf (layout, line breaker, renderer) the hooks are met.
    await expect(bundle("import { renderToBuffer } from '@react-pdf/renderer';\nconsole.log(renderToBuffer);\n")).resolves.toBeDefined();
  });
});
