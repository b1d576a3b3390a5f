import colorString from 'color-string';
import type { BrandFile } from './content/schema.js';
import type { SvgNode } from './model.js';

/**
 * Print colours. Screen versions are drawn in RGB, the brand's hex colours. A print shop prints
 * with four inks, and an RGB file is converted at the shop by a profile nobody chose: the brand's
 * red shifts, and black text becomes a mix of all four inks ("rich black"), whose plates never sit
 * exactly on top of each other, so small type prints with coloured fringes. So when the brand
 * gives each colour's CMYK value (brand.yaml `cmyk`, from its brand manual), the print versions
 * are drawn with those values directly (pdfkit-patches.ts swaps each colour as it is set): black
 * text given as [0, 0, 0, 100] is printed with black ink alone.
 */

/** Cyan, magenta, yellow, black, each in per cent (0–100): pdfkit's own form for CMYK. */
export type Cmyk = readonly [number, number, number, number];

/** A colour's identity for matching: "#rrggbb" in lower case, whatever way it was written. */
export function colourKey(value: string): string | undefined {
  const rgb = colorString.get.rgb(value.trim());
  if (!rgb || rgb[3] !== 1) return undefined;
  return `#${rgb.slice(0, 3).map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * White is no ink and black is black ink alone, whatever the brand says, so that a white QR
 * background or react-pdf's default black need no entry. The brand's colours come after them and
 * win when one of them is white or black.
 */
const PAPER: Array<[string, Cmyk]> = [['#ffffff', [0, 0, 0, 0]], ['#000000', [0, 0, 0, 100]]];

/** Every colour a print version may draw, by colourKey: the brand's and the logo's colours with their CMYK values. */
export type InkTable = ReadonlyMap<string, Cmyk>;

export function inkTable(colours: BrandFile['colors'], cmyk: NonNullable<BrandFile['cmyk']>): InkTable {
  const table = new Map<string, Cmyk>(PAPER);
  // The logo's other colours first: a brand colour's own value wins over a logo entry of the same colour.
  for (const [hex, ink] of Object.entries(cmyk.logo ?? {})) table.set(colourKey(hex)!, ink);
  for (const name of Object.keys(colours) as Array<keyof typeof colours>) table.set(colourKey(colours[name])!, cmyk[name]);
  return table;
}

/** Attributes of an SVG element that paint (the logo draws no gradients, so no stop-color). */
const PAINT = ['fill', 'stroke'];
const NO_PAINT = new Set(['none', 'transparent', 'currentcolor', 'inherit']);

/**
 * The colours a logo paints with, as written, on <svg> itself too (the template hands its paint
 * down to the shapes). SVG paints a shape without a fill in black, which is in every ink table,
 * so only written colours count.
 */
export function svgColours(tree: SvgNode): string[] {
  const found = new Set<string>();
  const visit = (node: SvgNode) => {
    for (const attr of PAINT) {
      const value = node.attrs[attr]?.trim();
      if (value && !NO_PAINT.has(value.toLowerCase())) found.add(value);
    }
    node.children.forEach(visit);
  };
  visit(tree);
  return [...found];
}
