import { describe, expect, it } from 'vitest';
import { isSystemError, mergeFindings, outputErrorOf, withVariant, type Finding } from '../src/findings.js';

const at = { severity: 'error' as const, file: 'content/regions/kiel.yaml', line: 6, column: 11, yamlPath: 'contact.street', hint: 'Shorten it.' };
const wide = (sheet: string, region: string, locale: string, template: string): Finding => {
  const key = { sheet, region, locale, template };
  return withVariant({ ...at, message: '"Donaudampfschifffahrtsgesellschaftsstraße" is wider than its line' }, key);
};

describe('mergeFindings', () => {
  it('reports one finding for a layout rule broken in several variants at one place, naming them', () => {
    const merged = mergeFindings([wide('s', 'kiel', 'de', 'flyer'), wide('s', 'hamburg', 'de', 'flyer')]);
    expect(merged.map((f) => f.message)).toEqual(['s · de · flyer, in 2 regions (hamburg, kiel): "Donaudampfschifffahrtsgesellschaftsstraße" is wider than its line']);
    expect(merged[0]).not.toHaveProperty('variant');
  });

  it('names each field’s values when every combination is there, else each variant', () => {
    const crossed = ['de', 'en'].flatMap((l) => ['flyer', 'aushang'].map((t) => wide('s', 'kiel', l, t)));
    expect(mergeFindings(crossed)[0]!.message).toMatch(/^s · kiel, in 4 variants \(languages de, en; templates aushang, flyer\): /);
    const some = [wide('s', 'kiel', 'de', 'flyer'), wide('s', 'kiel', 'en', 'aushang')];
    expect(mergeFindings(some)[0]!.message).toMatch(/^s · kiel, in 2 variants \(de · flyer, en · aushang\): /);
  });

  it('keeps findings apart that differ in place or text, and drops exact repeats', () => {
    const other = { ...wide('s', 'hamburg', 'de', 'flyer'), line: 7 };
    expect(mergeFindings([wide('s', 'kiel', 'de', 'flyer'), other])).toHaveLength(2);
    const plain: Finding = { ...at, message: 'unknown field "fax"' };
    expect(mergeFindings([plain, { ...plain }])).toEqual([plain]);
  });
});

describe('outputErrorOf', () => {
  it('says a refused write in words, with what to do, and leaves other errors alone', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(outputErrorOf('out/a.pdf', full)?.message).toBe('cannot write out/a.pdf: the disk is full (ENOSPC). Free some space, or write elsewhere (--out for the PDFs).');
    expect(outputErrorOf('out', Object.assign(new Error('x'), { code: 'EROFS' }))?.message).toContain('the file system is read-only (EROFS). Make the folder writable');
    expect(outputErrorOf('out', new TypeError('not a write failure'))).toBeUndefined();
    expect(outputErrorOf('out', Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBeUndefined();
  });
});

describe('isSystemError', () => {
  it('takes what the system reports about a file for one, and Node\'s complaints about our own arguments for a bug', async () => {
    const { readFileSync } = await import('node:fs');
    const missing = (() => { try { readFileSync('/nonexistent/infoblatt'); } catch (e) { return e; } })();
    const wrongArgument = (() => { try { readFileSync(42 as unknown as string, { encoding: 'nonsense' as BufferEncoding }); } catch (e) { return e; } })();
    expect(isSystemError(missing)).toBe(true);
    expect((wrongArgument as NodeJS.ErrnoException).code).toMatch(/^ERR_/);
    expect(isSystemError(wrongArgument)).toBe(false);
    expect(isSystemError(new Error('plain'))).toBe(false);
  });
});
