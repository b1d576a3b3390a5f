import { describe, expect, it } from 'vitest';
import { breakAtHyphens } from '../src/hyphenation.js';
import { holdRunts } from '../src/runts.js';

/**
 * A stand-in for react-pdf's line breaker: every character 1 pt wide, lines filled greedily,
 * breaks at ordinary spaces only (a no-break space binds), a line keeps its trailing space.
 */
function engine(s: { string: string }, container: { width?: number }) {
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
    return lines.map((text) => ({ string: text, xAdvance: text.length, runs: [{ positions: [...text].map(() => ({ xAdvance: 1 })) }] }));
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

  it('leaves justified text, names and labels as they are', () => {
    const text = 'Scan the code with your phone to read the full text.';
    // (ragged, the same text is tied: see the first case)
    const justified = { string: text, runs: [{ attributes: { align: 'justify' } }] };
    expect(lay(text, 48, justified)).toEqual([['Scan the code with your phone to read the full ', 'text.']]);
    expect(lay(text, 48, undefined, { hyphenationCallback: breakAtHyphens })).toEqual([['Scan the code with your phone to read the full ', 'text.']]);
  });
});
