import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFBool, PDFDict, PDFDocument, PDFName, PDFArray } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';
import { sharedPrint } from '../helpers/shared-build.js';
import { elementsOf, structureOf, textOf, type StructElement } from '../helpers/structure.js';
import { catalogues } from '../../templates/messages.js';
import { printsSections, templateIds } from '../../templates/index.js';

/**
 * The tagged PDF (src/pdf-structure.ts), read as assistive technology reads it: poppler's
 * structure tree with each element's text (`pdfinfo -struct-text`), pdf.js's for alternative
 * texts and languages, and the catalogue's flags.
 */

const LOCALES = ['de', 'en', 'tr'] as const;
const TEMPLATES = templateIds;
const sheetDir = path.join(contentDir, 'sheets/zoom-datenschutz');
interface SheetText {
  title: string;
  sections: Array<{ id: string; heading: string; body: string }>;
  flyer: { headline: string; points: string[]; link: string };
}
const sheet = (locale: string) => parse(readFileSync(path.join(sheetDir, `${locale}.yaml`), 'utf8')) as SheetText;
const brand = parse(readFileSync(path.join(contentDir, 'brand.yaml'), 'utf8')) as { organisation: string; footer: Record<string, string> };

/** Letters and digits only, words separated by one space: typography (quotes, dashes, no-break spaces) and line-end hyphens aside. */
const words = (text: string) => text.replace(/-\s*/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** The letters and digits of a text, sorted: the same characters in any order. */
const characters = (text: string) => [...text.replace(/[^\p{L}\p{N}]/gu, '')].sort().join('');

let out: string;
const file = (region: string, locale: string, template: string, kind = '') =>
  path.join(out, `zoom-datenschutz/${region}/zoom-datenschutz-${region}-${locale}-${template}${kind}.pdf`);

beforeAll(() => {
  // The run's shared print build (tests/helpers/shared-build.ts): Hamburg's and Kiel's versions.
  const shared = sharedPrint();
  expect(shared.run.status, shared.run.stderr).toBe(0);
  out = shared.out;
});

/** The body text of a page as poppler extracts it, without the strips at the top and the foot where the page furniture is. */
function bodyText(pdf: string, page: number, furniture: { top: number; bottom: number }): string {
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))!;
  const [width, height] = [Number(size[1]), Number(size[2])];
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-x', '0', '-y', String(furniture.top), '-W', String(Math.ceil(width)), '-H', String(Math.floor(height - furniture.top - furniture.bottom)), pdf, '-'], { encoding: 'utf8' });
}
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
/** The info sheet's running head and footer lie outside these (12 mm from the top, 16 mm from the foot). */
const INFOBLATT_FURNITURE = { top: 34, bottom: 45 };

async function structTrees(pdf: string) {
  type Node = { role?: string; alt?: string; lang?: string; children?: Node[] };
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), useSystemFonts: false, isEvalSupported: false }).promise;
  const all: Node[] = [];
  const walk = (node: Node) => {
    all.push(node);
    node.children?.forEach(walk);
  };
  for (let i = 1; i <= doc.numPages; i++) walk((await (await doc.getPage(i)).getStructTree()) as Node);
  await doc.destroy();
  return all;
}

