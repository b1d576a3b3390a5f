import { describe, expect, it } from 'vitest';
import { keepWordsOnOnePage, presenceEnd } from '../src/page-breaks.js';

const paragraph = (...ends: string[]) => ({ lines: ends.map((end, i) => ({ string: `Zeile ${i + 1} endet mit ${end}` })) });

describe('keepWordsOnOnePage', () => {
  it('keeps react-pdf’s break when the last line on the page ends a word', () => {
    expect(keepWordsOnOnePage(paragraph('Wort', 'Wort', 'Wort', 'Wort', 'Wort'), 3)).toBe(3);
  });

  it('moves the break up a line, or two, to a line that ends a word', () => {
    expect(keepWordsOnOnePage(paragraph('Wort', 'Wort', 'Wort', 'Da-', 'Wort', 'Wort'), 4)).toBe(3);
    expect(keepWordsOnOnePage(paragraph('Wort', 'Wort', 'Da-', 'Da-', 'Wort', 'Wort'), 4)).toBe(2);
  });

  it('keeps the hyphen rather than end the page more than two lines short', () => {
    expect(keepWordsOnOnePage(paragraph('Wort', 'Wort', 'Da-', 'Da-', 'Da-', 'Wort', 'Wort'), 5)).toBe(5);
  });

  it('moves a paragraph with only a few lines on the page on whole, rather than leave fewer than its orphans', () => {
    expect(keepWordsOnOnePage(paragraph('katılımcı-', 'iş-', 'Wort', 'Wort'), 2)).toBe(0);
    expect(keepWordsOnOnePage({ ...paragraph('Wort', 'Wort', 'Da-', 'Wort', 'Wort'), props: { orphans: 3 } }, 3)).toBe(0);
  });

  it('leaves "nothing fits" and "all fits" alone', () => {
    expect(keepWordsOnOnePage(paragraph('Da-', 'Wort'), 0)).toBe(0);
    expect(keepWordsOnOnePage(paragraph('Wort', 'Da-'), 2)).toBe(2);
  });
});

describe('presenceEnd', () => {
  it('holds only nodes that ask for room after them (headings) to their presence', () => {
    expect(presenceEnd({ props: { minPresenceAhead: 60 } }, 812)).toBe(812);
    expect(presenceEnd({ props: {} }, 812)).toBe(Number.NEGATIVE_INFINITY);
    expect(presenceEnd({}, 812)).toBe(Number.NEGATIVE_INFINITY);
  });
});
