import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/exit-codes.js';
import { templateIds, templateSpecs } from '../../templates/index.js';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';
import { sharedMatrix } from '../helpers/shared-build.js';
import { readPdf } from '../helpers/pdf.js';
import { decodeQr, pageBoxes, textRuns } from '../helpers/print.js';

/**
 * The flyer (A5, front and back) and the notice-board poster (A3, one page), every language, for
 * two regions (Lüneburg has the longest contact block: hours, no web address): page count and
 * size, the short form from the flyer block, the QR code read back from the pixels, and nothing
 * within 5 mm of the edge.
 */

import { mm } from '../../src/units.js';
const locales = ['de', 'en', 'tr'] as const;
const templates = templateIds.filter((id) => templateSpecs[id]!.flyer);
const regions = ['kiel', 'lueneburg'] as const;
const qrTargets = { de: 'https://www.example.org/zoom-datenschutz', en: 'https://www.example.org/en/zoom-datenschutz', tr: 'https://www.example.org/tr/zoom-datenschutz' };
const file = (out: string, region: string, locale: string, template: string) => path.join(out, `zoom-datenschutz/${region}/zoom-datenschutz-${region}-${locale}-${template}.pdf`);

let out: string;
beforeAll(() => {
  const shared = sharedMatrix();
  expect(shared.run.status, shared.run.stderr).toBe(0);
  out = shared.out;
});

describe.each(templates)('%s', (template) => {
  const spec = templateSpecs[template]!;
  it.each(locales)('%s: declared pages and format, nothing near the edge', async (locale) => {
    for (const region of regions) {
      const f = file(out, region, locale, template);
      const boxes = await pageBoxes(f);
      expect(boxes).toHaveLength(spec.maxPages);
      for (const { media, trim } of boxes) {
        expect(media[2] - media[0]).toBeCloseTo(spec.format.width, 0);
        expect(media[3] - media[1]).toBeCloseTo(spec.format.height, 0);
        expect(trim).toEqual(media);
      }
      for (const runs of await textRuns(f)) {
        for (const run of runs) {
          expect(run.x0, run.str).toBeGreaterThanOrEqual(mm(5));
          expect(run.x1, run.str).toBeLessThanOrEqual(spec.format.width - mm(5));
          expect(run.y0, run.str).toBeGreaterThanOrEqual(mm(5));
          expect(run.y1, run.str).toBeLessThanOrEqual(spec.format.height - mm(5));
        }
      }
    }
  });

  it.each(locales)('%s: ragged text divides a word only where a line would otherwise fall far short (line-breaks.ts)', async (locale) => {
    // With react-pdf's stretch per word space, the Turkish lead ("vaz-/geçilmez", "hiz-/meti") and
    // the German poster ("Datenschutz-/vereinbarung") were divided where a line fell 9 % short.
    for (const region of regions) {
      const text = (await readPdf(readFileSync(file(out, region, locale, template)))).text;
      expect([region, text.match(/\p{L}-\n\p{Ll}+/gu)]).toEqual([region, null]);
    }
  });

  it('opens without the bookmarks panel, having no bookmarks (the info sheet opens with its outline)', async () => {
    const f = file(out, 'kiel', 'de', template);
    expect((await readPdf(readFileSync(f))).outline).toEqual([]);
    const catalog = execFileSync('qpdf', ['--json', '--json-key=qpdf', f], { encoding: 'utf8' });
    expect(catalog).toContain('"/Type": "/Catalog"');
    expect(catalog).not.toContain('/UseOutlines');
  });

  it.each(locales)('%s: the QR code leads to the link of the flyer block', (locale) => {
    expect(decodeQr(file(out, 'kiel', locale, template), 1, template === 'aushang' ? 100 : 150)).toBe(qrTargets[locale]);
  });
});

