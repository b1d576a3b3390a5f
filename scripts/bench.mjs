// Measures the speed and size figures the README states, on the current content. Speed is measured
// here, never in a timed test. Every figure is a whole `infoblatt` process unless it says "warm".
//
//   npm run bench                      the real content (7 regions × 3 languages)
//   npm run bench -- --variants 1000   plus synthetic regions in a temporary copy, to see memory
//                                      stay flat as the matrix grows
//   npm run bench -- --runs 7          more repetitions for the medians
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from './preview-process.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 5);
const synthetic = arg('variants', 0);
const bin = path.join(root, 'bin/infoblatt.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Every scratch folder lives in one folder of this run, removed at the end.
const scratchRoot = mkdtempSync(path.join(tmpdir(), 'infoblatt-bench-'));
process.on('exit', () => rmSync(scratchRoot, { recursive: true, force: true }));
const scratch = () => mkdtempSync(path.join(scratchRoot, 'run-'));

// The shaping cache (src/shaping-store.ts) of the bench is its own: figures "with the cache" mean
// after one earlier build on this machine, those for a first run get an empty folder each time.
process.env.INFOBLATT_CACHE_DIR = scratch();
const emptyCache = () => ({ ...process.env, INFOBLATT_CACHE_DIR: scratch() });

function run(args, env = process.env) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28, env });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`infoblatt ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  return { ms, report: JSON.parse(r.stdout) };
}

function matrix(content, jobs, env) {
  const out = scratch();
  const result = run(['build', '--content', content, '--out', out, '--force', ...(jobs ? ['--jobs', String(jobs)] : [])], env);
  return { ...result, out };
}

const rows = [];
const row = (label, value) => rows.push([label, value]);

// 1. Cold: one variant, fresh output folder, whole process; first on a machine that never built
// (no shaping cache), then as every later build of an edited text starts.
const oneVariant = ['build', '--region', 'hamburg', '--locale', 'de', '--template', 'infoblatt'];
const first = median(Array.from({ length: runs }, () => run([...oneVariant, '--out', scratch()], emptyCache()).ms));
run([...oneVariant, '--out', scratch()]);
const cold = median(Array.from({ length: runs }, () => run([...oneVariant, '--out', scratch()]).ms));
row('cold build of one variant (whole process, median)', `${cold.toFixed(0)} ms`);
row('  the same, first build on this machine (empty shaping cache)', `${first.toFixed(0)} ms`);

// 1b. The same text set by bare react-pdf, as a whole process: the floor infoblatt builds on.
const bare = median(Array.from({ length: runs }, () => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/bench-baseline.mjs')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`baseline failed:\n${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}));
row('  for comparison: bare react-pdf, same text and font (whole process)', `${bare.toFixed(0)} ms`);

// 2. Warm: every variant rendered again and again in one process (after one warm-up round).
process.env.NODE_ENV = 'production';
const lib = await import(path.join(root, 'dist/index.js'));
const content = lib.validateContent(lib.loadContent(path.join(root, 'content')), lib.templateIds);
const planned = lib.planVariants(content, {}, lib.templateIds);
const b = content.brand;
const jobs = planned.map(({ key }) => {
  const model = lib.resolveVariant(content, key).model;
  return { model, brand: lib.resolveBrand(content, model), template: key.template };
});
const renderer = await lib.createRenderer({ threads: 1, pooled: false });
const warm = [];
for (let round = 0; round <= runs; round++) {
  for (const j of jobs) {
    const { ms } = await renderer.render({ template: j.template, model: j.model, brand: j.brand, font: b.font });
    if (round > 0) warm.push(ms);
  }
}
row('warm render per variant (one thread, median)', `${median(warm).toFixed(1)} ms`);

// 3. The whole matrix, with one thread and with the default (one per core).
// Each into a fresh folder (so index thumbnails are made too), median of three runs.
const medianRun = (jobs, env = () => process.env) => {
  const results = Array.from({ length: Math.min(runs, 3) }, () => matrix(path.join(root, 'content'), jobs, env())).sort((a, b) => a.ms - b.ms);
  return results[Math.floor(results.length / 2)];
};
const firstMatrix = medianRun(0, emptyCache);
const one = medianRun(1);
const all = medianRun(0);
const forced = medianRun(availableParallelism());
const n = all.report.variants.length;
const perVariant = (r) => `${r.ms.toFixed(0)} ms (${(r.ms / n).toFixed(1)} ms per variant)`;
row(`full matrix, ${n} variants, --jobs 1`, perVariant(one));
row(`full matrix, ${n} variants, --jobs ${availableParallelism()}`, perVariant(forced));
row(`full matrix, ${n} variants, default jobs`, perVariant(all));
row(`  the same, first build on this machine (empty shaping cache)`, perVariant(firstMatrix));
// The same with the thumbnails already there (same PDFs, --force): the PDFs alone.
const forcedRuns = Array.from({ length: Math.min(runs, 3) }, () => run(['build', '--out', all.out, '--force'])).sort((a, b) => a.ms - b.ms);
const pdfsOnly = forcedRuns[Math.floor(forcedRuns.length / 2)];
row(`  the same, thumbnails already there (--force)`, perVariant(pdfsOnly));

