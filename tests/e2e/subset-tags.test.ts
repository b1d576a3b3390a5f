import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { subsetTag } from '../../src/pdfkit-patches.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { sharedMatrix } from '../helpers/shared-build.js';

/**
 * Each embedded font subset is named by its glyphs (src/pdfkit-patches.ts, change 4): pdfkit named
 * every subset after its resource ("BZZZZZ+SourceSans3-Bold" in every PDF), so a print shop that
 * merges PDFs could take two different subsets for one font.
 */

const fontNames = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!);

it('names each subset by its glyphs: different subsets differ, the same subset is named the same on every run', () => {
  // Two runs: one of two variants, and the run's shared matrix (another process, every variant).
  const own = tempDir();
  expect(runCli(['build', '--region', 'hamburg', '--template', 'infoblatt', '--locale', 'de,tr', '--out', own]).status).toBe(0);
  const shared = sharedMatrix();
  expect(shared.run.status).toBe(0);
  const out = [own, shared.out];
  const file = (dir: string, locale: string) => path.join(dir, `zoom-datenschutz/hamburg/zoom-datenschutz-hamburg-${locale}-infoblatt.pdf`);
  const de = fontNames(file(out[0]!, 'de'));
  const tr = fontNames(file(out[0]!, 'tr'));
  expect(de).toHaveLength(3);
  for (const name of [...de, ...tr]) expect(name).toMatch(/^[A-Z]{6}\+SourceSans3-(Regular|Semibold|Bold)$/);
  // The Turkish text uses other glyphs (ş, ğ, ı, İ): no subset shares a name with a German one.
  expect(de.filter((n) => tr.includes(n))).toEqual([]);
  expect(fontNames(file(out[1]!, 'de'))).toEqual(de);
  expect(new Set(de.map((n) => n.slice(0, 6))).size).toBe(3);
});

/** The tag of these glyphs as first computed: a change would rename every font in every PDF. */
const PINNED_TAG = 'XFITYM';

it('spells six letters from the font name and glyph ids', () => {
  expect(subsetTag('SourceSans3-Bold', [0, 1, 2])).toMatch(/^[A-Z]{6}$/);
  // Pinned: the tag must not change between runs or versions for the same glyphs (print shops merge by it).
  expect(subsetTag('SourceSans3-Bold', [0, 1, 2])).toBe(PINNED_TAG);
  expect(subsetTag('SourceSans3-Bold', [0, 1, 2])).not.toBe(subsetTag('SourceSans3-Bold', [0, 1, 3]));
  expect(subsetTag('SourceSans3-Bold', [0, 1, 2])).not.toBe(subsetTag('SourceSans3-Regular', [0, 1, 2]));
});
