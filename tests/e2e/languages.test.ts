import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf, unhyphenated, type PdfFacts } from '../helpers/pdf.js';
import { root } from '../helpers/cli.js';
import { sharedMatrix } from '../helpers/shared-build.js';
import { templateIds } from '../../templates/index.js';

/** Every region in every language, read back from the PDFs. */

const REGIONS = ['frankfurt', 'hamburg', 'kiel', 'koeln', 'leipzig', 'lueneburg', 'muenchen'];
const LOCALES = ['de', 'en', 'tr'] as const;
const pdfs = new Map<string, PdfFacts & { plain: string }>();
let outDir: string;
const file = (region: string, locale: string) => `zoom-datenschutz/${region}/zoom-datenschutz-${region}-${locale}-infoblatt.pdf`;

beforeAll(async () => {
  const { out, run } = sharedMatrix();
  outDir = out;
  expect(run.stderr).not.toMatch(/warning|error/);
  expect(run.status).toBe(0);
  for (const region of REGIONS) {
    for (const locale of LOCALES) {
      const facts = await readPdf(readFileSync(path.join(out, file(region, locale))));
      pdfs.set(`${region}/${locale}`, { ...facts, plain: unhyphenated(facts.text) });
    }
  }
});

const expected = {
  de: {
    title: 'Zoom-Meeting und Datenschutz', date: 'Stand: 5. Mai 2020', page: 'Seite 1 von 2', contact: 'KONTAKT',
    headings: ['Warum nutzt die IG Metall Zoom?', 'Sicherheitslücken bei Zoom', 'Aufzeichnung von Videomeetings', 'Zoom-Bombing', 'Speicherung und Weitergabe von Daten', 'Nutzungsverbote von Zoom', 'Fazit'],
    quote: '„Zoom“',
  },
  en: {
    title: 'Zoom meetings and data protection', date: 'As of 5 May 2020', page: 'Page 1 of 2', contact: 'CONTACT',
    headings: ['Why does IG Metall use Zoom?', 'Security flaws in Zoom', 'Recording video meetings'],
    quote: '“12345678”',
  },
  tr: {
    title: 'Zoom toplantıları ve veri koruma', date: 'Güncelleme: 5 Mayıs 2020', page: 'Sayfa 1 / 2', contact: 'İLETİŞİM',
    headings: ['IG Metall neden Zoom kullanıyor?', 'Zoom’daki güvenlik açıkları'],
    quote: '“12345678”',
  },
};

describe.each(LOCALES)('the %s PDFs', (locale) => {
  const e = expected[locale];

  it.each(REGIONS)('%s: title, headings, date, page numbers, contact heading and quotes of the language', (region) => {
    const pdf = pdfs.get(`${region}/${locale}`)!;
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.info.Title).toBe(e.title);
    expect(pdf.plain).toContain(e.date);
    expect(pdf.pages[0]).toContain(e.page);
    expect(pdf.plain).toContain(e.contact);
    expect(pdf.plain).toContain(e.quote);
    for (const h of e.headings) expect(pdf.plain).toContain(h);
    expect(pdf.outline[0]).toBe(e.headings[0]);
  });

  it('letter-spaced capitals read back as words (search, copy, screen readers)', () => {
    // Poppler reads a gap of 0.1 em as a word space: the contact heading came out "KO NTAKT".
    const words = (template: string) => execFileSync('pdftotext', [path.join(outDir, file('hamburg', locale).replace('infoblatt.pdf', `${template}.pdf`)), '-'], { encoding: 'utf8' });
    for (const template of templateIds) {
      expect(words(template).split('\n'), template).toContain(e.contact);
    }
  });

  it.each(REGIONS)('%s: no word is split across the page break', (region) => {
    // Page 1's last line of text, above its footer (the line with the page number).
    const lines = pdfs.get(`${region}/${locale}`)!.pages[0]!.split('\n').filter((l) => l.trim() && !l.includes(e.page));
    expect(lines.at(-1)).not.toMatch(/\p{L}-$/u);
  });

  it.each(REGIONS)('%s: no line ends with a weekday whose time is on the next', (region) => {
    const days = /(?:^|[\s–])(?:Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Pzt|Sal|Çar|Per|Cum|Cmt|Paz|Salı|Perşembe),?$/u;
    for (const page of pdfs.get(`${region}/${locale}`)!.pages) {
      for (const line of page.split('\n')) expect(line.trim()).not.toMatch(days);
    }
  });
});

