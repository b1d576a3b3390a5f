import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIntact, outputPath, readManifest, removeStaleTemporaries, writeAtomic, writeManifest, writePdf } from '../../src/pipeline/write.js';
import { tempDir } from '../helpers/cli.js';

const key = { sheet: 's', region: 'r', locale: 'de', template: 't' };

describe('write', () => {
  it('uses the documented output path', () => {
    expect(outputPath({ sheet: 'zoom-datenschutz', region: 'hamburg', locale: 'de', template: 'infoblatt' })).toBe(
      'zoom-datenschutz/hamburg/zoom-datenschutz-hamburg-de-infoblatt.pdf',
    );
  });

  it('writes through a temporary file and leaves none behind', () => {
    const dir = tempDir();
    const entry = writePdf(dir, key, Buffer.from('%PDF-1.3 test'), 1, 'h');
    expect(entry).toMatchObject({ file: 's/r/s-r-de-t.pdf', pages: 1, bytes: 13 });
    expect(entry.sha256).toBe(createHash('sha256').update('%PDF-1.3 test').digest('hex'));
    expect(readFileSync(path.join(dir, entry.file), 'utf8')).toBe('%PDF-1.3 test');
    expect(readdirSync(path.join(dir, 's/r'))).toEqual(['s-r-de-t.pdf']);
  });

  it('knows a written file by its bytes, not only its size', () => {
    const dir = tempDir();
    const entry = writePdf(dir, key, Buffer.from('%PDF-1.3 test'), 1, 'h');
    expect(isIntact(dir, entry)).toBe(true);
    writeFileSync(path.join(dir, entry.file), '%PDF-1.3 TEST'); // same size, other bytes
    expect(isIntact(dir, entry)).toBe(false);
    rmSync(path.join(dir, entry.file));
    expect(isIntact(dir, entry)).toBe(false);
  });

  it('replaces a file by renaming a complete new one over it, never by writing into it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.pdf');
    writeFileSync(file, 'old');
    const before = statSync(file).ino;
    const reader = openSync(file, 'r');
    writeAtomic(file, 'new and longer');
    expect(statSync(file).ino).not.toBe(before);
    // A reader that opened the old file (a web server sending it) still gets it whole.
    expect(readFileSync(reader, 'utf8')).toBe('old');
    closeSync(reader);
    expect(readFileSync(file, 'utf8')).toBe('new and longer');
  });

  it('removes its temporary file when the rename fails', () => {
    const dir = tempDir();
    // A folder in the target's place: the temporary file is written, its rename fails.
    mkdirSync(path.join(dir, 'b.pdf'));
    writeFileSync(path.join(dir, 'b.pdf', 'keep'), 'x');
    expect(() => writeAtomic(path.join(dir, 'b.pdf'), 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['b.pdf']);
  });

  it('removes the temporary files of a process that died, and only those', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const orphan = path.join(dir, `.a.pdf.${dead}.abc123.tmp`);
    const running = path.join(dir, `.b.pdf.${process.pid}.def456.tmp`);
    writeFileSync(orphan, 'half');
    writeFileSync(running, 'in progress');
    removeStaleTemporaries(dir);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });

  it('keeps the old file when writing fails', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.pdf');
    writeFileSync(file, 'old');
    // A directory where the temporary file's rename target is cannot be replaced by a file.
    expect(() => writeAtomic(path.join(dir, 'a.pdf', 'x'), 'new')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('merges the manifest: new entries replace old ones, entries of vanished files are dropped', () => {
    const dir = tempDir();
    const a = writePdf(dir, key, Buffer.from('a'), 1, 'h');
    const b = writePdf(dir, { ...key, region: 'q' }, Buffer.from('b'), 2, 'h');
    writeManifest(dir, [a, b]);
    const a2 = writePdf(dir, key, Buffer.from('aa'), 3, 'h');
    writeManifest(dir, [a2]);
    expect(readManifest(dir).variants.map((e) => [e.region, e.pages])).toEqual([['q', 2], ['r', 3]]);
    rmSync(path.join(dir, b.file));
    writeManifest(dir, [a2]);
    expect(readManifest(dir).variants.map((e) => e.region)).toEqual(['r']);
    expect(existsSync(path.join(dir, 'manifest.json'))).toBe(true);
  });

  it('reads only entries of its own shape from a manifest edited by hand, and none that names a file outside out/', () => {
    const dir = tempDir();
    const a = writePdf(dir, key, Buffer.from('a'), 1, 'h');
    const outside = { ...a, region: 'x', file: '../../etc/passwd' };
    const badExtra = { ...a, region: 'y', print: { file: '/tmp/x.pdf', pages: 1, bytes: 1, sha256: 'z' } };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ content: 'c', variants: [null, { sheet: 'x' }, a, outside, badExtra, { ...a, pages: 'two' }] }));
    // {"sheet": "x"} and null crashed build and check.
    expect(readManifest(dir)).toEqual({ content: 'c', variants: [a] });
    // Not a manifest of ours at all: read as empty, and said to be so (the build warns).
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ variants: 'none' }));
    expect(readManifest(dir)).toEqual({ variants: [], unreadable: true });
  });
});
