import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { templateIds, templateSpecs } from '../../templates/index.js';
import { BLEED, SLUG, cropMarks } from '../../src/pipeline/print.js';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';
import { sharedPrint } from '../helpers/shared-build.js';
import { readPdf } from '../helpers/pdf.js';
import { colourOperations, decodeQr, pageBoxes, pageDrawing, pagePixels, textRuns, type Box } from '../helpers/print.js';
import { parse } from 'yaml';
import { colourKey, inkTable } from '../../src/colours.js';
import type { BrandFile } from '../../src/content/schema.js';

/**
 * `build --print --archive` for every template and language of one region: the print version has
 * 3 mm bleed, TrimBox and BleedBox, crop marks outside the bleed, colour running into the bleed and
 * all text 5 mm inside the trim; the archival version carries what PDF/A-2b needs that can be read
 * from the file. Both are byte-identical from run to run and thread count to thread count.
 */

import { mm } from '../../src/units.js';
const templates = templateIds;
const locales = ['de', 'en', 'tr'] as const;
const base = (locale: string, template: string) => `zoom-datenschutz/kiel/zoom-datenschutz-kiel-${locale}-${template}`;

let out: string;
let manifest: { variants: Array<{ region: string; template: string; locale: string; file: string; print?: { file: string; pages: number }; archive?: { file: string; pages: number } }> };
beforeAll(() => {
  // Kiel's versions of the run's shared print build (tests/helpers/shared-build.ts), which has Hamburg's too.
  const shared = sharedPrint();
  expect(shared.run.status, shared.run.stderr).toBe(0);
  out = shared.out;
  manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
});

const close = (a: Box, b: Box) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 1));

describe.each(templates)('print version of %s', (template) => {
  const { width, height } = templateSpecs[template]!.format;

  it.each(locales)('%s: TrimBox is the format, BleedBox 3 mm around it, room for marks around that', async (locale) => {
    const pages = await pageBoxes(path.join(out, `${base(locale, template)}-print.pdf`));
    const screen = await pageBoxes(path.join(out, `${base(locale, template)}.pdf`));
    expect(pages).toHaveLength(screen.length);
    for (const { media, bleed, trim } of pages) {
      expect(trim[2] - trim[0]).toBeCloseTo(width, 0);
      expect(trim[3] - trim[1]).toBeCloseTo(height, 0);
      expect(bleed[2] - bleed[0]).toBeCloseTo(width + 17.01, 1);
      expect(bleed[3] - bleed[1]).toBeCloseTo(height + 17.01, 1);
      close(bleed, [trim[0] - BLEED, trim[1] - BLEED, trim[2] + BLEED, trim[3] + BLEED]);
      close(media, [0, 0, width + 2 * SLUG, height + 2 * SLUG]);
    }
    // The screen version is left as it is: A-format pages without boxes of their own.
    for (const { media, trim } of screen) expect(trim).toEqual(media);
  });

  it.each(locales)('%s: no text within 5 mm of the trim', async (locale) => {
    const f = path.join(out, `${base(locale, template)}-print.pdf`);
    const { trim } = (await pageBoxes(f))[0]!;
    for (const runs of await textRuns(f)) {
      for (const run of runs) {
        expect(run.x0, run.str).toBeGreaterThanOrEqual(trim[0] + mm(5));
        expect(run.x1, run.str).toBeLessThanOrEqual(trim[2] - mm(5));
        expect(run.y0, run.str).toBeGreaterThanOrEqual(trim[1] + mm(5));
        expect(run.y1, run.str).toBeLessThanOrEqual(trim[3] - mm(5));
      }
    }
  });

  it('crop marks lie outside the bleed; nothing else is printed there; edge colour runs into the bleed', async () => {
    const f = path.join(out, `${base('de', template)}-print.pdf`);
    const scale = 2;
    const png = pagePixels(f, 1, 72 * scale);
    const { media, bleed, trim } = (await pageBoxes(f))[0]!;
    const px = (x: number, y: number) => {
      const i = (Math.floor((media[3] - y) * scale) * png.width + Math.floor(x * scale)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!] as const;
    };
    const darkest = (x: number, y: number) => {
      let min = 255;
      for (let dy = -1; dy <= 1; dy += 0.5) for (let dx = -1; dx <= 1; dx += 0.5) min = Math.min(min, ...px(x + dx, y + dy));
      return min;
    };
    const marks = cropMarks(trim);
    const nearMark = (x: number, y: number) => marks.some(([x1, y1, x2, y2]) =>
      x >= Math.min(x1, x2) - 2 && x <= Math.max(x1, x2) + 2 && y >= Math.min(y1, y2) - 2 && y <= Math.max(y1, y2) + 2);
    for (const [x1, y1, x2, y2] of marks) {
      const outside = (x: number, y: number) => x < bleed[0] || x > bleed[2] || y < bleed[1] || y > bleed[3];
      expect(outside(x1, y1) && outside(x2, y2)).toBe(true);
      expect(darkest((x1 + x2) / 2, (y1 + y2) / 2), 'a crop mark is drawn').toBeLessThan(160);
    }
    // Outside the BleedBox only the crop marks carry ink.
    for (let y = 1; y < media[3] - 1; y += 1) {
      for (let x = 1; x < media[2] - 1; x += 1) {
        if (x > bleed[0] - 1 && x < bleed[2] + 1 && y > bleed[1] - 1 && y < bleed[3] + 1) continue;
        const [r, g, b] = px(x, y);
        if (r < 230 || g < 230 || b < 230) expect(nearMark(x, y), `ink at ${x},${y}`).toBe(true);
      }
    }
    if (template !== 'infoblatt') {
      // The colour band at the top and the footer band run to the bleed's edge.
      for (const [x, y] of [[bleed[0] + 1, bleed[3] - 1], [bleed[2] - 1, bleed[3] - 1], [bleed[0] + 1, bleed[1] + 1], [bleed[2] - 1, bleed[1] + 1]] as const) {
        const [r, g, b] = px(x, y);
        expect([r > 150, g < 100, b < 100], `red at ${x},${y}`).toEqual([true, true, true]);
      }
    }
  });
});

