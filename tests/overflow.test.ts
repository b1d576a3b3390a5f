import { describe, expect, it } from 'vitest';
import { linesTooWide } from '../src/overflow.js';

/** Which laid-out lines run past their box. End to end (from the build): tests/e2e/overflow.test.ts. */

const line = (string: string, advances: number[]) => ({
  string,
  xAdvance: advances.reduce((a, b) => a + b, 0),
  runs: [{ positions: advances.map((xAdvance) => ({ xAdvance })) }],
});

describe('linesTooWide', () => {
  it('finds a line wider than its box, and only that one', () => {
    const lines = [[line('short ', [10, 10, 10, 10, 10, 3]), line('unbreakable', Array(11).fill(10))]];
    expect(linesTooWide(lines, 100)).toEqual(['unbreakable']);
  });

  it('does not count spaces at the end of a line, nor rounding within half a point', () => {
    expect(linesTooWide([[line('ab  ', [50, 50, 4, 4])]], 100)).toEqual([]);
    expect(linesTooWide([[line('ab', [50, 50.4])]], 100)).toEqual([]);
    expect(linesTooWide([[line('ab', [50, 50.6])]], 100)).toEqual(['ab']);
  });

  it('has nothing to say about a box without a width', () => {
    expect(linesTooWide([[line('ab', [500, 500])]], Infinity)).toEqual([]);
    expect(linesTooWide([[line('ab', [500, 500])]], undefined)).toEqual([]);
  });
});