describe('the short form', () => {
  it('prints headline, every key point, the lead and the contact in the right language', async () => {
    const de = await readPdf(readFileSync(file(out, 'lueneburg', 'de', 'flyer')));
    const text = de.text.replace(/-\n/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('Sicher dabei in Zoom-Meetings der IG Metall');
    expect(text).toContain('DAS WICHTIGSTE IN KÜRZE');
    expect(text).toContain('Gegen „Zoom-Bombing“ schützen');
    expect(text).toContain('Videokonferenzen sind in Zeiten von Corona');
    expect(text).toContain('Mo–Do 8:30–16 Uhr');
    expect(de.info.Title).toBe('Zoom-Meeting und Datenschutz');
    const tr = (await readPdf(readFileSync(file(out, 'kiel', 'tr', 'aushang')))).text;
    expect(tr).toContain('EN ÖNEMLİ NOKTALAR');
    expect(tr).toContain('Daha fazla bilgi');
    expect(tr).toContain('İLETİŞİM');
    const en = (await readPdf(readFileSync(file(out, 'kiel', 'en', 'aushang')))).text;
    expect(en).toContain('“Zoombombing”');
  });

  it('falls back to the region’s web address, and says so when there is none', () => {
    const dir = tempDir(contentDir);
    const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
    writeFileSync(de, readFileSync(de, 'utf8').replace(/^  link: .*\n/m, ''));
    const r = runCli(['build', '--template', 'flyer', '--locale', 'de', '--region', 'kiel,lueneburg'], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    expect(r.stderr).toMatch(/de\.yaml:\d+:\d+  error  [a-z.]*: ?the QR code of the flyer has no target: the flyer block has no link and region "lueneburg" has no web address/);
    expect(decodeQr(path.join(dir, 'out/zoom-datenschutz/kiel/zoom-datenschutz-kiel-de-flyer.pdf'))).toBe('https://www.example.org/kiel');
    expect(existsSync(path.join(dir, 'out/zoom-datenschutz/lueneburg/zoom-datenschutz-lueneburg-de-flyer.pdf'))).toBe(false);
  });

  it('is validated: 3–6 points, https links only, no Markdown', () => {
    const dir = tempDir(contentDir);
    const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
    const original = readFileSync(de, 'utf8');
    writeFileSync(de, original.replace('link: https://', 'link: http://').replace(/    - Keine App.*\n/, '    - Keine App\n    - a\n    - b\n'));
    const r = runCli(['build', '--template', 'flyer', '--locale', 'de', '--region', 'kiel'], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    expect(r.stderr).toMatch(/de\.yaml:\d+:5  error  flyer\.points: "points" has more than 6 entries/);
    expect(r.stderr).toMatch(/flyer\.link: "http:\/\/www\.example\.org\/zoom-datenschutz" is not a web address starting with https:\/\/\n\s+hint: Write a full address starting with https:\/\//);
    writeFileSync(de, original.replace('    - Keine App,', '    - Keine **App**,'));
    const md = runCli(['build', '--template', 'flyer', '--locale', 'de', '--region', 'kiel'], { cwd: dir });
    expect(md.status).toBe(ExitCode.content);
    expect(md.stderr).toMatch(/error  flyer\.points\[0\]: Markdown is not used in headings, titles and names/);
  });

  it('a text too long for the back of the flyer runs onto a third page, which check and build report as not fitting', () => {
    const dir = tempDir(contentDir);
    const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
    const long = 'Ein sehr langer Punkt, der viel zu viel erzählt und darum nicht mehr auf die Rückseite passt. '.repeat(3);
    writeFileSync(de, readFileSync(de, 'utf8').replace(/(    - )(Niemand|Gegen|Ist Zoom)/g, `$1${long}$2`));
    // Three pages, not two: the text wraps onto a new page of the same format instead of being
    // clipped or stretching the page (either would still count two pages and pass unnoticed).
    for (const command of ['check', 'build']) {
      const r = runCli([command, '--template', 'flyer', '--locale', 'de', '--region', 'kiel'], { cwd: dir });
      expect(r.status, r.stderr).toBe(ExitCode.content);
      expect(r.stderr).toMatch(/de\.yaml:\d+:1  error  flyer: zoom-datenschutz · kiel · de · flyer: runs to 3 pages; the template "flyer" has room for 2 pages, even with its type set smaller/);
      // Another region, laid out for the purpose, is too long as well: the text is what to shorten.
      expect(r.stderr).toContain('hint: It runs too long for other regions too: shorten the text until it fits; look at it in the preview: npx infoblatt preview --region kiel');
    }
    expect(existsSync(path.join(dir, 'out/zoom-datenschutz/kiel/zoom-datenschutz-kiel-de-flyer.pdf'))).toBe(false);
  });

  it("a region's contact details too long for the flyer: the finding points at them when other regions fit", () => {
    const dir = tempDir(contentDir);
    const kiel = path.join(dir, 'content/regions/kiel.yaml');
    const office = 'IG Metall Kiel-Neumünster Geschäftsstelle für Kiel, Neumünster und Umgebung '.repeat(6).trim();
    writeFileSync(kiel, readFileSync(kiel, 'utf8').replace(/ {2}office: .*/, `  office: ${office}`));
    const r = runCli(['check', '--template', 'flyer', '--locale', 'de', '--region', 'kiel,lueneburg'], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    // Not at the sheet's text, which fits for Lüneburg: the press office has nothing to shorten.
    expect(r.stderr).toMatch(/content\/regions\/kiel\.yaml:\d+:\d+  error  contact: zoom-datenschutz · kiel · de · flyer: runs to 3 pages/);
    expect(r.stderr).toContain("hint: The sheet fits for other regions: shorten this region's contact details");
    expect(r.stderr).not.toContain('de.yaml');
    // The clerk's own command, for Kiel alone: another region is laid out to compare.
    const alone = runCli(['check', '--template', 'flyer', '--locale', 'de', '--region', 'kiel'], { cwd: dir });
    expect(alone.status).toBe(ExitCode.content);
    expect(alone.stderr).toMatch(/content\/regions\/kiel\.yaml:\d+:\d+  error  contact: zoom-datenschutz · kiel · de · flyer: runs to 3 pages/);
    expect(alone.stderr).not.toContain('de.yaml');
  });

  it('a long office name: the poster sets its key points smaller and still fits on one page', async () => {
    const dir = tempDir(contentDir);
    const kiel = path.join(dir, 'content/regions/kiel.yaml');
    // Two lines of office name in the contact box: a few millimetres more than the page has.
    writeFileSync(kiel, readFileSync(kiel, 'utf8').replace(/office: .*/, 'office: IG Metall Kiel-Neumünster "Gewerkschaftshaus am Wilhelmplatz"'));
    const r = runCli(['build', '--template', 'aushang', '--region', 'kiel', '--json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(ExitCode.ok);
    const entry = (JSON.parse(r.stdout) as { variants: Array<{ locale: string; pages: number; tightness?: number }> }).variants.find((v) => v.locale === 'de')!;
    expect(entry).toMatchObject({ pages: 1, tightness: 1 });
    expect(r.stderr).toContain('zoom-datenschutz · kiel · de · aushang  1 page, type set smaller to fit (step 1 of 2)');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')) as { variants: Array<{ file: string; tightness?: number }> };
    expect(manifest.variants.find((v) => v.file.endsWith('kiel-de-aushang.pdf'))?.tightness).toBe(1);
    // The key points at 22 pt instead of 24; the office name and the headline as designed.
    const sizeOf = async (pdf: string, text: string) => (await textRuns(pdf))[0]!.find((t) => t.str.startsWith(text))!.size;
    const tight = file(path.join(dir, 'out'), 'kiel', 'de', 'aushang');
    const designed = file(out, 'kiel', 'de', 'aushang');
    expect(await sizeOf(designed, 'Keine App')).toBeCloseTo(24, 0);
    expect(await sizeOf(tight, 'Keine App')).toBeCloseTo(22, 0);
    expect(await sizeOf(tight, 'Sicher dabei')).toBeCloseTo(await sizeOf(designed, 'Sicher dabei'), 1);
  });

  it('translations cover the flyer block', () => {
    const lock = readFileSync(path.join(contentDir, 'sheets/zoom-datenschutz/translations.lock.yaml'), 'utf8');
    expect(lock.match(/^  flyer: [0-9a-f]{12}$/gm)).toHaveLength(2);
    const dir = tempDir(contentDir);
    const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
    writeFileSync(de, readFileSync(de, 'utf8').replace('headline: Sicher dabei', 'headline: Gut geschützt'));
    const status = JSON.parse(runCli(['translations', '--json'], { cwd: dir }).stdout).translations as Array<{ locale: string; units: Array<{ unit: string; state: string }> }>;
    expect(status.map((t) => [t.locale, t.units.find((u) => u.unit === 'flyer')?.state])).toEqual([['en', 'outdated'], ['tr', 'outdated']]);
  });
});

describe('a headline word wider than the poster', () => {
  it('is divided with its hyphen inside the margin (textkit counted every hyphen 5 pt wide)', async () => {
    const dir = tempDir(contentDir);
    const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
    writeFileSync(de, readFileSync(de, 'utf8').replace(/^ {2}headline: .*$/m, '  headline: Sicher dabei mit Arbeitnehmervertretungsdatenschutzgrundverordnung'));
    const r = runCli(['build', '--template', 'aushang', '--locale', 'de', '--region', 'kiel', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const runs = (await textRuns(file(path.join(dir, 'out'), 'kiel', 'de', 'aushang')))[0]!;
    const divided = runs.filter((run) => /\p{L}-$/u.test(run.str) && run.size > 30);
    expect(divided.length).toBeGreaterThan(0);
    for (const run of divided) expect(run.x1, run.str).toBeLessThanOrEqual(templateSpecs.aushang!.format.width - mm(20));
  });
});