describe('print colours', () => {
  const brand = parse(readFileSync(path.join(contentDir, 'brand.yaml'), 'utf8')) as Pick<BrandFile, 'colors'> & { cmyk: NonNullable<BrandFile['cmyk']> };
  const inks = inkTable(brand.colors, brand.cmyk);
  const hex = (rgb: number[]) => colourKey(`rgb(${rgb.map((c) => Math.round(c * 255)).join(',')})`)!;

  it.each(templates)('%s: every colour the screen version draws is drawn in print as its CMYK value from brand.yaml, and no RGB is left', async (template) => {
    for (const locale of locales) {
      const screen = await pageDrawing(path.join(out, `${base(locale, template)}.pdf`));
      const print = await pageDrawing(path.join(out, `${base(locale, template)}-print.pdf`));
      expect(print).toHaveLength(screen.length);
      screen.forEach((page, i) => {
        const expected = colourOperations(page.content).map(([op, ...rgb]) => {
          expect(rgb, `${locale} page ${i + 1}: the screen version is RGB`).toHaveLength(3);
          const ink = inks.get(hex(rgb));
          expect(ink, `${hex(rgb)} has an ink`).toBeDefined();
          return [op, ...ink!.map((v) => v / 100)];
        });
        expect(expected.length).toBeGreaterThan(10);
        expect(colourOperations(print[i]!.content), `${locale} page ${i + 1}`).toEqual(expected);
        const lines = print[i]!.content.split('\n').map((l) => l.trim());
        expect(lines.filter((l) => / (rg|RG|g|G)$/.test(l) || l.includes('DeviceRGB'))).toEqual([]);
        expect(new Set(lines.filter((l) => / (cs|CS)$/.test(l)))).toEqual(new Set(['/DeviceCMYK cs', '/DeviceCMYK CS', '/Registration CS']));
      });
    }
    // Body text is black ink alone; the brand's text colour is #1D1D1B on screen.
    expect(colourOperations((await pageDrawing(path.join(out, `${base('de', template)}-print.pdf`)))[0]!.content)).toContainEqual(['scn', 0, 0, 0, 1]);
  });

  it.each(templates)('%s: black ink alone overprints, every other fill colour knocks out', async (template) => {
    for (const locale of locales) {
      for (const page of await pageDrawing(path.join(out, `${base(locale, template)}-print.pdf`))) {
        expect(page.graphicsStates.GsOverprint).toMatch(/\/op true/);
        expect(page.graphicsStates.GsOverprint).toMatch(/\/OPM 1/);
        expect(page.graphicsStates.GsKnockout).toMatch(/\/op false/);
        const lines = page.content.split('\n').map((l) => l.trim());
        let black = 0;
        lines.forEach((line, i) => {
          if (!/ scn$/.test(line)) return;
          const isBlack = line === '0 0 0 1 scn';
          black += isBlack ? 1 : 0;
          expect(lines.slice(i - 2, i), `${locale}: ${line}`).toEqual([isBlack ? '/GsOverprint gs' : '/GsKnockout gs', '/DeviceCMYK cs']);
        });
        expect(black).toBeGreaterThan(0);
      }
    }
  });

  it('crop marks are in the registration colour, on every plate', async () => {
    for (const page of await pageDrawing(path.join(out, `${base('en', 'flyer')}-print.pdf`))) {
      expect(page.colourSpaces).toEqual({ Registration: expect.stringMatching(/^\/Separation \/All \/DeviceCMYK <<.*\/C1 \[ 1 1 1 1 \]/s) });
      expect(page.content).toMatch(/\/Registration CS\n1 SC\n/);
    }
  });

  it('a brand without CMYK values gives RGB print versions and a warning naming brand.yaml', async () => {
    const dir = tempDir(contentDir);
    const content = path.join(dir, 'content');
    const file = path.join(content, 'brand.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\ncmyk:\n(  .*\n)+/, '\n'));
    const r = runCli(['build', '--content', content, '--out', path.join(dir, 'out'), '--region', 'kiel', '--locale', 'de', '--template', 'flyer', '--print']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/brand\.yaml:\d+:\d+  warning  colors: the brand gives no CMYK values, so the print versions are RGB/);
    const [page] = await pageDrawing(path.join(dir, 'out', `${base('de', 'flyer')}-print.pdf`));
    const ops = colourOperations(page!.content);
    expect(ops.length).toBeGreaterThan(10);
    for (const [, ...values] of ops) expect(values).toHaveLength(3);
  });
});

describe('a logo colour outside the brand', () => {
  it('is a warning in check, an error in check --print and build --print, and fine once cmyk gives it a value', async () => {
    const dir = tempDir(contentDir);
    const content = path.join(dir, 'content');
    const logo = path.join(content, 'logo.svg');
    writeFileSync(logo, readFileSync(logo, 'utf8').replace('<g fill="#FFFFFF">', '<g fill="#f2b200">'));
    const where = /content\/brand\.yaml:\d+:7  (warning|error)  logo: the logo paints with "#f2b200", which is none of the brand's colours and has no CMYK value/;
    // (One variant is enough: the brand's findings belong to every variant.)
    const check = runCli(['check', '--content', content, '--region', 'kiel', '--locale', 'de', '--template', 'flyer'], { cwd: dir });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr).toMatch(where);
    expect(check.stderr).toContain('warning  logo:');
    const strict = runCli(['check', '--content', content, '--print'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('error  logo:');
    expect(strict.stderr).toContain('"#F2B200": [cyan, magenta, yellow, black]');
    const args = ['build', '--content', content, '--out', path.join(dir, 'out'), '--region', 'kiel', '--locale', 'de', '--template', 'flyer', '--print'];
    const failed = runCli(args, { cwd: dir });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(where);
    expect(existsSync(path.join(dir, 'out', `${base('de', 'flyer')}-print.pdf`))).toBe(false);

    const brand = path.join(content, 'brand.yaml');
    writeFileSync(brand, readFileSync(brand, 'utf8').replace(/(\ncmyk:\n(?:  .*\n)+)/, '$1  logo:\n    "#F2B200": [0, 30, 100, 5]\n'));
    const built = runCli(args, { cwd: dir });
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).not.toContain('logo:');
    const [front] = await pageDrawing(path.join(dir, 'out', `${base('de', 'flyer')}-print.pdf`));
    expect(colourOperations(front!.content)).toContainEqual(['scn', 0, 0.3, 1, 0.05]);
  });
});

describe('print files', () => {
  it('are listed in the manifest under their screen version and read like it', async () => {
    for (const template of templates) {
      for (const locale of locales) {
        const e = manifest.variants.find((v) => v.region === 'kiel' && v.template === template && v.locale === locale)!;
        expect(e.print).toMatchObject({ file: `${base(locale, template)}-print.pdf`, pages: templateSpecs[template]!.maxPages });
        expect(e.archive).toMatchObject({ file: `${base(locale, template)}-pdfa.pdf`, pages: templateSpecs[template]!.maxPages });
      }
    }
    const screen = await readPdf(readFileSync(path.join(out, `${base('de', 'infoblatt')}.pdf`)));
    const print = await readPdf(readFileSync(path.join(out, `${base('de', 'infoblatt')}-print.pdf`)));
    expect(print.text).toBe(screen.text);
    // pdf-lib writes the header of PDF 1.7; the document information is pdfkit's, unchanged.
    expect({ ...print.info, PDFFormatVersion: '' }).toEqual({ ...screen.info, PDFFormatVersion: '' });
    expect(print.links).toEqual(screen.links);
    expect(decodeQr(path.join(out, `${base('tr', 'flyer')}-print.pdf`))).toBe('https://www.example.org/tr/zoom-datenschutz');
  });

  it('pass qpdf --check and embed every font', () => {
    for (const template of templates) {
      for (const kind of ['print', 'pdfa']) {
        const f = path.join(out, `${base('de', template)}-${kind}.pdf`);
        expect(execFileSync('qpdf', ['--check', f], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
        const rows = execFileSync('pdffonts', [f], { encoding: 'utf8' }).trim().split('\n').slice(2);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row.split(/\s+/).at(-5), row).toBe('yes');
      }
    }
  });

  it('each have an identifier of their own (/ID), screen, print and archival versions alike', () => {
    const ids = templates.flatMap((template) => locales.flatMap((locale) => ['', '-print', '-pdfa'].map((kind) => {
      const trailer = execFileSync('qpdf', ['--show-object=trailer', path.join(out, `${base(locale, template)}${kind}.pdf`)], { encoding: 'utf8' });
      return /\/ID \[ <([0-9a-f]{32})>/.exec(trailer)?.[1];
    })));
    expect(ids.every(Boolean)).toBe(true);
    // pdfkit made it from title, author and dates: 3 identifiers (one per language) for 27 files.
    expect(new Set(ids).size).toBe(27);
  });

  it('are byte-identical whatever the number of threads, and only rendered when asked', () => {
    const again = tempDir();
    expect(runCli(['build', '--out', again, '--region', 'kiel', '--locale', 'de', '--template', 'flyer', '--print', '--archive', '--jobs', '2']).status).toBe(0);
    for (const kind of ['', '-print', '-pdfa']) {
      expect(readFileSync(path.join(again, `${base('de', 'flyer')}${kind}.pdf`)).equals(readFileSync(path.join(out, `${base('de', 'flyer')}${kind}.pdf`))), kind).toBe(true);
    }
    const plain = runCli(['build', '--out', again, '--region', 'kiel', '--locale', 'de', '--template', 'flyer', '--print', '--json']);
    expect(plain.stderr).toContain('nothing to render');
  });
});

describe('archival version (PDF/A-2b, what the file can show)', () => {
  it('writes a title with "&" and "<" into the XMP metadata as XML text', async () => {
    const dir = tempDir(contentDir);
    const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
    writeFileSync(de, readFileSync(de, 'utf8').replace(/^title: .*$/m, 'title: "Zoom & Datenschutz <Teil 1>"'));
    const r = runCli(['build', '--region', 'kiel', '--locale', 'de', '--template', 'infoblatt', '--archive'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const f = path.join(dir, 'out', `${base('de', 'infoblatt')}-pdfa.pdf`);
    const xmp = execFileSync('pdfinfo', ['-meta', f], { encoding: 'utf8' });
    // Unescaped, the packet was malformed XML and the file no PDF/A.
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Zoom &amp; Datenschutz &lt;Teil 1&gt;</rdf:li>');
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#)/);
    expect((await readPdf(readFileSync(f))).info.Title).toBe('Zoom & Datenschutz <Teil 1>');
  });

  it.each(templates)('%s: XMP metadata with pdfaid part 2 and conformance B, sRGB output intent, no transparency groups, no encryption', (template) => {
    for (const locale of locales) {
      const f = path.join(out, `${base(locale, template)}-pdfa.pdf`);
      const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', f], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 })) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown>; data?: string } }>] };
      const objects = json.qpdf[1];
      const trailer = objects.trailer!.value as Record<string, unknown>;
      expect(trailer['/Encrypt']).toBeUndefined();
      expect(trailer['/ID']).toBeDefined();
      const catalog = objects[String(trailer['/Root']).replace(' R', '').replace(/^/, 'obj:') + ' R']!.value!;
      const ref = (r: unknown) => objects[`obj:${String(r)}`]!;
      const intents = catalog['/OutputIntents'] as string[];
      expect(intents).toHaveLength(1);
      const intent = ref(intents[0]).value!;
      expect(intent['/S']).toBe('/GTS_PDFA1');
      expect(String(intent['/OutputConditionIdentifier'])).toContain('sRGB');
      const profile = ref(intent['/DestOutputProfile']).stream!;
      expect(profile.dict['/N']).toBe(3);
      const icc = Buffer.from(profile.data!, 'base64');
      expect(icc.subarray(36, 40).toString('latin1')).toBe('acsp');
      expect(icc.subarray(16, 20).toString('latin1')).toBe('RGB ');
      const xmp = Buffer.from(ref(catalog['/Metadata']).stream!.data!, 'base64').toString('utf8');
      expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
      expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
      for (const [id, o] of Object.entries(objects)) {
        const dict = o.value ?? o.stream?.dict;
        if (dict && typeof dict === 'object' && '/Group' in dict) throw new Error(`${f}: ${id} has a transparency group`);
        if (dict && (dict as Record<string, unknown>)['/S'] === '/Transparency') throw new Error(`${f}: ${id} is a transparency group`);
      }
    }
  });
});
