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
    // A lead-in of five lines is not moved for its list: a page that many lines short costs more.
    const lines = (n: number) => Array.from({ length: n }, () => ({ string: 'a ', box: { height: 12 } }));
    expect(presenceEnd({ props: { minPresenceAhead: 60 }, lines: lines(4) }, 812)).toBe(812);
    expect(presenceEnd({ props: { minPresenceAhead: 60 }, lines: lines(5) }, 812)).toBe(Number.NEGATIVE_INFINITY);
  });

  describe('asks a heading for the start of what follows, as the page break will keep it', () => {
    const heading = { props: { minPresenceAhead: 60 } };
    const line = (text: string) => ({ string: text, box: { height: 12 } });
    const paragraph = (...texts: string[]) => ({ props: { orphans: 2, widows: 2 }, box: { top: 100 }, lines: texts.map(line) });
    it('two lines of a long paragraph, or more where they end in a divided word', () => {
      expect(presenceEnd(heading, 160, [paragraph('a ', 'b ', 'c ', 'd ', 'e')])).toBe(124);
      expect(presenceEnd(heading, 160, [paragraph('a ', 'Daten-', 'c ', 'd ', 'e')])).toBe(136);
    });
    it('all of a paragraph too short to divide, and never more than the heading asks', () => {
      expect(presenceEnd(heading, 160, [paragraph('a ', 'b')])).toBe(124);
      expect(presenceEnd(heading, 160, [paragraph('a ', 'b ', 'c')])).toBe(136);
      expect(presenceEnd(heading, 110, [paragraph('a ', 'b ', 'c')])).toBe(110);
    });
    it('and a lead-in’s own request after it: the start of its list, else the lead-in moves on and leaves the heading alone', () => {
      const leadIn = { props: { orphans: 2, widows: 2, minPresenceAhead: 60 }, box: { top: 100, height: 24, marginBottom: 4 }, lines: [line('So geht ihr '), line('vor:')] };
      const list = { box: { top: 128 }, children: [{ props: { wrap: false }, box: { top: 0, height: 30 }, children: [] }] };
      // The heading's own limit (110) is passed: it needs the lead-in and the list's first item.
      expect(presenceEnd(heading, 110, [leadIn, list])).toBe(158);
      // Never more than the lead-in itself asks for (its end plus its minPresenceAhead: 188).
      expect(presenceEnd(heading, 110, [leadIn, { ...list, children: [{ props: { wrap: false }, box: { top: 0, height: 300 }, children: [] }] }])).toBe(188);
      // A paragraph that asks for nothing: as before.
      expect(presenceEnd(heading, 160, [{ ...leadIn, props: { orphans: 2, widows: 2 } }, list])).toBe(124);
    });
    it('the first paragraph inside a box (a section body), in its parent’s coordinates, past fixed elements', () => {
      const body = { box: { top: 90 }, children: [{ props: { fixed: true }, box: { top: 0 } }, { ...paragraph('a ', 'b ', 'c ', 'd'), box: { top: 10 } }] };
      expect(presenceEnd(heading, 160, [body])).toBe(124);
      // A list item never splits: all of it.
      const list = { box: { top: 90 }, children: [{ props: { wrap: false }, box: { top: 0, height: 48 }, children: [{ box: { top: 0 }, lines: [line('•')] }] }] };
      expect(presenceEnd(heading, 160, [list])).toBe(138);
      // Unknown line heights: the heading's own request stands.
      expect(presenceEnd(heading, 160, [{ box: { top: 90 }, lines: [{ string: 'a' }] }])).toBe(160);
    });
  });
});
