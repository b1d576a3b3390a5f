import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { FaceName, FontFamily } from './fonts.js';

/**
 * How wide a short line of text is, for the few layout decisions a template makes from its words
 * (the width of the contact box's label column is its longest label's): the glyphs' advance
 * widths in the face, without kerning (a fraction of a point on a word), so no shaping tables
 * are read. Templates get it as a prop and never open a font themselves.
 */
export interface Measure {
  (text: string, style: { fontSize: number; face?: FaceName }): number;
  /**
   * The face's ascent as a share of the font size: react-pdf sets a line's baseline this far below
   * the top of its line box (the extra line height goes below), so texts of two sizes side by side
   * share a baseline when the smaller one is moved down by the difference of their ascents.
   */
  ascent(face?: FaceName): number;
}

interface MeasurableFont {
  unitsPerEm: number;
  ascent: number;
  glyphsForString(text: string): Array<{ advanceWidth: number }>;
}

export function measurerFor(family: FontFamily): Measure {
  const faces = new Map<FaceName, MeasurableFont>();
  const fontOf = (face: FaceName) => {
    let font = faces.get(face);
    if (!font) faces.set(face, (font = fontkit.create(readFileSync(family.faces[face])) as MeasurableFont));
    return font;
  };
  const measure = (text: string, { fontSize, face = 'regular' }: { fontSize: number; face?: FaceName }) => {
    const font = fontOf(face);
    const units = font.glyphsForString(text).reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
    return (units * fontSize) / font.unitsPerEm;
  };
  return Object.assign(measure, { ascent: (face: FaceName = 'regular') => fontOf(face).ascent / fontOf(face).unitsPerEm });
}
