import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';
import { sharedMatrix } from '../helpers/shared-build.js';

/**
 * Justified text widens the gaps between words, and every gap on a line by the same amount: also
 * where typography holds two words together with a no-break space ("IG Metall", "16 Jahre",
 * "Metall –"). react-pdf widened only ordinary spaces, so those gaps stayed up to 0.9 pt narrower
 * than their neighbours (scripts/node-bundle.mjs hooks its justification).
 */

interface Word { x0: number; x1: number; y: number; height: number; text: string }

/** The words of one page with their boxes, as poppler finds them (it splits at no-break spaces too). */
function words(file: string, page: number): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: Number(m[1]), y: Math.round(Number(m[2]) * 10) / 10, x1: Number(m[3]), height: Number(m[4]) - Number(m[2]), text: m[5]! }));
}

/**
 * Lines of running text on a page, each a line's words left to right: from the left margin,
 * several words (the contact card, the footer and headings are other lines or far to the right).
 */
function runningLines(file: string, page: number): Word[][] {
  const lines = new Map<number, Word[]>();
  for (const w of words(file, page)) lines.set(w.y, [...(lines.get(w.y) ?? []), w]);
  return [...lines.values()].map((l) => l.sort((a, b) => a.x0 - b.x0)).filter((l) => l.length >= 6 && l[0]!.x0 <= 60);
}

let files: string[];
beforeAll(() => {
  const { out, run } = sharedMatrix();
  expect(run.status).toBe(0);
  files = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('-infoblatt.pdf')).map((f) => path.join(out, f));
});

it('every line of running text in every info sheet has equal gaps between its words', () => {
  expect(files).toHaveLength(21);
  let bound = 0;
  for (const file of files) {
    for (const page of [1, 2]) {
      for (const line of runningLines(file, page)) {
        // (Gaps over 20 pt are between columns.)
        const gaps = line.slice(1).map((w, i) => w.x0 - line[i]!.x1).filter((g) => g < 20);
        const text = line.map((w) => w.text).join(' ');
        if (/IG Metall/.test(text)) bound++;
        expect(Math.max(...gaps) - Math.min(...gaps), `${path.basename(file)} p${page}: ${text}`).toBeLessThan(0.25);
      }
    }
  }
  expect(bound, 'lines holding "IG Metall" (a no-break space)').toBeGreaterThan(20);
});

it('fills a justified line with its word spaces, never by spacing out letters: a word is as wide on every line', () => {
  // A word set on a loose line came out up to 5 % wider when textkit tracked its letters; the same
  // word elsewhere, on a line at natural spacing, shows what it should measure.
  const widths = new Map<string, number[]>();
  for (const file of files) {
    for (const page of [1, 2]) {
      // Words of running text, by text and size (the box's height tells sizes apart).
      for (const line of runningLines(file, page)) {
        for (const w of line) {
          const key = `${w.text} ${w.height.toFixed(1)}`;
          if (w.text.length >= 8) widths.set(key, [...(widths.get(key) ?? []), w.x1 - w.x0]);
        }
      }
    }
  }
  const compared = [...widths].filter(([, ws]) => ws.length >= 3);
  expect(compared.length, 'words set on three lines or more').toBeGreaterThan(100);
  for (const [word, ws] of compared) expect(Math.max(...ws) - Math.min(...ws), word).toBeLessThan(0.05);
});

it('sets every justified line that does not end a paragraph out to the right margin', () => {
  let checked = 0;
  for (const file of files) {
    for (const page of [1, 2]) {
      const running = runningLines(file, page);
      if (running.length === 0) continue;
      const margin = Math.max(...running.map((l) => l.at(-1)!.x1));
      for (const line of running) {
        // A paragraph's last line ends a sentence here; every other line is justified. Lines far
        // from the margin are of other columns (the lead beside the contact box, the kicker).
        if (/[.:!?)“”]$/.test(line.at(-1)!.text) || margin - line.at(-1)!.x1 > 12) continue;
        checked++;
        expect(margin - line.at(-1)!.x1, `${path.basename(file)} p${page}: ${line.map((w) => w.text).join(' ')}`).toBeLessThan(0.3);
      }
    }
  }
  expect(checked).toBeGreaterThan(500);
});

it('sets a long web address in running text broken at its joints, never letter-spaced across a line', () => {
  const dir = tempDir(contentDir);
  const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
  const address = 'https://www.example.org/betriebsversammlung-2026/anmeldung/formular-fuer-kolleginnen-und-kollegen-aus-allen-betrieben-der-region';
  // A paragraph of its own, as the walk wrote it.
  writeFileSync(de, readFileSync(de, 'utf8').replace('Die Nutzung ist intuitiv und leicht zu erlernen.', `Die Nutzung ist intuitiv.\n\n      Link am Satzende: ${address}. Und eine Mail an presse@example.org.`));
  const r = runCli(['build', '--region', 'kiel', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  const file = path.join(dir, 'out/zoom-datenschutz/kiel/zoom-datenschutz-kiel-de-infoblatt.pdf');
  // A line holding one part of it was tracked to the margin: pdftotext gave "h t t p s : / / w w w".
  const found = words(file, 1).filter((w) => address.includes(w.text.replace(/\.$/, '')) && w.text.length > 3);
  expect(found.map((w) => w.text.replace(/\.$/, '')).join('')).toBe(address);
  // Its parts sit at their natural width: no gaps inside them, each a word of its own to poppler.
  expect(found.length).toBeGreaterThan(1);
  expect(found.length).toBeLessThan(6);
  // …and the line before it is not stretched to make room: its gaps stay those of its neighbours.
  const all = words(file, 1);
  const y = all.find((w) => w.text === 'Satzende:')!.y;
  const before = all.filter((w) => w.y === y).sort((a, b) => a.x0 - b.x0);
  const gaps = before.slice(1).map((w, i) => w.x0 - before[i]!.x1);
  expect(Math.max(...gaps), before.map((w) => w.text).join(' ')).toBeLessThan(8);
});
