import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';
import { textRuns } from '../helpers/print.js';
import { mm } from '../../src/units.js';

/**
 * A region with everything long (a hyphenated three-part name, a long office, street, e-mail
 * and web address, opening hours over several lines), in every template and language, and a
 * German title and headline with a compound wider than their lines: nothing runs past the right
 * margin (or, for the info sheet's title, into the contact card), the name breaks only at its
 * own hyphens, never between syllables (react-pdf's default would hyphenate it with English
 * patterns: "CUX-HAVEN"), and the compound is hyphenated rather than cut off at the page edge.
 */

const REGION = `# yaml-language-server: $schema=../schema/region.schema.json
name: Bremerhaven-Cuxhaven-Wesermünde
contact:
  office: IG Metall Geschäftsstelle Bremerhaven-Cuxhaven-Wesermünde
  street: Friedrich-Ebert-Straße 112–114 (Gewerkschaftshaus)
  postcode: "27570"
  city: Bremerhaven-Geestemünde
  phone: +49 471 123456-0
  email: geschaeftsstelle.bremerhaven-cuxhaven@example.org
  web: https://www.example.org/bremerhaven-cuxhaven/mitglieder
  hours:
    de: Mo, Di und Do 8:30–12 Uhr und 13–16:30 Uhr, Mi 8:30–12 Uhr, Fr 8:30–13 Uhr
    en: Mon, Tue and Thu 8.30 am–12 pm and 1–4.30 pm, Wed 8.30 am–12 pm, Fri 8.30 am–1 pm
    tr: Pzt, Sal ve Per 8.30–12 ve 13–16.30, Çar 8.30–12, Cum 8.30–13
`;
/** Wider than the title's column and the headlines' lines at their sizes. */
const COMPOUND = 'Videokonferenzdatenschutzvereinbarungen';
/** Page width and side margin of each template, in points. */
const PAGES = { infoblatt: { width: 595.28, side: mm(16) }, flyer: { width: 419.53, side: mm(12) }, aushang: { width: 841.89, side: mm(20) } };

let out: string;
beforeAll(() => {
  const dir = tempDir(contentDir);
  writeFileSync(path.join(dir, 'content/regions/kiel.yaml'), REGION);
  const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
  writeFileSync(de, readFileSync(de, 'utf8').replace(/^title: .*$/m, `title: ${COMPOUND}`).replace(/^  headline: .*$/m, `  headline: ${COMPOUND} der IG Metall`));
  out = path.join(dir, 'out');
  const run = runCli(['build', '--region', 'kiel', '--out', out], { cwd: dir });
  expect(run.stderr).not.toContain('✗');
  expect(run.status).toBe(0);
});

describe.each(Object.keys(PAGES) as Array<keyof typeof PAGES>)('%s', (template) => {
  it.each(['de', 'en', 'tr'])('%s: no text past the right margin, and the name broken only at its hyphens', async (locale) => {
    const pages = await textRuns(path.join(out, `zoom-datenschutz/kiel/zoom-datenschutz-kiel-${locale}-${template}.pdf`));
    const { width, side } = PAGES[template];
    for (const runs of pages) {
      for (const r of runs) expect([r.str, r.x1 <= width - side + 0.5]).toEqual([r.str, true]);
      for (const r of runs) expect(r.str).not.toMatch(/(Cux|CUX|Weser|WESER|Bremer|BREMER)-$/);
    }
  });

  it('de: a compound wider than the title or headline is hyphenated, inside its column', async () => {
    const runs = (await textRuns(path.join(out, `zoom-datenschutz/kiel/zoom-datenschutz-kiel-de-${template}.pdf`)))[0]!;
    const parts = runs.filter((r) => /^Videokonferenz|^vereinbarungen/.test(r.str.trim()));
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts[0]!.str.trim()).toMatch(/^Videokonferenz\p{L}*-$/u);
    // The info sheet's title stands beside the contact card: it must end before the card.
    const { width, side } = PAGES[template];
    const right = template === 'infoblatt' ? width - side - mm(64) - 16 : width - side;
    for (const r of parts) expect([r.str, r.x1 <= right + 0.5]).toEqual([r.str, true]);
  });
});
