import { describe, expect, it } from 'vitest';
import { breakAtHyphens } from '../src/hyphenation.js';
import { holdRunts } from '../src/runts.js';

/**
 * A stand-in for react-pdf's line breaker: every character 1 pt wide, lines filled greedily,
 * breaks at ordinary spaces only (a no-break space binds), a line keeps its trailing space.
 * Justified lines but the last have their spaces widened to fill the line, as textkit does.
 */
function engine(s: { string: string; runs?: Array<{ attributes: { align?: string } }> }, container: { width?: number }) {
  const justify = s.runs?.some((r) => r.attributes.align === 'justify');
  return s.string.split('\n').map((paragraph) => {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && (line + word).length > container.width!) {
        lines.push(line);
        line = '';
      }
      line += `${word} `;
    }
    lines.push(line.slice(0, -1));
    return lines.map((text, i) => {
      const inner = text.trimEnd();
      const gaps = [...inner].filter((c) => c === ' ').length;
      const extra = justify && i < lines.length - 1 && gaps > 0 ? (container.width! - inner.length) / gaps : 0;
      const positions = [...text].map((c, j) => ({ xAdvance: c === ' ' && j < inner.length ? 1 + extra : 1 }));
      const glyphs = [...text].map((c) => ({ codePoints: [c.codePointAt(0)!], advanceWidth: 1000 }));
      return { string: text, xAdvance: positions.reduce((sum, p) => sum + p.xAdvance, 0), runs: [{ attributes: { fontSize: 1, font: [{ unitsPerEm: 1000 }] }, glyphs, positions }] };
    });
  });
}

const ragged = (text: string) => ({ string: text, runs: [{ attributes: { align: 'left' } }] });
const lay = (text: string, width: number, attributes = ragged(text), options: { hyphenationCallback?: unknown } = {}) =>
  holdRunts(engine, attributes, { width }, options, engine(attributes, { width })).map((p) => p.map((l) => l.string.replace(/\u00a0/g, '~')));

describe('holdRunts', () => {
  it('moves a word down to keep the last one company', () => {
    expect(lay('Scan the code with your phone to read the full text.', 48)).toEqual([['Scan the code with your phone to read the ', 'full~text.']]);
  });

  it('does it per paragraph, only where the last line is one word', () => {
    expect(lay('aaa bbb ccc dd\naaa bbb cc', 12)).toEqual([['aaa bbb ', 'ccc~dd'], ['aaa bbb cc']]);
  });

  it('leaves the paragraph alone where the pair would fill more than half the line, or take another line', () => {
    expect(lay('eins zwei drei vierfünfsechs', 20)).toEqual([['eins zwei drei ', 'vierfünfsechs']]);
    expect(lay('abcdefgh abcdefgh', 9)).toEqual([['abcdefgh ', 'abcdefgh']]);
  });

  it('leaves names and labels as they are', () => {
    const text = 'Scan the code with your phone to read the full text.';
    // (ragged, the same text is tied: see the first case)
    expect(lay(text, 48, undefined, { hyphenationCallback: breakAtHyphens })).toEqual([['Scan the code with your phone to read the full ', 'text.']]);
  });

  it('in justified text, ties a short word alone only where no word space grows past half again its width', () => {
    const justified = (text: string) => ({ string: text, runs: [{ attributes: { align: 'justify' } }] });
    // Ten spaces take the five points "full" leaves: half a point each, 1.5 times their width.
    const many = 'aa bb cc dd ee ff gg hh ii jj kk full stop.';
    expect(lay(many, 37, justified(many))).toEqual([['aa bb cc dd ee ff gg hh ii jj kk ', 'full~stop.']]);
    // Three spaces would take seven points: too wide.
    const few = 'aaaaaa bbbbbb cccccc dddddd ee stop.';
    expect(lay(few, 34, justified(few))).toEqual([['aaaaaa bbbbbb cccccc dddddd ee ', 'stop.']]);
    // A long last word fills enough of its line to stand alone.
    const long = 'aa bb cc dd ee ff gg hh ii jj kk Datenschutzgrundverordnung.';
    expect(lay(long, 50, justified(long))[0]!.at(-1)).toBe('Datenschutzgrundverordnung.');
  });
});
