import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf, unhyphenated, type PdfFacts } from '../helpers/pdf.js';
import { runCli, tempDir, type CliRun } from '../helpers/cli.js';
import { sharedMatrix } from '../helpers/shared-build.js';

/**
 * The foundation's promise, checked from the PDF itself: `infoblatt build` renders the Hamburg
 * German info sheet as a complete, branded, deterministic A4 document.
 */

const FILE = 'zoom-datenschutz/hamburg/zoom-datenschutz-hamburg-de-infoblatt.pdf';
let out: string;
let run: CliRun;
let bytes: Buffer;
let pdf: PdfFacts;
let text: string;

beforeAll(async () => {
  out = tempDir();
  run = runCli(['build', '--template', 'infoblatt', '--out', out, '--region', 'hamburg', '--locale', 'de']);
  bytes = readFileSync(path.join(out, FILE));
  pdf = await readPdf(bytes);
  text = unhyphenated(pdf.text);
});

describe('the Hamburg German info sheet', () => {
  it('is built, reported and listed in the manifest', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/✓ zoom-datenschutz · hamburg · de · infoblatt {2}2 pages, \d+\.\d KiB, \d+ ms/);
    expect(run.stderr).toMatch(/1 built in \d+\.\d\d s/);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.variants).toEqual([
      expect.objectContaining({ sheet: 'zoom-datenschutz', region: 'hamburg', locale: 'de', template: 'infoblatt', file: FILE, pages: 2, bytes: bytes.length }),
    ]);
    expect(manifest.variants[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is two A4 pages with "Seite N von 2" on each', () => {
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages[0]).toContain('Seite 1 von 2');
    expect(pdf.pages[1]).toContain('Seite 2 von 2');
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(bytes.toString('latin1'))!;
    expect([Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
  });

  it('has the title, kicker, date and every section heading', () => {
    expect(pdf.pages[0]).toContain('Zoom-Meeting und Datenschutz');
    expect(text).toContain('VIDEOKONFERENZEN DER IG METALL REGION HAMBURG');
    expect(text).toContain('Stand: 5. Mai 2020');
    for (const heading of ['Warum nutzt die IG Metall Zoom?', 'Sicherheitslücken bei Zoom', 'Aufzeichnung von Videomeetings', 'Zoom-Bombing',
      'Speicherung und Weitergabe von Daten', 'Nutzungsverbote von Zoom', 'Fazit']) {
      expect(text).toContain(heading);
    }
  });

  it('restores the words the encoding accident broke, with German quotes', () => {
    for (const word of ['über', 'Größe', 'Qualität', 'Gründen', 'Geräte', 'Außerdem', 'Datenschutzgrundverordnung', 'ausschließlich',
      'Privatsphäre', 'Geschäftsstelle', 'vollständig – also', '„Zoom“', '„Zoom-Bombing“', '„12345678“', '„Eye-Tracking“']) {
      expect(text).toContain(word);
    }
    expect(text).not.toMatch(/\?Zoom\?|Qualitt|Gre der|"/);
  });

  it("carries Hamburg's own practice and contact details", () => {
    expect(text).toContain('Wir haben uns als IG Metall Region Hamburg dazu entschieden, grundsätzlich keine Videokonferenzen aufzuzeichnen');
    expect(text).toContain('Wir arbeiten zusätzlich mit einem sogenannten Warteraum');
    for (const detail of ['KONTAKT', 'IG Metall Region Hamburg', 'Besenbinderhof 60', '20097 Hamburg', '+49 40 123456-0', 'hamburg@example.org', 'www.igmetall.de']) {
      expect(text).toContain(detail);
    }
    expect(pdf.links).toEqual(expect.arrayContaining(['mailto:hamburg@example.org', 'https://www.igmetall.de/', 'tel:+49401234560']));
  });

  it('has complete metadata and an outline of the sections', () => {
    expect(pdf.info).toMatchObject({
      Title: 'Zoom-Meeting und Datenschutz',
      Author: 'IG Metall Region Hamburg',
      Subject: 'Videokonferenzen der IG Metall Region Hamburg',
      Creator: expect.stringMatching(/^infoblatt \d+\.\d+\.\d+$/),
      Producer: expect.stringMatching(/^infoblatt \d+\.\d+\.\d+/),
    });
    expect(String(pdf.info.Keywords)).toContain('Datenschutz');
    expect(bytes.toString('latin1')).toContain('/Lang (de)');
    expect(bytes.toString('latin1')).toContain('/PageMode /UseOutlines');
    expect(pdf.outline).toEqual(['Warum nutzt die IG Metall Zoom?', 'Sicherheitslücken bei Zoom', 'Aufzeichnung von Videomeetings', 'Zoom-Bombing',
      'Speicherung und Weitergabe von Daten', 'Nutzungsverbote von Zoom', 'Fazit']);
  });

  it('embeds every font as a subset of Source Sans 3', () => {
    const fonts = execFileSync('pdffonts', [path.join(out, FILE)], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) {
      const [name, , , , emb, sub] = line.split(/\s+/);
      expect(name).toMatch(/^[A-Z]{6}\+SourceSans3-/);
      expect([emb, sub]).toEqual(['yes', 'yes']);
    }
  });

  it('stays under 64 KiB', () => {
    expect(bytes.length).toBeLessThanOrEqual(64 * 1024);
  });

  it('is byte-identical when built again, and dated by SOURCE_DATE_EPOCH when set', async () => {
    // Again by another process, among all the other variants (the run's shared matrix): nothing a
    // build did before a variant, nor the order, changes its bytes.
    const again = sharedMatrix();
    expect(again.run.status).toBe(0);
    expect(readFileSync(path.join(again.out, FILE)).equals(bytes)).toBe(true);
    expect(pdf.info.CreationDate).toBe('D:20200505000000Z');

    const dated = tempDir();
    expect(runCli(['build', '--template', 'infoblatt', '--out', dated, '--region', 'hamburg', '--locale', 'de'], { env: { SOURCE_DATE_EPOCH: '1700000000' } }).status).toBe(0);
    const other = readFileSync(path.join(dated, FILE));
    expect(other.equals(bytes)).toBe(false);
    expect((await readPdf(other)).info.CreationDate).toBe('D:20231114221320Z');
  });
});
