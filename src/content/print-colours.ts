import { colourKey, inkTable, svgColours } from '../colours.js';
import type { Finding } from '../findings.js';
import type { SvgNode } from '../model.js';
import { findingAt } from './check-schema.js';
import type { BrandFile } from './schema.js';
import type { PathSegment, SourceFile } from './source.js';

/**
 * Print colours (colours.ts). Without `cmyk`, print versions are RGB: printable, so a warning, and
 * only when print versions are wanted. With it, every colour the logo paints needs a CMYK value;
 * one without is an error when print versions are wanted (their file cannot be made) and a warning
 * otherwise (the screen versions are fine, and a brand colour just changed should not stop them).
 */
export function checkPrintColours(source: SourceFile, data: BrandFile, logo: SvgNode, print: boolean): Finding[] {
  if (!data.cmyk) {
    return print ? [findingAt(source, ['colors'], 'warning',
      "the brand gives no CMYK values, so the print versions are RGB and the print shop's conversion decides how its colours and black text print",
      'Add a cmyk: block with each colour\'s values from the brand manual, e.g. primary: [0, 100, 90, 10] (see the README, "For the print shop").')] : [];
  }
  const inks = inkTable(data.colors, data.cmyk);
  return [...sameColourTwice(source, data.colors, data.cmyk), ...tooMuchInk(source, data.cmyk), ...svgColours(logo)
    .filter((value) => !inks.has(colourKey(value) ?? ''))
    .map((value) => {
      const key = colourKey(value)?.toUpperCase();
      return findingAt(source, ['logo'], print ? 'error' : 'warning',
        `the logo paints with "${value}", which is none of the brand's colours and has no CMYK value, so it cannot be printed in CMYK`,
        key
          ? `Give it one in cmyk, in a block "logo:" below the brand's colours: "${key}": [cyan, magenta, yellow, black] in per cent, from the brand manual (in quotes: a "#" outside quotes starts a comment).`
          : 'Write the colour in the SVG as "#" and six hexadecimal digits, and give it a CMYK value in cmyk under "logo:".');
    })];
}

/**
 * Presses limit how much ink may lie on one spot (total area coverage): more does not dry and
 * smears. 300 % is the common limit for coated paper (uncoated: ~280 %), so above it, a warning.
 */
const MAX_TOTAL_INK = 300;

function tooMuchInk(source: SourceFile, cmyk: NonNullable<BrandFile['cmyk']>): Finding[] {
  const { logo = {}, ...brand } = cmyk;
  return [...Object.entries(brand).map(([name, ink]) => [['cmyk', name], ink] as const), ...Object.entries(logo).map(([hex, ink]) => [['cmyk', 'logo', hex], ink] as const)]
    .filter(([, ink]) => ink.reduce((a, b) => a + b, 0) > MAX_TOTAL_INK)
    .map(([path, ink]) => findingAt(source, [...path], 'warning', `[${ink.join(', ')}] puts ${ink.reduce((a, b) => a + b, 0)} % ink on the paper, more than the ${MAX_TOTAL_INK} % most presses allow`,
      'Ask the print shop for its limit (often 300 % on coated, 280 % on uncoated paper), or take the values from the brand manual.'));
}

/**
 * Inks are found by the colour on screen, so one screen colour cannot print in two ways: two
 * brand colours (or a brand colour and a logo entry) with the same hex value need the same CMYK.
 */
function sameColourTwice(source: SourceFile, colours: BrandFile['colors'], cmyk: NonNullable<BrandFile['cmyk']>): Finding[] {
  interface Entry { path: PathSegment[]; name: string; hex: string; ink: readonly number[] }
  const entries: Entry[] = [
    ...(Object.keys(colours) as Array<keyof typeof colours>).map((name) => ({ path: ['cmyk', name], name, hex: colours[name], ink: cmyk[name] })),
    ...Object.entries(cmyk.logo ?? {}).map(([hex, ink]) => ({ path: ['cmyk', 'logo', hex], name: `logo "${hex}"`, hex, ink })),
  ];
  const seen = new Map<string, Entry>();
  const findings: Finding[] = [];
  for (const entry of entries) {
    const key = colourKey(entry.hex)!;
    const first = seen.get(key);
    if (!first) seen.set(key, entry);
    else if (first.ink.join() !== entry.ink.join()) {
      findings.push(findingAt(source, entry.path, 'error', `${entry.name} is the same colour on screen as ${first.name} (${entry.hex}) but has other CMYK values, [${entry.ink.join(', ')}] against [${first.ink.join(', ')}]`,
        'Print versions find a colour\'s ink by its screen colour: give both the same CMYK values, or make the screen colours differ.'));
    }
  }
  return findings;
}
