import { existsSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readShapedRuns, saveShapedRuns, ShapingKeeper, shapingCacheDir, type PackedRun, type ShapedRuns } from '../src/shaping-store.js';

/**
 * The file of shaped runs kept between processes. That fontkit's runs come back from it exactly
 * (same PDF bytes, threads or not) is checked end to end in tests/e2e/shaping-cache.test.ts.
 */

const run = (id: number): PackedRun => [[id, id + 1], [500, 480], 0, 0];

function useCacheDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'infoblatt-shaping-'));
  vi.stubEnv('INFOBLATT_CACHE_DIR', dir);
  return dir;
}

const files = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('shaping-'));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('where the cache lives', () => {
  it('is INFOBLATT_CACHE_DIR, else under XDG_CACHE_HOME, else ~/.cache; "off" is none', () => {
    vi.stubEnv('INFOBLATT_CACHE_DIR', '/somewhere/else');
    expect(shapingCacheDir()).toBe('/somewhere/else');
    vi.stubEnv('INFOBLATT_CACHE_DIR', '');
    vi.stubEnv('XDG_CACHE_HOME', '/xdg');
    expect(shapingCacheDir()).toBe('/xdg/infoblatt');
    vi.stubEnv('XDG_CACHE_HOME', '');
    expect(shapingCacheDir()).toMatch(/\.cache\/infoblatt$/);
    vi.stubEnv('INFOBLATT_CACHE_DIR', 'off');
    expect(shapingCacheDir()).toBeUndefined();
    saveShapedRuns({ font: { k: run(1) } });
    expect(readShapedRuns()).toEqual({});
  });
});

describe('the file', () => {
  it('keeps what a build used, merged with what was there, in one file per tool build', () => {
    const dir = useCacheDir();
    saveShapedRuns({ a: { one: run(1) } });
    saveShapedRuns({ a: { two: run(2) }, b: { three: run(3) } });
    expect(readShapedRuns()).toEqual({ a: { one: run(1), two: run(2) }, b: { three: run(3) } });
    expect(files(dir)).toHaveLength(1);
    expect(files(dir)[0]).toMatch(/^shaping-[0-9a-f]{16}\.json$/);
  });

  it('lets the runs no recent build used go first when it is full', () => {
    useCacheDir();
    const many: ShapedRuns = { a: {} };
    for (let i = 0; i < 5000; i++) many.a![`old ${i}`] = run(i);
    saveShapedRuns(many);
    // "old 0" used again by a later build: it moves to the end and stays.
    saveShapedRuns({ a: { 'old 0': run(0), fresh: run(9) }, b: { other: run(7) } });
    const kept = readShapedRuns();
    const keys = Object.keys(kept.a!);
    expect(keys.length + Object.keys(kept.b!).length).toBe(5000);
    expect(keys).toContain('old 0');
    expect(keys).toContain('fresh');
    expect(keys).not.toContain('old 1');
    expect(keys).not.toContain('old 2');
    expect(keys).toContain('old 3');
  });

  it('counts as empty when it is unreadable or of another format, and is then written anew', () => {
    const dir = useCacheDir();
    saveShapedRuns({ a: { one: run(1) } });
    const file = path.join(dir, files(dir)[0]!);
    writeFileSync(file, '{"format": 1, "fonts": {"a": {"one": [[1');
    expect(readShapedRuns()).toEqual({});
    writeFileSync(file, JSON.stringify({ format: 0, fonts: { a: { one: run(1) } } }));
    expect(readShapedRuns()).toEqual({});
    saveShapedRuns({ a: { two: run(2) } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ format: 1, fonts: { a: { two: run(2) } } });
  });

  it('keeps the files of two other tool builds, the latest ones', () => {
    const dir = useCacheDir();
    const old = ['shaping-aaaaaaaaaaaaaaaa.json', 'shaping-bbbbbbbbbbbbbbbb.json', 'shaping-cccccccccccccccc.json'];
    old.forEach((name, i) => {
      writeFileSync(path.join(dir, name), '{}');
      utimesSync(path.join(dir, name), 1_000_000 + i, 1_000_000 + i);
    });
    writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    saveShapedRuns({ a: { one: run(1) } });
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'shaping-bbbbbbbbbbbbbbbb.json', 'shaping-cccccccccccccccc.json', files(dir).find((f) => !old.includes(f))!].sort());
  });

  it('costs nothing but the head start when the folder cannot be written', () => {
    const dir = useCacheDir();
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, '');
    vi.stubEnv('INFOBLATT_CACHE_DIR', path.join(blocker, 'cache'));
    expect(() => saveShapedRuns({ a: { one: run(1) } })).not.toThrow();
    expect(readShapedRuns()).toEqual({});
  });
});

describe('ShapingKeeper', () => {
  it('writes at save only when something was shaped, and counts both kinds', () => {
    const dir = useCacheDir();
    const keeper = new ShapingKeeper();
    keeper.add({ runs: { a: { one: run(1) } }, usage: { reused: 1, shaped: 0 } });
    keeper.save();
    expect(files(dir)).toEqual([]);
    keeper.add({ runs: { a: { two: run(2) } }, usage: { reused: 0, shaped: 1 } });
    keeper.save();
    expect(readShapedRuns()).toEqual({ a: { one: run(1), two: run(2) } });
    expect(keeper.usage).toEqual({ reused: 1, shaped: 1 });
  });

  it('in a long-lived renderer, writes a moment after the last new run', async () => {
    const dir = useCacheDir();
    const keeper = new ShapingKeeper(20);
    keeper.add({ runs: { a: { one: run(1) } }, usage: { reused: 0, shaped: 1 } });
    expect(files(dir)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(path.join(dir, files(dir)[0] ?? 'none'))).toBe(true);
    expect(readShapedRuns()).toEqual({ a: { one: run(1) } });
  });
});