describe.each(LOCALES)('the Hamburg info sheet in %s, as a screen reader reads it', (locale) => {
  let root: StructElement;
  beforeAll(() => {
    root = structureOf(file('hamburg', locale, 'infoblatt'));
  });

  it('has one Document element, one H1 (the title) and the section headings as H2 in content order', () => {
    expect(root.items).toHaveLength(1);
    expect((root.items[0] as StructElement).type).toBe('Document');
    const text = sheet(locale);
    expect(elementsOf(root, 'H1').map((h) => words(textOf(h)))).toEqual([words(text.title)]);
    const contact = catalogues[locale]!.contact.toLocaleUpperCase(locale);
    expect(elementsOf(root, 'H2').map((h) => words(textOf(h)))).toEqual([contact, ...text.sections.map((s) => s.heading)].map(words));
  });

  it('follows each heading with its section’s first paragraph', () => {
    const items = elementsOf(root);
    for (const section of sheet(locale).sections) {
      const at = items.findIndex((e) => e.type === 'H2' && words(textOf(e)) === words(section.heading));
      const next = items[at + 1]!;
      expect(next.type).toBe('P');
      const first = words(section.body).split(' ').slice(0, 6).join(' ');
      expect(words(textOf(next)).startsWith(first), `${section.id}: "${textOf(next).slice(0, 60)}…"`).toBe(true);
    }
  });

  it('holds every character of the pages’ body text, and none of the page furniture', () => {
    const pdf = file('hamburg', locale, 'infoblatt');
    const tree = textOf(root);
    const body = [1, 2].map((p) => bodyText(pdf, p, INFOBLATT_FURNITURE)).join('\n');
    expect(pageCount(pdf)).toBe(2);
    expect(characters(tree)).toBe(characters(body));
    // Page numbers, the footer line and the running head on page 2 are artifacts.
    const pageOf = catalogues[locale]!.pageOf;
    for (const furniture of [pageOf.replace('{page}', '1').replace('{pages}', '2'), pageOf.replace('{page}', '2').replace('{pages}', '2'), brand.footer[locale]!, ' · IG Metall']) {
      expect(tree).not.toContain(furniture);
    }
    // … which the page does show.
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
    expect(page2).toContain(brand.footer[locale]!);
    expect(page2).toContain(' · IG Metall');
  });

  it('makes the contact’s links Link elements that own their annotations', () => {
    const links = elementsOf(root, 'Link');
    expect(links.map(textOf)).toEqual(['+49 40 123456-0', 'hamburg@example.org', 'www.igmetall.de']);
    for (const link of links) expect(link.objects).toBe(1);
  });
});

describe('tagged PDF flags', () => {
  it.each(TEMPLATES.flatMap((t) => ['', '-print', '-pdfa'].map((kind) => [t, kind] as const)))('%s%s: MarkInfo Marked, DisplayDocTitle, links in the structure, qpdf --check clean', async (template, kind) => {
    const pdf = file('hamburg', 'de', template, kind);
    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))).toBe(PDFBool.True);
    expect(doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)).toBeDefined();
    let links = 0;
    for (const page of doc.getPages()) {
      expect(page.node.get(PDFName.of('StructParents'))).toBeDefined();
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const annot = annots!.lookup(i, PDFDict);
        if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
        links++;
        expect(annot.get(PDFName.of('StructParent'))).toBeDefined();
        expect(annot.get(PDFName.of('Contents'))).toBeDefined();
      }
    }
    expect(links).toBeGreaterThan(0);
    // The print version's crop marks are artifacts too: poppler finds the same tree in all three.
    expect(structureOf(pdf)).toEqual(structureOf(file('hamburg', 'de', template)));
  });
});

