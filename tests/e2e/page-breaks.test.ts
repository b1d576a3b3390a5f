import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtures, root, tempDir } from '../helpers/cli.js';
import { readPdf, type PdfFacts } from '../helpers/pdf.js';

/**
 * Page breaks in long, heavily hyphenated German: sheets of made-up text (long compounds, many
 * sections) whose paragraph lengths vary from sheet to sheet, so page ends fall everywhere. Read
 * back from the PDFs: no heading ends a page, and no paragraph that fits on a page is moved off
 * it. (react-pdf moved such a paragraph whole when only its bottom margin did not fit: in one of
 * these sheets the first paragraph under "Abschnitt 0" went to page 2 and left its heading alone
 * at the foot of page 1, above a quarter of a page of white.)
 */

const WORDS = 'Datenschutzgrundverordnung Beschäftigtendatenschutz Videokonferenzanwendung Betriebsvereinbarung Informationssicherheit Arbeitnehmervertretung Zugangsberechtigungen Verschlüsselungsverfahren Teilnehmerverwaltung Gewerkschaftsarbeit und die der mit für ist'.split(' ');
/**
 * A repeatable text: the same seed gives the same sheet on every machine. Each section has a
 * lead-in and its list ("… so geht ihr vor:"), whose first item is 2–3 lines; the lead-in opens
 * every other section (`leadInFirst`: every one), a heading over a lead-in over a list.
 */
function sheetText(seed: number, { first = 200, leadInFirst = false, leadIn = 0 } = {}): { yaml: string; firstWords: string[] } {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const paragraph = (words: number) => `${Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ')}.`;
  const sections = [{ heading: 'Erster Abschnitt', body: [paragraph(first)] }];
  const lead = leadIn > 0 ? `${paragraph(leadIn).slice(0, -1)}, so geht ihr vor:` : 'So geht ihr vor:';
  const list = () => [lead, '', ...Array.from({ length: 3 }, (_, i) => `${i + 1}. ${paragraph(10 + Math.floor(next() * 25))}`)].join('\n      ');
  for (let k = 0; k < 6; k++) {
    const paragraphs = [paragraph(40 + Math.floor(next() * 60)), paragraph(30 + Math.floor(next() * 50))];
    sections.push({ heading: `Abschnitt ${k}`, body: leadInFirst || k % 2 === 0 ? [list(), ...paragraphs] : [...paragraphs, list()] });
  }
  const yaml = ['title: Seitenumbrüche', 'kicker: Test für {region.name}', 'lead: Vorspann.', 'sections:', ...sections.flatMap((s, i) => [
    `  - id: abschnitt-${i}`, `    heading: ${s.heading}`, '    body: |', ...s.body.flatMap((p, j) => [...(j > 0 ? [''] : []), `      ${p}`]),
  ])].join('\n');
  return { yaml: `${yaml}\n`, firstWords: sections.map((s) => s.body[0]!.split(' ').slice(0, 3).join(' ')) };
}

const pdfs: Array<{ facts: PdfFacts; firstWords: string[] }> = [];
let sheets = 0;

beforeAll(async () => {
  const dir = tempDir(path.join(fixtures, 'minimal'));
  // Eight sheets of random lengths, and a sweep: the first section a few lines longer each time,
  // so that a page ends at every point of a heading over a two-line lead-in over a list.
  const texts = [
    ...Array.from({ length: 8 }, (_, i) => sheetText(i + 1)),
    ...Array.from({ length: 12 }, (_, i) => sheetText(101 + i, { first: 150 + 9 * i, leadInFirst: true, leadIn: 16 })),
  ];
  sheets = texts.length;
  texts.forEach((text, i) => {
    const sheet = path.join(dir, 'content/sheets', `umbruch-${i + 1}`);
    mkdirSync(sheet, { recursive: true });
    writeFileSync(path.join(sheet, 'sheet.yaml'), `id: umbruch-${i + 1}\ndate: 2026-11-27\nsource_locale: de\nlocales: [de]\ntemplates: [infoblatt]\n`);
    writeFileSync(path.join(sheet, 'de.yaml'), text.yaml);
  });
  // These sheets run to four pages, more than the info sheet's two, so `build` would report them
  // and write nothing: they are rendered through the library, as built (dist/, where the page
  // break rules are hooked into react-pdf).
  const lib = (await import(pathToFileURL(path.join(root, 'dist/index.js')).href)) as typeof import('../../src/index.js');
  const content = lib.validateContent(lib.loadContent(path.join(dir, 'content')), lib.templateIds);
  const renderer = await lib.createRenderer({ threads: 1, pooled: false });
  try {
    for (let i = 0; i < sheets; i++) {
      const key = { sheet: `umbruch-${i + 1}`, region: 'testort', locale: 'de', template: 'infoblatt' };
      const model = lib.resolveVariant(content, key).model!;
      const { pdf } = await renderer.render({ template: 'infoblatt', model, brand: lib.resolveBrand(content, model), font: content.brand!.font });
      pdfs.push({ facts: await readPdf(pdf), firstWords: texts[i]!.firstWords });
    }
  } finally {
    await renderer.close();
  }
}, 120_000);

describe('page breaks in long German text', () => {
  it('never end a page with a heading', () => {
    for (const { facts } of pdfs) {
      for (const page of facts.pages.slice(0, -1)) {
        const lines = page.split('\n').filter((l) => l.trim() && !/Seite \d+ von \d+/.test(l));
        expect(lines.at(-1)).not.toMatch(/^(Erster Abschnitt|Abschnitt \d)$/);
      }
    }
  });

  it('never end a page with the paragraph that leads into a list', () => {
    let leadIns = 0;
    for (const { facts } of pdfs) {
      for (const page of facts.pages.slice(0, -1)) {
        const lines = page.split('\n').filter((l) => l.trim() && !/Seite \d+ von \d+/.test(l));
        expect(lines.at(-1)).not.toMatch(/vor:$/);
      }
      leadIns += facts.pages.join('\n').match(/geht\s+ihr\s+vor:/gi)?.length ?? 0;
    }
    expect(leadIns).toBe(sheets * 6);
  });

  it('never start a page with the last item of a list alone', () => {
    for (const { facts } of pdfs) {
      for (const page of facts.pages.slice(1)) {
        // After the running head, the page's first line of text.
        const lines = page.split('\n').filter((l) => l.trim() && !l.includes(' · '));
        expect(lines[0]).not.toMatch(/^3\. /);
      }
    }
  });

  it('keep a heading and the start of its first paragraph on the same page', () => {
    for (const { facts, firstWords } of pdfs) {
      const headings = ['Erster Abschnitt', ...Array.from({ length: 6 }, (_, k) => `Abschnitt ${k}`)];
      headings.forEach((heading, i) => {
        const page = facts.pages.findIndex((p) => p.split('\n').some((l) => l.trim() === heading));
        expect([heading, facts.pages[page]!.replace(/\s+/g, ' ')]).toEqual([heading, expect.stringContaining(firstWords[i]!)]);
      });
    }
  });
});
