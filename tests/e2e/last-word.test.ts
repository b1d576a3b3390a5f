import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { sharedMatrix } from '../helpers/shared-build.js';
import { catalogues } from '../../templates/messages.js';

/**
 * A paragraph does not end on a fragment of its last word ("ap- / plies.", "ilgi- / liydi."):
 * the line breaker divides the last word only where nothing better is left (src/line-breaks.ts).
 * With the usual penalty, Hamburg's nine PDFs had five such endings; the German poster kept one
 * ("Datenschutzgrund- / verordnung.") until ragged lines got their natural spaces and syllable
 * breaks three letters a side, since when it ends "Datenschutz- / grundverordnung.". Checked in
 * every PDF of the matrix (the run's shared build); the other checks look at Hamburg's.
 */

/** Lines that hold nothing but the end of a word divided on the line before. */
function fragments(file: string): string[] {
  const lines = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim());
  return lines.flatMap((line, i) => (i > 0 && /\p{L}-$/u.test(lines[i - 1]!) && /^\S{1,13}$/.test(line) ? [`${lines[i - 1]!.split(/\s+/).at(-1)} / ${line}`] : []));
}

let out: string;
beforeAll(() => {
  const shared = sharedMatrix();
  expect(shared.run.status).toBe(0);
  out = shared.out;
});

it('no paragraph of any region\'s PDFs ends on a word fragment', () => {
  const files = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf')).sort();
  expect(files).toHaveLength(63);
  const found = files
    .flatMap((f) => fragments(path.join(out, f)).map((fragment) => `${path.basename(f)}: ${fragment}`));
  expect(found).toEqual([]);
});

it('no ragged paragraph of Hamburg\'s flyers ends on one word alone (src/runts.ts)', () => {
  const lastLines = (f: string) => execFileSync('pdftotext', ['-layout', path.join(out, 'zoom-datenschutz/hamburg', f), '-'], { encoding: 'utf8' })
    .split('\n').map((l) => l.trim().replace(/\u00a0/g, ' '));
  // The line under "Learn more" ended on "ausführlich." / "text." alone before the rule.
  expect(lastLines('zoom-datenschutz-hamburg-de-flyer.pdf')).toContain('alles ausführlich.');
  expect(lastLines('zoom-datenschutz-hamburg-en-flyer.pdf')).toContain('full text.');
  // Every key point of the three posters: a point of two or more lines ends on two words or more.
  for (const locale of ['de', 'en', 'tr']) {
    const lines = lastLines(`zoom-datenschutz-hamburg-${locale}-aushang.pdf`);
    const points = lines.slice(lines.findIndex((l) => /^1\s/.test(l)), lines.indexOf(catalogues[locale]!.learnMore)).join('\n').split(/\n\s*\n/);
    const multiline = points.map((p) => p.split('\n').filter(Boolean)).filter((p) => p.length > 1);
    expect(multiline.length, locale).toBeGreaterThanOrEqual(3);
    // (The end of a word divided at the line before is the other test's matter.) A word alone is
    // kept where it and the word before would fill more than half a line, as runts.ts keeps it
    // ("europäische / Datenschutzgrundverordnung."): a long word does not look lost.
    const lone = multiline.filter((p) => {
      const [before, last] = p.slice(-2) as [string, string];
      const pair = `${before.split(/\s+/).at(-1)} ${last}`;
      return !/\s/.test(last) && !before.endsWith('-') && pair.length <= Math.max(...p.map((l) => l.length)) / 2;
    });
    expect(lone, locale).toEqual([]);
  }
});

it('a justified paragraph of Hamburg\'s German info sheet does not end on a short word alone (src/runts.ts)', () => {
  const lines = execFileSync('pdftotext', ['-layout', path.join(out, 'zoom-datenschutz/hamburg/zoom-datenschutz-hamburg-de-infoblatt.pdf'), '-'], { encoding: 'utf8' })
    .split('\n').map((l) => l.trim().replace(/\u00a0/g, ' '));
  // "… beendet und findet nicht mehr / statt." before the rule covered justified text.
  expect(lines.some((l) => l.endsWith('findet nicht mehr statt.') || l === 'mehr statt.')).toBe(true);
  expect(lines).not.toContain('statt.');
});