describe.each(LOCALES)('the Hamburg flyer and poster in %s', (locale) => {
  it.each(templateIds.filter((t) => !printsSections(t)))('%s: H1 headline, key points as a list, QR code a described figure inside its link', async (template) => {
    const pdf = file('hamburg', locale, template);
    const root = structureOf(pdf);
    const text = sheet(locale).flyer;
    expect(elementsOf(root, 'H1').map((h) => words(textOf(h)))).toEqual([words(text.headline)]);
    const lists = elementsOf(root, 'L');
    expect(lists).toHaveLength(1);
    const items = elementsOf(lists[0]!, 'LI');
    const shown = template === 'aushang' ? 5 : text.points.length;
    expect(items).toHaveLength(shown);
    items.forEach((item, i) => {
      expect(elementsOf(item, 'Lbl').map(textOf)).toEqual([String(i + 1)]);
      expect(elementsOf(item, 'LBody').map((b) => words(textOf(b)))).toEqual([words(text.points[i]!)]);
    });
    const figures = (await structTrees(pdf)).filter((n) => n.role === 'Figure');
    const address = text.link.replace(/^https:\/\//, '');
    expect(figures.map((f) => f.alt)).toEqual([
      catalogues[locale]!.logo.replace('{organisation}', 'IG Metall'),
      catalogues[locale]!.qrCode.replace('{address}', address),
    ]);
    expect(figures[1]!.alt).toContain(address);
    // The QR code's figure is inside the Link that owns its annotation.
    const qrLink = elementsOf(root, 'Link').find((l) => l.items.some((i) => typeof i !== 'string' && i.type === 'Figure'));
    expect(qrLink?.objects).toBe(1);
    // The footer (and on the flyer's back the repeated masthead) are artifacts: one logo, no footer line.
    expect(elementsOf(root, 'Figure')).toHaveLength(2);
    expect(textOf(root)).not.toContain(brand.footer[locale]!);
  });
});

describe('parts on two pages', () => {
  it('a paragraph the page break divides is one element', () => {
    const pdf = file('kiel', 'de', 'infoblatt');
    const paragraphs = elementsOf(structureOf(pdf), 'P').map(textOf);
    const lines = (page: number) => bodyText(pdf, page, INFOBLATT_FURNITURE).split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l.length > 30);
    const last = lines(1).at(-1)!;
    const first = lines(2)[0]!;
    expect(paragraphs.filter((p) => p.includes(last) && p.includes(first))).toHaveLength(1);
  });

  it('a list the page break divides is one L; a link in a paragraph is a Link inside it; text in another language says so', async () => {
    const dir = tempDir(contentDir);
    const region = path.join(dir, 'content/regions/kiel.yaml');
    const points = ['Es war bei Zoom-Meetings bisher möglich.', 'Damit konnte nachvollzogen werden, ob die Teilnehmer*innen eines Meetings ihren Blick auf den Bildschirm richteten oder nicht.', 'Es ist eine Funktion, die von einem Zoom-Administrator aktiv eingeschaltet werden musste.', 'Bei Videokonferenzen der IG Metall war das Tracking von Anfang an immer ausgestellt.', 'Mittlerweile wurde diese Funktion von Zoom entfernt.', 'Eye-Tracking ist gar nicht mehr möglich.'];
    const body = (lines: string[]) => lines.map((l) => `            ${l}`).join('\n');
    writeFileSync(region, `${readFileSync(region, 'utf8')}
overrides:
  zoom-datenschutz:
    de:
      sections:
        datenspeicherung:
          body: |
${body(sheet('de').sections.find((s) => s.id === 'datenspeicherung')!.body.split('\n\n').slice(0, 2).join('\n\n').split('\n'))}

            Was das „Eye-Tracking“ betrifft:

${body(points.map((p) => `- ${p}`))}

            Mehr dazu steht auf [den Seiten von Zoom](https://zoom.us/privacy).
`);
    // The English text lacks its last section: it is printed in German, and tagged as German.
    const en = path.join(dir, 'content/sheets/zoom-datenschutz/en.yaml');
    writeFileSync(en, readFileSync(en, 'utf8').replace(/\n {2}- id: fazit\n[\s\S]*?\n(?=\S)/, '\n'));
    const r = runCli(['build', '--region', 'kiel', '--template', 'infoblatt', '--locale', 'de', '--locale', 'en'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const pdf = path.join(dir, 'out/zoom-datenschutz/kiel/zoom-datenschutz-kiel-de-infoblatt.pdf');
    const root = structureOf(pdf);
    // The list starts on page 1 and ends on page 2 …
    expect(words(bodyText(pdf, 1, INFOBLATT_FURNITURE))).toContain(words(points[0]!));
    expect(words(bodyText(pdf, 2, INFOBLATT_FURNITURE))).toContain(words(points.at(-1)!));
    // … and is one list of six items, each a bullet and its paragraph.
    const lists = elementsOf(root, 'L');
    expect(lists).toHaveLength(1);
    const items = elementsOf(lists[0]!, 'LI');
    expect(items.map((item) => elementsOf(item, 'Lbl').map(textOf).join())).toEqual(points.map(() => '•'));
    expect(items.map((item) => elementsOf(item, 'LBody').flatMap((b) => elementsOf(b, 'P')).map((p) => words(textOf(p))).join())).toEqual(points.map(words));
    const withLink = elementsOf(root, 'P').find((p) => textOf(p).startsWith('Mehr dazu steht auf'))!;
    expect(withLink.items.filter((i) => typeof i !== 'string').map((i) => [(i as StructElement).type, textOf(i as StructElement), (i as StructElement).objects])).toEqual([['Link', 'den Seiten von Zoom', 1]]);
    expect(textOf(withLink)).toBe('Mehr dazu steht auf den Seiten von Zoom .');

    const english = await structTrees(path.join(dir, 'out/zoom-datenschutz/kiel/zoom-datenschutz-kiel-en-infoblatt.pdf'));
    const headings = english.filter((n) => n.role === 'H2');
    expect(headings.at(-1)!.lang).toBe('de');
    expect(headings.slice(0, -1).every((h) => h.lang === undefined)).toBe(true);
  });
});
