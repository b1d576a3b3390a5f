import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIntact, outputPath, readManifest, writeAtomic, writeManifest, writePdf } from '../../src/pipeline/write.js';
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
});
