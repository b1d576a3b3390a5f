import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import inflate, { installFastInflate, tinyInflateFile } from '../src/fast-inflate.js';
import { runCliAsync, tempDir, type CliRun } from './helpers/cli.js';

/**
 * src/fast-inflate.ts stands in for tiny-inflate. Every table fontkit, unicode-properties,
 * linebreak and textkit decompress as they load is recorded here on its way through the real
 * tiny-inflate, then decoded by both: the bytes must be the same.
 */

const require = createRequire(import.meta.url);
const file = tinyInflateFile()!;

describe('fast inflate', () => {
  it('decodes every Unicode table of fontkit, textkit and the line breaker as tiny-inflate does', async () => {
    const original = require(file) as (source: Uint8Array, dest: Uint8Array) => Uint8Array;
    const seen: Array<{ source: Uint8Array; length: number }> = [];
    require.cache[file]!.exports = (source: Uint8Array, dest: Uint8Array) => {
      seen.push({ source: Uint8Array.from(source), length: dest.length });
      return original(source, dest);
    };
    // Loaded for the first time in this test file's process, so each table passes the recorder.
    await Promise.all(['fontkit', 'unicode-properties', 'linebreak', '@react-pdf/textkit', 'pdfkit'].map((name) => import(name)));
    // Five tables (14–98 KB), each decompressed twice by unicode-trie.
    expect(seen.length).toBeGreaterThanOrEqual(10);
    for (const { source, length } of seen) {
      const expected = original(source, new Uint8Array(length));
      const actual = inflate(source, new Uint8Array(length));
      expect(actual.length).toBe(expected.length);
      expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
    }
    // The second pass of a table fills its array exactly: that array itself is returned.
    const exact = seen.find(({ source, length }) => original(source, new Uint8Array(length)).length === length)!;
    const dest = new Uint8Array(exact.length);
    expect(inflate(exact.source, dest)).toBe(dest);
  });

  it('refuses to stand in once tiny-inflate has loaded (an entry point that loads fontkit first)', () => {
    require(file);
    expect(() => installFastInflate()).toThrow('tiny-inflate was loaded before installFastInflate() ran');
  });

  it('is in place in the command line and its render threads before their tables load', async () => {
    // A preloaded probe notes, per thread, each CommonJS file Node compiles: unicode-trie (the
    // tables were decoded there) and never tiny-inflate's own file.
    const probe = path.join(tempDir(), 'probe.cjs');
    writeFileSync(probe, `const { Module } = require('node:module');
const { threadId } = require('node:worker_threads');
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  if (/[\\\\/](unicode-trie|tiny-inflate)[\\\\/]index\\.js$/.test(filename)) process.stderr.write('probe: ' + threadId + ' ' + filename.split(/[\\\\/]/).at(-2) + '\\n');
  return compile.call(this, content, filename);
};
`);
    const env = { NODE_OPTIONS: `--require ${probe}` };
    // Rendered in the main thread (a small build), and in two render threads.
    const [main, threads] = await Promise.all([
      runCliAsync(['build', '--region', 'kiel', '--locale', 'de', '--template', 'infoblatt', '--out', tempDir()], { env }),
      runCliAsync(['build', '--region', 'kiel', '--locale', 'de', '--template', 'infoblatt,flyer', '--jobs', '2', '--out', tempDir()], { env }),
    ]);
    const loads = (r: CliRun) => {
      expect(r.status, r.stderr).toBe(0);
      return r.stderr.split('\n').filter((l) => l.startsWith('probe: ')).map((l) => l.slice('probe: '.length));
    };
    // Each thread that rendered decoded its tables, and none of them with tiny-inflate.
    expect(loads(main)).toEqual(['0 unicode-trie']);
    expect(loads(threads).sort()).toEqual(['1 unicode-trie', '2 unicode-trie']);
  });
});
