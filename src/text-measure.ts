import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { FaceName, FontFamily } from './fonts.js';

/**
 * How wide a short line of text is, for the few layout decisions a template makes from its words
 * (the width of the contact box's label column is its longest label's): the glyphs' advance
 * widths in the face, without kerning (a fraction of a point on a word), so no shaping tables
 * are read. Templates get it as a prop and never open a font themselves.
 */
export type Measure = (text: string, style: { fontSize: number; face?: FaceName }) => number;

interface MeasurableFont {
  unitsPerEm: number;
  glyphsForString(text: string): Array<{ advanceWidth: number }>;
}

export function measurerFor(family: FontFamily): Measure {
  const faces = new Map<FaceName, MeasurableFont>();
  return (text, { fontSize, face = 'regular' }) => {
    let font = faces.get(face);
    if (!font) faces.set(face, (font = fontkit.create(readFileSync(family.faces[face])) as MeasurableFont));
    const units = font.glyphsForString(text).reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
    return (units * fontSize) / font.unitsPerEm;
  };
}
