import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';
import { sharedMatrix } from '../helpers/shared-build.js';
import { differingShare, inkShare, renderPages } from '../helpers/pixels.js';

/**
 * The third depth: what the page looks like. Pages are compared with reviewed reference images in
 * tests/reference/ (a small tolerance absorbs anti-aliasing differences between poppler versions).
 * After an intended change of the design, look at the new pages and update the references with
 *   UPDATE_REFERENCES=1 npx vitest run tests/e2e/pixels.test.ts
 */

const FILE = 'zoom-datenschutz/hamburg/zoom-datenschutz-hamburg-de-infoblatt.pdf';

// Updating writes each page and then compares it with itself: in CI that would pass anything.
it('is not asked to update its references in CI', () => {
  expect(process.env.CI === 'true' && process.env.UPDATE_REFERENCES === '1', 'UPDATE_REFERENCES=1 is for a person who has looked at the pages, not for CI').toBe(false);
});
const TOLERANCE = 0.01;
let pages: PNG[];

beforeAll(() => {
  const { out, run } = sharedMatrix();
  expect(run.status).toBe(0);
  pages = renderPages(path.join(out, FILE));
});

describe('the Hamburg German sheet, as pixels', () => {
  it('matches the reviewed reference pages', () => {
    expect(pages).toHaveLength(2);
    pages.forEach((page, i) => {
      const ref = path.join(root, 'tests/reference', `hamburg-de-p${i + 1}.png`);
      // Written only when asked (after looking at the pages): a missing reference fails, else the
      // page would be compared with itself.
      if (process.env.UPDATE_REFERENCES === '1') writeFileSync(ref, PNG.sync.write(page));
      expect(existsSync(ref), `${ref} is missing; look at the pages, then run with UPDATE_REFERENCES=1`).toBe(true);
      expect(differingShare(page, PNG.sync.read(readFileSync(ref)))).toBeLessThan(TOLERANCE);
    });
  });

  it('uses the brand red for the masthead rule and leaves the margins empty', () => {
    const page = pages[0]!;
    // Somewhere in the top tenth of page 1 there is a row of the brand's signal red (#C4161C).
    let red = 0;
    for (let y = 0; y < page.height / 10; y++) {
      for (let x = 0; x < page.width; x++) {
        const i = (y * page.width + x) * 4;
        if (Math.abs(page.data[i]! - 0xc4) < 30 && page.data[i + 1]! < 60 && page.data[i + 2]! < 70) red++;
      }
    }
    expect(red).toBeGreaterThan(page.width);
    // The outer 4 % of each side stay blank: nothing runs into the margin.
    for (const p of pages) {
      const side = Math.floor(p.width * 0.04);
      for (let y = 0; y < p.height; y++) {
        for (const x of [0, side - 1, p.width - side, p.width - 1]) {
          const i = (y * p.width + x) * 4;
          expect(p.data[i]! + p.data[i + 1]! + p.data[i + 2]!).toBeGreaterThan(3 * 230);
        }
      }
    }
  });

  it('fills both pages with text, not one line on the last page', () => {
    for (const p of pages) expect(inkShare(p, { top: 0.1, bottom: 0.85 })).toBeGreaterThan(0.05);
  });
});

/** The flyer and the poster of the region with the longest name, against reviewed references. */
describe.each([
  { template: 'flyer', pages: 2, dpi: 50 },
  { template: 'aushang', pages: 1, dpi: 30 },
])('the Kiel-Neumünster Turkish $template, as pixels', ({ template, pages: count, dpi }) => {
  it('matches the reviewed reference pages', () => {
    const { out, run } = sharedMatrix();
    expect(run.status).toBe(0);
    const shown = renderPages(path.join(out, `zoom-datenschutz/kiel/zoom-datenschutz-kiel-tr-${template}.pdf`), dpi);
    expect(shown).toHaveLength(count);
    shown.forEach((page, i) => {
      const ref = path.join(root, 'tests/reference', `kiel-tr-${template}-p${i + 1}.png`);
      // Written only when asked (after looking at the pages): a missing reference fails, else the
      // page would be compared with itself.
      if (process.env.UPDATE_REFERENCES === '1') writeFileSync(ref, PNG.sync.write(page));
      expect(existsSync(ref), `${ref} is missing; look at the pages, then run with UPDATE_REFERENCES=1`).toBe(true);
      expect(differingShare(page, PNG.sync.read(readFileSync(ref)))).toBeLessThan(TOLERANCE);
    });
  });
});
