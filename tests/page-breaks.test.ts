import { describe, expect, it } from 'vitest';
import { keepWordsOnOnePage } from '../src/page-breaks.js';

const paragraph = (...ends: string[]) => ({ lines: ends.map((end, i) => ({ string: `Zeile ${i + 1} endet mit ${end}` })) });

describe('keepWordsOnOnePage', () => {
  it('keeps react-pdf’s break when the last line on the page ends a word', () => {
    expect(keepWordsOnOnePage(paragraph('Wort', 'Wort', 'Wort', 'Wort', 'Wort'), 3)).toBe(3);
  });

  it('moves the break up a line when the page would end in a hyphen, past several if need be', () => {
    expect(keepWordsOnOnePage(paragraph('Wort', 'Wort', 'Wort', 'Da-', 'Wort', 'Wort'), 4)).toBe(3);
    expect(keepWordsOnOnePage(paragraph('Wort', 'Wort', 'Da-', 'Da-', 'Wort', 'Wort'), 4)).toBe(2);
  });

  it('moves the whole paragraph on rather than leave fewer than its orphans on the page', () => {
    expect(keepWordsOnOnePage(paragraph('katılımcı-', 'iş-', 'Wort', 'Wort'), 2)).toBe(0);
    expect(keepWordsOnOnePage({ ...paragraph('Wort', 'Wort', 'Da-', 'Wort'), props: { orphans: 3 } }, 3)).toBe(0);
  });

  it('leaves "nothing fits" and "all fits" alone', () => {
    expect(keepWordsOnOnePage(paragraph('Da-', 'Wort'), 0)).toBe(0);
    expect(keepWordsOnOnePage(paragraph('Wort', 'Da-'), 2)).toBe(2);
  });
});
