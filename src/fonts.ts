import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fontsDir } from './paths.js';
import { toolInfo } from './tool-info.js';

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

/** Code point ranges every face of a family can draw, precomputed by `npm run build`. */
const coverage = new Map<string, Array<[number, number]>>();

function rangesFor(family: FontFamily): Array<[number, number]> {
  let ranges = coverage.get(family.family);
  if (ranges) return ranges;
  ranges = toolInfo().glyphs[family.family];
  if (!ranges) throw new Error(`dist/tool.json has no glyph coverage for ${family.family}: run "npm run build"`);
  coverage.set(family.family, ranges);
  return ranges;
}

function covered(ranges: Array<[number, number]>, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Characters of `text` that some face of the family cannot draw. react-pdf would print them as
 * garbage without a word, so they are caught before rendering.
 */
export function missingGlyphs(family: FontFamily, text: string): string[] {
  const ranges = rangesFor(family);
  const missing = new Set<string>();
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0)!;
    // Line breaks, tabs and soft hyphens are layout, not glyphs.
    if (cp < 0x20 || cp === 0xad) continue;
    if (!covered(ranges, cp)) missing.add(ch);
  }
  return [...missing];
}