describe('language details', () => {
  it('sets Turkish letters, dotted and dotless i included, and Turkish capitals', () => {
    const tr = pdfs.get('muenchen/tr')!.plain;
    for (const ch of ['ş', 'ğ', 'ı', 'İ', 'ç', 'Ş']) expect(tr).toContain(ch);
    expect(tr).toContain('IG METALL MÜNİH VİDEO KONFERANSLARI');
    expect(tr).not.toContain('MÜNIH');
    // A German name without a Turkish form keeps German capitals in a Turkish kicker.
    const leipzig = pdfs.get('leipzig/tr')!.plain;
    expect(leipzig).toContain('IG METALL LEIPZIG');
    expect(leipzig).not.toContain('LEİPZİG');
  });

  it('sets every region’s web and e-mail address on one line of its contact box, in every language', () => {
    for (const [key, pdf] of pdfs) {
      // An address broken by breakAddress ends its line with "@" or "/" (or the next starts with ".").
      const lines = pdf.text.split('\n').map((l) => l.trim());
      lines.forEach((line, i) => {
        if (/@|example\.org/.test(line)) expect(`${line} ${(lines[i + 1] ?? '').slice(0, 1)}`, key).not.toMatch(/[@/] |\s\.$/);
      });
    }
    expect(pdfs.get('muenchen/tr')!.text).toContain('www.example.org/muenchen');
  });

  it('uses each region’s name in each language', () => {
    expect(pdfs.get('muenchen/de')!.plain).toContain('VIDEOKONFERENZEN DER IG METALL MÜNCHEN');
    expect(pdfs.get('muenchen/en')!.plain).toContain('IG METALL MUNICH VIDEO CONFERENCES');
    expect(pdfs.get('koeln/en')!.plain).toContain('IG METALL COLOGNE');
    // Hamburg's German name has the organisation's word for its level, "Region"; the others do not.
    expect(pdfs.get('hamburg/de')!.info.Author).toBe('IG Metall Region Hamburg');
    expect(pdfs.get('hamburg/en')!.info.Author).toBe('IG Metall Hamburg');
    expect(pdfs.get('lueneburg/de')!.info.Author).toBe('IG Metall Lüneburg');
  });

  it('prints München’s recording practice in München’s PDFs only', () => {
    const marks = { de: 'eine Woche lang', en: 'for one week', tr: 'bir hafta boyunca' };
    for (const locale of LOCALES) {
      for (const region of REGIONS) {
        const has = pdfs.get(`${region}/${locale}`)!.plain.includes(marks[locale]);
        expect([region, locale, has]).toEqual([region, locale, region === 'muenchen']);
      }
    }
  });

  it('prints Hamburg’s no-recording practice and Frankfurt’s online registration only in theirs', () => {
    for (const region of REGIONS) {
      expect(pdfs.get(`${region}/de`)!.plain.includes('grundsätzlich keine Videokonferenzen aufzuzeichnen')).toBe(region === 'hamburg');
      expect(pdfs.get(`${region}/de`)!.plain.includes('Anmeldeformular auf unserer Internetseite')).toBe(region === 'frankfurt');
    }
  });

  it('rarely divides the words of two lines in a row (line-breaks.ts: DOUBLE_HYPHEN_DEMERITS)', () => {
    // react-pdf's own weight left three such pairs in each Turkish info sheet; German's long
    // compounds leave some where a justified line has no other way.
    const pairs = (text: string) => {
      const divided = text.split('\n').map((line, i, all) => /\p{L}-$/u.test(line) && /^\p{Ll}/u.test(all[i + 1] ?? ''));
      return divided.filter((d, i) => d && divided[i - 1]).length;
    };
    expect(Math.max(...REGIONS.map((region) => pairs(pdfs.get(`${region}/tr`)!.text)))).toBeLessThanOrEqual(1);
    expect(Math.max(...REGIONS.map((region) => pairs(pdfs.get(`${region}/en`)!.text)))).toBe(0);
  });

  it('breaks words only at hyphens: every word of every PDF is a word of the content', () => {
    // Built from the content files, the template's words and the printed dates. A word broken
    // without a hyphen ("ilet" + "işim") would leave fragments that are not in it.
    const sources = [...listFiles(path.join(root, 'content')), path.join(root, 'templates/messages.ts')].map((f) => readFileSync(f, 'utf8'));
    const vocabulary = new Set([...sources, 'Mai Mayıs May'].flatMap(words).flatMap((w) => [w.toLowerCase(), w.toLocaleLowerCase('tr')]));
    const known = (w: string) => /^\d+$/.test(w) || vocabulary.has(w.toLowerCase()) || vocabulary.has(w.toLocaleLowerCase('tr'));
    for (const [key, pdf] of pdfs) {
      // A word hyphenated across the page break continues after the next page's running header.
      const carried = [...pdf.text.matchAll(/(\p{L}+)-$/gmu)].map((m) => m[1]!);
      const strays = words(pdf.plain).filter((w) => !known(w) && !carried.some((head) => known(head + w)));
      expect([key, strays]).toEqual([key, []]);
    }
  });
});

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}’']+/u).map((w) => w.replace(/^['’]+|['’]+$/g, '')).filter(Boolean);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.yaml')).map((e) => path.join(e.parentPath, e.name));
}
