import { describe, expect, it } from 'vitest';
import { glueStretch, hyphenAtBreak, hyphenPenaltyAt, hyphenWidth, lineStretch, markRagged } from '../src/line-breaks.js';

/**
 * Which breaks inside a word get react-pdf's hyphen. That react-pdf asks (the hook is in the
 * bundle) is checked from the PDF in tests/e2e/contact-box.test.ts.
 */
describe('hyphenAtBreak', () => {
  it('adds a hyphen between the syllables of a word', () => {
    expect(hyphenAtBreak('Daten', 's')).toBe(true);
    expect(hyphenAtBreak('Datenschutz', 'g')).toBe(true);
  });

  it('adds none where the word shows its own break: after "@", "/" or a hyphen, before "." or "-"', () => {
    expect(hyphenAtBreak('hamburg@', 'e')).toBe(false);
    expect(hyphenAtBreak('www.example.org/', 'm')).toBe(false);
    expect(hyphenAtBreak('Social-', 'M')).toBe(false);
    expect(hyphenAtBreak('mitgliederservice', '.')).toBe(false);
    expect(hyphenAtBreak('hamburg', '-')).toBe(false);
  });

  it('adds none after a space, where react-pdf breaks a word too wide for any line', () => {
    expect(hyphenAtBreak('27570\u00a0', 'B')).toBe(false);
    expect(hyphenAtBreak('a ', 'b')).toBe(false);
  });
});

describe('hyphenPenaltyAt', () => {
  // textkit's syllables: words split at their hyphenation points, spaces as entries of their own.
  const syllables = ['Es', ' ', 'gilt', ' ', 'die', ' ', 'Ver', 'ord', 'nung.'];
  it('makes dividing the last word of a paragraph ten times as costly, and leaves other words alone', () => {
    expect(hyphenPenaltyAt(600, syllables, 6)).toBe(6000);
    expect(hyphenPenaltyAt(600, syllables, 7)).toBe(6000);
    expect(hyphenPenaltyAt(600, ['Daten', 'schutz', ' ', 'gilt'], 0)).toBe(600);
  });
  it('divides a word with hyphens of its own at one of them rather than inside a part', () => {
    const word = ['für', ' ', 'IG-', 'Metall-', 'Be', 'schäf', 'tigten', ' ', 'eine'];
    expect(hyphenPenaltyAt(100, word, 3)).toBe(100);
    expect(hyphenPenaltyAt(100, word, 5)).toBe(3000);
    expect(hyphenPenaltyAt(100, word, 4)).toBe(3000);
    // Two spaces typed in a row are one word space: the word before is not part of this one.
    expect(hyphenPenaltyAt(100, ['Da', 'ten', 'schutz', '  ', 'IG-', 'Metall'], 0)).toBe(100);
    // A word without one, and a word that only ends in a dash-like hyphen ("Daten- und"), as usual.
    expect(hyphenPenaltyAt(100, ['für', ' ', 'Be', 'schäf', 'tigten', ' ', 'eine'], 3)).toBe(100);
    expect(hyphenPenaltyAt(100, ['Daten', 'schutz-', ' ', 'und', ' ', 'Da', 'ten', 'si', 'cher', 'heit'], 0)).toBe(100);
  });

  it('leaves a text of one word (an address) at the usual penalty', () => {
    expect(hyphenPenaltyAt(600, ['hamburg@', 'example.org'], 0)).toBe(600);
  });
  it('never breaks between a styled word and the punctuation of another style next to it', () => {
    // "This is **important**: apprentices vote" — runs "This is ", "important", ": apprentices vote".
    const runs = ['This', ' ', 'is', ' ', 'important', ':', ' ', 'apprentices', ' ', 'vote'];
    expect(hyphenPenaltyAt(100, runs, 4)).toBe(10000);
    // „**wichtig**“: nor after an opening quote of its own.
    expect(hyphenPenaltyAt(100, ['„', 'wichtig', '“', ' ', 'und'], 0)).toBe(10000);
    expect(hyphenPenaltyAt(100, ['„', 'wichtig', '“', ' ', 'und'], 1)).toBe(10000);
    // A style change inside a word is still a place to divide it.
    expect(hyphenPenaltyAt(100, ['Daten', 'schutz', ' ', 'gilt'], 0)).toBe(100);
  });
});

describe('the stretch of a ragged line', () => {
  it('is a share of the line’s width, the same for a line of few long words as for one of many short ones', () => {
    const ragged = {};
    markRagged(ragged, 'left');
    expect(glueStretch('left', 1.25)).toBe(0);
    expect(lineStretch(ragged, 350, 0)).toBeCloseTo(35);
    // A paragraph's last line keeps its infinite stretch: it may be as short as it is.
    expect(lineStretch(ragged, 350, Infinity)).toBe(Infinity);
  });

  it('leaves justified text with react-pdf’s stretch per word space', () => {
    const justified = {};
    markRagged(justified, 'justify');
    expect(glueStretch('justify', 1.25)).toBe(1.25);
    expect(lineStretch(justified, 350, 12)).toBe(12);
  });
});

describe('hyphenWidth', () => {
  it('is the font’s hyphen at the text’s size, not textkit’s 5 pt', () => {
    const font = { unitsPerEm: 1000, glyphForCodePoint: (cp: number) => ({ advanceWidth: cp === 0x2d ? 330 : 500 }) };
    expect(hyphenWidth({ runs: [{ attributes: { font: [font], fontSize: 40 } }] })).toBeCloseTo(13.2);
    expect(hyphenWidth({ runs: [{ attributes: { font: [font], fontSize: 9.5 } }] })).toBeCloseTo(3.135);
    expect(hyphenWidth({ runs: [] })).toBe(5);
  });
});
