import { describe, expect, it } from 'vitest';
import { lockFileText } from '../../src/content/translations.js';

describe('lockFileText', () => {
  it('writes each entry in the order of a text file, whatever order it was built in', () => {
    // An entry marked before its flyer existed, then marked again: the spread put "flyer" last.
    const text = lockFileText({ tr: { sections: { a: '1', b: '2' }, flyer: 'f', title: 't', lead: 'l' }, en: { kicker: 'k', title: 't' } });
    const body = text.split('\n').filter((line) => !line.startsWith('#'));
    expect(body).toEqual(['en:', '  title: t', '  kicker: k', 'tr:', '  title: t', '  lead: l', '  flyer: f', '  sections:', '    a: "1"', '    b: "2"', '']);
  });
});
