import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

/**
 * Shaped text kept between runs (src/shaping-store.ts): a later process takes its runs from the
 * file instead of from fontkit, in this thread and in render threads, and the PDFs do not change
 * by a byte. Kiel's info sheet and flyer in all three languages: German, English and Turkish
 * text (dotted and dotless i, ligatures, hyphenated words sliced into two runs).
 */

interface Report {
  variants: Array<{ file: string; status: string }>;
  shaping: { reused: number; shaped: number };
}

const select = ['--region', 'kiel', '--template', 'infoblatt,flyer'];

function build(cache: string, extra: string[] = []): { out: string; report: Report } {
  const out = tempDir();
  const r = runCli(['build', ...select, '--out', out, '--json', ...extra], { env: { INFOBLATT_CACHE_DIR: cache } });
  expect(r.stderr).not.toContain('internal error');
  expect(r.status).toBe(0);
  return { out, report: JSON.parse(r.stdout) as Report };
}

function pdfs(out: string, report: Report): Map<string, Buffer> {
  expect(report.variants.map((v) => v.status)).toEqual(Array(6).fill('built'));
  return new Map(report.variants.map((v) => [v.file, readFileSync(path.join(out, v.file))]));
}

const cacheFile = (dir: string) => path.join(dir, readdirSync(dir).find((f) => /^shaping-[0-9a-f]+\.json$/.test(f))!);

describe('the shaping cache between runs', () => {
  const cache = tempDir();
  const first = build(cache);
  // The second run renders in two threads: their runs come back to this one through the replies.
  const second = build(cache, ['--jobs', '2']);
  const without = build('off');

  it('a first run shapes its text and keeps it; the next one shapes nothing', () => {
    expect(first.report.shaping.reused).toBe(0);
    expect(first.report.shaping.shaped).toBeGreaterThan(50);
    const kept = JSON.parse(readFileSync(cacheFile(cache), 'utf8')) as { fonts: Record<string, Record<string, unknown>> };
    const runs = Object.values(kept.fonts).reduce((n, byKey) => n + Object.keys(byKey).length, 0);
    expect(runs).toBe(first.report.shaping.shaped);
    expect(second.report.shaping.shaped).toBe(0);
    // Each of the two threads takes the runs it needs: at least all of them, some twice.
    expect(second.report.shaping.reused).toBeGreaterThanOrEqual(first.report.shaping.shaped);
  });

  it('gives the same bytes as shaping everything anew', () => {
    expect(without.report.shaping).toEqual({ reused: 0, shaped: first.report.shaping.shaped });
    const plain = pdfs(without.out, without.report);
    for (const run of [first, second]) {
      for (const [file, bytes] of pdfs(run.out, run.report)) expect([file, bytes.equals(plain.get(file)!)]).toEqual([file, true]);
    }
  });

  it('shapes anew, and writes the file again, when it cannot be read', () => {
    const dir = tempDir();
    build(dir, ['--locale', 'tr', '--template', 'infoblatt']);
    writeFileSync(cacheFile(dir), '{"format": 1, "fonts": {');
    const again = build(dir, ['--locale', 'tr', '--template', 'infoblatt']);
    expect(again.report.shaping.reused).toBe(0);
    expect(again.report.shaping.shaped).toBeGreaterThan(10);
    expect(JSON.parse(readFileSync(cacheFile(dir), 'utf8')).format).toBe(1);
  });

  it('builds as usual when the cache folder cannot be written', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a-file'), '');
    const { out, report } = build(path.join(dir, 'a-file', 'cache'));
    expect(report.shaping.reused).toBe(0);
    const plain = pdfs(without.out, without.report);
    for (const [file, bytes] of pdfs(out, report)) expect([file, bytes.equals(plain.get(file)!)]).toEqual([file, true]);
  });
});
