import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableFonts, missingGlyphs } from '../src/fonts.js';

describe('the shipped fonts', () => {
  const family = availableFonts().get('Source Sans 3')!;

  it('have all four styles (and semibold) as static TTF, with their licence', () => {
    for (const face of ['regular', 'italic', 'semibold', 'bold', 'boldItalic'] as const) {
      expect(family.faces[face]).toMatch(/\.ttf$/);
      expect(existsSync(family.faces[face])).toBe(true);
    }
    expect(existsSync(path.join(family.dir, 'LICENSE.md'))).toBe(true);
  });

  it('draw every character German, English and Turkish text needs, in every face', () => {
    expect(missingGlyphs(family, 'äöüÄÖÜß şğıİçŞĞÇ „“”‚‘’ – — € · … «»')).toEqual([]);
  });

  it('report characters no face has', () => {
    expect(missingGlyphs(family, 'Text ☎ mit 🙂')).toEqual(['☎', '🙂']);
  });
});