// 4. A second build with nothing changed: replayed from the record of the last build.
const again = median(Array.from({ length: runs }, () => run(['build', '--out', all.out]).ms));
row('no-change rebuild (whole process, median)', `${again.toFixed(0)} ms`);
// 4b. The same after a comment was added to a content file: not a replay, so the content is
// loaded, validated and resolved, and each variant's input hash finds nothing to render.
const touched = scratch();
cpSync(path.join(root, 'content'), touched, { recursive: true });
cpSync(all.out, path.join(touched, 'out'), { recursive: true });
const checked = median(Array.from({ length: runs }, (_, i) => {
  writeFileSync(path.join(touched, 'brand.yaml'), `${readFileSync(path.join(touched, 'brand.yaml'), 'utf8')}# touched ${i}\n`);
  return run(['build', '--content', touched, '--out', path.join(touched, 'out')]).ms;
}));
row('  the same after touching a content file (every variant checked)', `${checked.toFixed(0)} ms`);

// 5. Memory and size (and what the shaping cache holds after all this).
const cacheFiles = readdirSync(process.env.INFOBLATT_CACHE_DIR).filter((f) => f.startsWith('shaping-'));
const cacheBytes = cacheFiles.reduce((sum, f) => sum + statSync(path.join(process.env.INFOBLATT_CACHE_DIR, f)).size, 0);
row('shaping cache after the full matrix', `${all.report.shaping.reused} runs reused, ${all.report.shaping.shaped} shaped; ${(cacheBytes / 1024).toFixed(0)} KiB`);
row('peak heap of a render thread / process max RSS', `${all.report.memory.peakRenderHeapMB} MB / ${all.report.memory.maxRssMB} MB`);
const largest = all.report.variants.reduce((a, v) => (v.bytes > a.bytes ? v : a));
row('largest PDF', `${(largest.bytes / 1024).toFixed(1)} KiB (${largest.file})`);
const hamburg = all.report.variants.find((v) => v.region === 'hamburg' && v.locale === 'de' && v.template === 'infoblatt');
row('Hamburg German info sheet (A4)', `${(hamburg.bytes / 1024).toFixed(1)} KiB`);

// 6. Optional: a synthetic matrix, to show memory per thread staying flat as it grows.
if (synthetic > 0) {
  for (const size of [100, synthetic]) {
    const dir = scratch();
    cpSync(path.join(root, 'content'), dir, { recursive: true });
    const template = readFileSync(path.join(dir, 'regions/kiel.yaml'), 'utf8');
    for (const f of readdirSync(path.join(dir, 'regions'))) rmSync(path.join(dir, 'regions', f));
    // Each region gets every language × template of the sheet (9 today).
    const perRegion = n / readdirSync(path.join(root, 'content/regions')).filter((f) => f.endsWith('.yaml')).length;
    const regions = Math.ceil(size / perRegion);
    for (let i = 1; i <= regions; i++) {
      writeFileSync(path.join(dir, `regions/ort-${i}.yaml`), template.replace('name: Kiel-Neumünster', `name: Testort ${i}`).replace('IG Metall Kiel-Neumünster', `IG Metall Testort ${i}`));
    }
    const big = matrix(dir, 0);
    const count = big.report.variants.length;
    row(`synthetic matrix, ${count} variants, default jobs`, `${big.ms.toFixed(0)} ms (${(big.ms / count).toFixed(1)} ms per variant), peak render heap ${big.report.memory.peakRenderHeapMB} MB, max RSS ${big.report.memory.maxRssMB} MB`);
  }
}

// 7. The preview as a regional office sees it: a region file saved → its new text drawn in the
// PDF in the browser (Debian's chromium, driven by playwright-core; skipped without it).
if (existsSync(CHROMIUM)) {
  row('preview: save of a region file → new text on screen (median)', await previewLatency());
} else {
  row('preview: save of a region file → new text on screen', `not measured: ${CHROMIUM} not found`);
}

async function previewLatency() {
  const dir = scratch();
  cpSync(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
  const regionFile = path.join(dir, 'content/regions/muenchen.yaml');
  const original = readFileSync(regionFile, 'utf8');
  const preview = await startPreview(dir, ['--region', 'muenchen']);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    await page.goto(preview.url);
    await page.waitForSelector('#viewer .textLayer', { timeout: 60_000 });
    const times = [];
    for (let i = 0; i < runs; i++) {
      // The street line, whatever it says now: a save that changes nothing would never show.
      const street = `Messstraße ${i + 1}`;
      const t = performance.now();
      writeFileSync(regionFile, original.replace(/^(\s+street: ).*$/m, `$1${street}`));
      await page.waitForFunction((s) => [...document.querySelectorAll('#viewer .textLayer')].some((l) => l.textContent?.includes(s)), street, { timeout: 60_000, polling: 10 });
      times.push(performance.now() - t);
    }
    return `${median(times).toFixed(0)} ms (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms over ${times.length} saves)`;
  } finally {
    await browser.close();
    await preview.stop();
  }
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`infoblatt bench on ${availableParallelism()} cores, node ${process.version}, ${runs} runs per median`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
await renderer.close();
