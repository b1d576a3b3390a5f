import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { fontsDir } from './paths.js';

/**
 * Fonts ship with the tool (fonts/<family>/family.json + static TTF + licence); a content tree only
 * names the family. Static TTF on purpose: react-pdf renders only the default instance of a variable
 * font and crashes on some WOFF2 composite glyphs.
 */

export type FaceName = 'regular' | 'italic' | 'semibold' | 'bold' | 'boldItalic';
export interface FontFamily {
  family: string;
  dir: string;
  faces: Record<FaceName, string>;
}

let families: Map<string, FontFamily> | undefined;

export function availableFonts(): Map<string, FontFamily> {
  if (families) return families;
  families = new Map();
  for (const name of readdirSync(fontsDir).sort()) {
    const manifest = path.join(fontsDir, name, 'family.json');
    if (!existsSync(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { family: string; faces: Record<FaceName, string> };
    const faces = Object.fromEntries(
      Object.entries(json.faces).map(([face, file]) => [face, path.join(fontsDir, name, file)]),
    ) as Record<FaceName, string>;
    families.set(json.family, { family: json.family, dir: path.join(fontsDir, name), faces });
  }
  return families;
}

interface GlyphFont {
  hasGlyphForCodePoint(cp: number): boolean;
}
const opened = new Map<string, GlyphFont>();

/**
 * Characters of `text` that some face of the family cannot draw. react-pdf would print them as
 * garbage without a word, so they are caught before rendering.
 */
export function missingGlyphs(family: FontFamily, text: string): string[] {
  const missing = new Set<string>();
  const faces = Object.values(family.faces).map((file) => {
    let font = opened.get(file);
    if (!font) {
      font = fontkit.create(readFileSync(file)) as unknown as GlyphFont;
      opened.set(file, font);
    }
    return font;
  });
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0)!;
    // Line breaks, tabs and soft hyphens are layout, not glyphs.
    if (cp < 0x20 || cp === 0xad) continue;
    if (faces.some((f) => !f.hasGlyphForCodePoint(cp))) missing.add(ch);
  }
  return [...missing];
}
