import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Cmyk } from '../../src/colours.js';
import type { BrandFile } from '../../src/content/schema.js';
import { SLUG } from '../../src/pipeline/print.js';
import { contentDir } from '../helpers/cli.js';
import { sharedPrint } from '../helpers/shared-build.js';
import { inkPlanes } from '../helpers/print.js';

/**
 * The print versions' colours at the depth of pixels, as a press prints them: each page separated
 * into its four inks by Ghostscript (overprint honoured). Every spot inside the trim must carry
 * exactly one of the brand's inks from brand.yaml (or black printed over one of them), so nothing
 * was converted from RGB on the way (a converted colour or a four-ink black would show up as
 * another mix); black over the contact box's tint keeps the tint beneath it (overprint); and white
 * text on the red band is paper (it knocks out rather than vanishing).
 */

const brand = parse(readFileSync(path.join(contentDir, 'brand.yaml'), 'utf8')) as { cmyk: NonNullable<BrandFile['cmyk']> };
const { logo = {}, ...named } = brand.cmyk;
const inks: Cmyk[] = [...Object.values(named), ...Object.values(logo), [0, 0, 0, 0], [0, 0, 0, 100]];
// Black overprinting an ink keeps that ink's other three and prints full black.
const allowed = [...inks, ...inks.map(([c, m, y]) => [c, m, y, 100] as const)].map((ink) => ink.map((v) => Math.round(v * 2.55)));
const key = (p: readonly number[]) => p.join(',');
const blackOver = (ink: Cmyk) => key([ink[0], ink[1], ink[2], 100].map((v) => Math.round(v * 2.55)));

let out: string;
const file = (template: string) => path.join(out, 'zoom-datenschutz', 'kiel', `zoom-datenschutz-kiel-de-${template}-print.pdf`);
beforeAll(() => {
  // Kiel's German print versions, from the run's shared print build (tests/helpers/shared-build.ts).
  const shared = sharedPrint();
  expect(shared.run.status, shared.run.stderr).toBe(0);
  out = shared.out;
});

/** How many pixels inside the trim carry each mix of inks (keys "c,m,y,k", 0–255). */
function census(template: string, page: number): Map<string, number> {
  const planes = inkPlanes(file(template), page);
  const inset = Math.ceil(SLUG) + 1;
  const counts = new Map<string, number>();
  for (let y = inset; y < planes.height - inset; y++) {
    for (let x = inset; x < planes.width - inset; x++) {
      const k = key(planes.at(x, y));
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

describe('print versions, separated into inks', () => {
  it.each([['infoblatt', 1], ['infoblatt', 2], ['flyer', 1], ['flyer', 2], ['aushang', 1]] as const)('%s page %i: every spot inside the trim is one of the brand\'s inks, or black over one', (template, page) => {
    const counts = census(template, page);
    const stray = [...counts].filter(([mix]) => !allowed.some((ink) => key(ink) === mix));
    expect(stray, 'mixes of ink that are none of the brand\'s').toEqual([]);
    // Body text is there, in black ink alone.
    expect((counts.get(key([0, 0, 0, 255])) ?? 0) + (counts.get(blackOver(named.tint)) ?? 0)).toBeGreaterThan(1000);
  });

  it('black text on the contact box overprints its tint; white text on the red band is paper', () => {
    const back = census('flyer', 2);
    expect(back.get(blackOver(named.tint)) ?? 0, 'black over the tint keeps the tint').toBeGreaterThan(300);
    const planes = inkPlanes(file('flyer'), 1);
    const red = key(named.primary.map((v) => Math.round(v * 2.55)));
    let paperInBand = 0;
    for (let y = 0; y < planes.height; y++) {
      const row = Array.from({ length: planes.width }, (_, x) => key(planes.at(x, y)));
      if (row.filter((p) => p === red).length < planes.width / 2) continue;
      const inside = row.slice(Math.ceil(SLUG) + 1, planes.width - Math.ceil(SLUG) - 1);
      paperInBand += inside.filter((p) => p === '0,0,0,0').length;
    }
    expect(paperInBand, 'white title and logo letters in the band').toBeGreaterThan(500);
  });
});
