import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, runCli, tempDir } from '../helpers/cli.js';
import { pagePixels } from '../helpers/print.js';

/**
 * The logo is drawn as SVG paints it: paint given on <svg> itself passes to its shapes, and a
 * shape without any fill is black. (react-pdf's <Svg> alone drew such a logo invisible.)
 */

function pixelsWithLogo(svg: string): { count: (rgb: [number, number, number]) => number } {
  const dir = tempDir(path.join(fixtures, 'minimal'));
  writeFileSync(path.join(dir, 'content/assets/mark.svg'), svg);
  const run = runCli(['build', '--out', 'out'], { cwd: dir });
  expect(run.status, run.stderr).toBe(0);
  const file = readdirSync(path.join(dir, 'out'), { recursive: true }).map(String).find((f) => f.endsWith('.pdf'))!;
  const png = pagePixels(path.join(dir, 'out', file), 1, 72);
  return {
    count: ([r, g, b]) => {
      let n = 0;
      for (let i = 0; i < png.data.length; i += 4) if (Math.abs(png.data[i]! - r) + Math.abs(png.data[i + 1]! - g) + Math.abs(png.data[i + 2]! - b) < 12) n++;
      return n;
    },
  };
}

describe('the logo', () => {
  it('passes the paint of <svg> to its shapes', () => {
    const page = pixelsWithLogo('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" fill="#00A000"><rect width="40" height="40"/></svg>');
    // The logo is drawn 40 × 40 units at the header's logo height: hundreds of green pixels.
    expect(page.count([0, 160, 0])).toBeGreaterThan(300);
  });

  it('paints a shape without a fill black', () => {
    const plain = pixelsWithLogo('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#FFFFFF" stroke="none"/></svg>');
    const page = pixelsWithLogo('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40"/></svg>');
    // Text is #111111 in this brand; only the logo is pure black.
    expect(page.count([0, 0, 0]) - plain.count([0, 0, 0])).toBeGreaterThan(300);
  });
});
