// Measures what the README promises about speed, on the current content (never a timed test):
//   cold: one variant as a whole process; warm: per-variant render in one process (median);
//   matrix: the whole build; peak memory; the largest PDF.
// Usage: npm run bench [-- --runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const bin = path.join(root, 'bin/infoblatt.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const scratch = () => mkdtempSync(path.join(tmpdir(), 'infoblatt-bench-'));

function timeProcess(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`infoblatt ${args.join(' ')} failed:\n${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const cold = median(Array.from({ length: runs }, () => timeProcess(['build', '--region', 'hamburg', '--locale', 'de', '--out', scratch()])));

const out = scratch();
const matrix = median(Array.from({ length: Math.min(runs, 3) }, () => timeProcess(['build', '--out', out])));
const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));

// Warm: the library in this process, rendering every variant several times.
process.env.NODE_ENV = 'production';
const lib = await import(path.join(root, 'dist/index.js'));
const content = lib.validateContent(lib.loadContent(path.join(root, 'content')), [...lib.templates.keys()]);
const planned = lib.planVariants(content, {}, [...lib.templates.keys()]);
const warm = [];
for (let i = 0; i < runs + 1; i++) {
  for (const { key } of planned) {
    const { model } = lib.resolveVariant(content, key);
    const b = content.brand;
    const brand = { organisation: b.data.organisation, colors: b.data.colors, font: b.font.family, logo: b.logo, footer: typeof b.data.footer === 'string' ? b.data.footer : b.data.footer[key.locale] };
    const t = performance.now();
    await lib.renderPdf(lib.templates.get(key.template), model, brand, b.font);
    if (i > 0) warm.push(performance.now() - t); // the first round warms caches and the JIT
  }
}

const largest = manifest.variants.reduce((a, v) => (v.bytes > a.bytes ? v : a));
const rows = [
  ['cold build, one variant (whole process)', `${cold.toFixed(0)} ms`],
  ['warm render per variant (median)', `${median(warm).toFixed(1)} ms`],
  [`full matrix, ${manifest.variants.length} variant(s) (whole process)`, `${matrix.toFixed(0)} ms`],
  ['peak memory of the warm loop (max RSS)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`],
  ['largest PDF', `${(largest.bytes / 1024).toFixed(1)} KiB (${largest.file})`],
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
