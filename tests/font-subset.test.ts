import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { patchSubsetEncoding, subsetEncoder } from '../src/font-subset.js';
import { root } from './helpers/cli.js';

/**
 * src/font-subset.ts assembles the font subsets pdfkit embeds. Its promise is fontkit's bytes,
 * exactly, for any glyph set; here fontkit's own encoder (kept from before the patch) is the
 * reference, for every shipped face and glyph sets from the real text, composite glyphs and
 * random picks.
 */

interface Subset {
  glyphs: number[];
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}
interface Font {
  numGlyphs: number;
  createSubset(): Subset;
  layout(text: string): { glyphs: Array<{ id: number }> };
  getGlyph(id: number): { _decode(): { numberOfContours: number } | null };
  _variationProcessor?: unknown;
}

const fontDir = path.join(root, 'fonts', 'source-sans-3');
const faces = readdirSync(fontDir).filter((f) => f.endsWith('.ttf'));
const open = (file: string) => fontkit.create(readFileSync(path.join(fontDir, file))) as unknown as Font;

// fontkit's encoder, taken before the patch replaces it.
const first = open(faces[0]!);
const fontkitEncode = Object.getPrototypeOf(first.createSubset()).encode as (this: Subset) => Uint8Array;
patchSubsetEncoding(first as unknown as Parameters<typeof patchSubsetEncoding>[0]);

const sheetText = readdirSync(path.join(root, 'content/sheets/zoom-datenschutz'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(path.join(root, 'content/sheets/zoom-datenschutz', f), 'utf8'))
  .join('\n');

/** A deterministic pseudo-random sequence, so a failure can be repeated. */
function* random(seed: number): Generator<number> {
  for (;;) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    yield seed / 2 ** 31;
  }
}

function glyphSets(font: Font): number[][] {
  const rnd = random(7);
  const pick = (n: number) => Array.from({ length: n }, () => Math.floor(rnd.next().value! * font.numGlyphs));
  return [
    [],
    font.layout(sheetText).glyphs.map((g) => g.id),
    font.layout('Çağrı İĞÜŞÖ ığüşö ÄÖÜäöüß „Zoom“ “Zoom” é à ñ – … fi fl').glyphs.map((g) => g.id),
    ...Array.from({ length: 40 }, (_, i) => pick(1 + i * 7)),
  ];
}

function subsetOf(font: Font, ids: number[]): Subset {
  const subset = font.createSubset();
  for (const id of ids) subset.includeGlyph(id);
  return subset;
}

describe('font subsets', () => {
  it('has font faces to check', () => expect(faces.length).toBeGreaterThan(0));

  for (const face of faces) {
    it(`${face}: the same bytes as fontkit's encoder, for text, composite glyphs and random glyph sets`, () => {
      const font = open(face);
      let composites = 0;
      for (const ids of glyphSets(font)) {
        const expected = Buffer.from(fontkitEncode.call(subsetOf(font, ids)));
        const ours = subsetOf(font, ids);
        const actual = ours.encode();
        expect(Buffer.compare(actual, expected), `${ids.length} glyphs`).toBe(0);
        composites += ours.glyphs.filter((id) => (font.getGlyph(id)._decode()?.numberOfContours ?? 0) < 0).length;
      }
      // The sets did reach the composite-glyph path (components renumbered in the subset).
      expect(composites).toBeGreaterThan(0);
      expect(subsetEncoder(font)).toBe('assembled');
    });
  }

  it('hands a font back to fontkit for good when its first subset differs from fontkit\'s', () => {
    const font = open(faces[0]!);
    // A font whose metrics change on every look: the two encodings of its first subset disagree.
    const getGlyph = font.getGlyph.bind(font);
    let calls = 0;
    font.getGlyph = (id: number) => Object.defineProperty(Object.create(getGlyph(id)), 'advanceWidth', { value: 500 + ++calls });
    const ids = font.layout('Zoom').glyphs.map((g) => g.id);
    const subset = subsetOf(font, ids);
    expect(subset.encode().length).toBeGreaterThan(0);
    expect(subsetEncoder(font)).toBe('fontkit');
    const looks = calls;
    const next = subsetOf(font, ids);
    next.encode();
    // Later subsets go straight to fontkit: one look per glyph, not fontkit's plus ours.
    expect(calls - looks).toBe(next.glyphs.length);
  });
});
