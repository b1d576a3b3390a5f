import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';
import { sharedMatrix } from '../helpers/shared-build.js';
import { readPdf } from '../helpers/pdf.js';
import { textRuns } from '../helpers/print.js';
import { mm } from '../../src/units.js';

/**
 * The contact box's labels, measured in the PDF: in every language each label stays on one line,
 * keeps a clear gap to its value, and the values line up. Hamburg has all four rows (phone,
 * e-mail, web, hours); English has the longest label ("Office hours").
 */

const LABELS = {
  de: ['Telefon', 'E-Mail', 'Internet', 'Erreichbar'],
  en: ['Phone', 'Email', 'Web', 'Office hours'],
  tr: ['Telefon', 'E-posta', 'İnternet', 'Mesai'],
} as const;
/** The templates with labels beside their values, and the least gap their design keeps (pt). */
const TEMPLATES = { infoblatt: 5.5, aushang: 15 } as const;

type Run = Awaited<ReturnType<typeof textRuns>>[number][number];
const found = new Map<string, Run[]>();
let out: string;

beforeAll(async () => {
  const shared = sharedMatrix();
  expect(shared.run.status).toBe(0);
  out = shared.out;
  for (const template of Object.keys(TEMPLATES)) {
    for (const locale of Object.keys(LABELS)) {
      const file = path.join(out, `zoom-datenschutz/hamburg/zoom-datenschutz-hamburg-${locale}-${template}.pdf`);
      found.set(`${template}/${locale}`, (await textRuns(file))[0]!);
    }
  }
});

describe.each(Object.entries(TEMPLATES))('the contact box of the %s', (template, gap) => {
  it.each(Object.keys(LABELS) as Array<keyof typeof LABELS>)('%s: every label on one line, clear of its value and on its baseline, values aligned', (locale) => {
    const runs = found.get(`${template}/${locale}`)!;
    const starts: number[] = [];
    for (const label of LABELS[locale]) {
      const run = runs.find((r) => r.str === label);
      expect([label, run !== undefined]).toEqual([label, true]);
      // The value: the next run to the right on the same baseline.
      const value = runs.filter((r) => r !== run && Math.abs(r.y0 - run!.y0) < run!.size && r.x0 > run!.x0).sort((a, b) => a.x0 - b.x0)[0]!;
      expect(value.x0 - run!.x1, `${label} → ${value.str}`).toBeGreaterThanOrEqual(gap);
      // On the value's baseline, though smaller (the poster's labels sat 3 pt high).
      const baseline = (r: Run) => r.y0 + 0.22 * r.size;
      expect(Math.abs(baseline(run!) - baseline(value)), `${label} → ${value.str}`).toBeLessThan(0.1);
      starts.push(value.x0);
    }
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(0.5);
  });
});

describe('an address too long for its column', () => {
  const LONG = 'mitgliederservice.hamburg-harburg@example.org';
  /** The right edge of the contact box's text: page width, minus the side margin and the box's padding. */
  const edges = { infoblatt: 595.28 - mm(16) - 11, aushang: 841.89 - mm(20) - 18 };
  const dir = tempDir(contentDir);
  const region = path.join(dir, 'content/regions/hamburg.yaml');
  writeFileSync(region, readFileSync(region, 'utf8').replace('email: hamburg@example.org', `email: ${LONG}`));
  const run = runCli(['build', '--region', 'hamburg', '--locale', 'de', '--template', 'infoblatt,aushang', '--out', 'out'], { cwd: dir });

  it.each(Object.entries(edges))('%s: breaks at its joints, adds no hyphen and stays inside the box', async (template, right) => {
    expect(run.status).toBe(0);
    const file = path.join(dir, `out/zoom-datenschutz/hamburg/zoom-datenschutz-hamburg-de-${template}.pdf`);
    const runs = (await textRuns(file))[0]!.filter((r) => /mitglieder|harburg|example\.org/.test(r.str) && !r.str.includes('/'));
    // Two or three lines, which read as the address again when joined without anything between.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.map((r) => r.str.trim()).join('')).toBe(LONG);
    for (const r of runs) expect([r.str, r.x1 <= right + 0.5]).toEqual([r.str, true]);
    // The mailto link still carries the whole address.
    expect((await readPdf(readFileSync(file))).links).toContain(`mailto:${LONG}`);
  });
});
