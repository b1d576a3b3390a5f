import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/content/markdown.js';
import { localize, resolveBrand, resolveVariant } from '../../src/pipeline/resolve.js';
import { formatDate } from '../../src/locale.js';
import { contentDir, tempDir } from '../helpers/cli.js';
import { minimalWith, validate } from '../helpers/content.js';

const hamburg = { sheet: 'zoom-datenschutz', region: 'hamburg', locale: 'de', template: 'infoblatt' };
const nb = (s: string) => s.replace(/\u00a0/g, ' ');

describe('resolveVariant', () => {
  const content = validate(contentDir);
  const { model, findings } = resolveVariant(content, hamburg);

  it('fills the region into the sheet text', () => {
    expect(findings).toEqual([]);
    expect(nb(model!.kicker)).toBe('Videokonferenzen der IG Metall Region Hamburg');
    expect(model!.region).toEqual({ id: 'hamburg', name: 'Region Hamburg', lang: 'de' });
    // The contact details' words are typeset: the organisation, "16 Uhr" and "Fr 9" do not break apart.
    expect(model!.contact).toMatchObject({ office: 'IG\u00a0Metall Region Hamburg', postcode: '20097', hours: 'Mo–Do\u00a09–16\u00a0Uhr, Fr\u00a09–13\u00a0Uhr' });
  });

  it("appends the region's own practice after the sheet's text of a section", () => {
    const section = model!.sections.find((s) => s.id === 'aufzeichnung')!;
    const text = nb(plainText(section.blocks));
    expect(text.indexOf('Aufzeichnungen durch das Programm selbst')).toBe(0);
    expect(text).toContain('Wir haben uns als IG Metall Region Hamburg dazu entschieden, grundsätzlich keine Videokonferenzen aufzuzeichnen');
    // The sheet itself claims no practice: without Hamburg's layer the section stops after Zoom's own behaviour.
    const sheetOnly = content.sheets.get('zoom-datenschutz')!.texts.get('de')!.sections.find((s) => s.id === 'aufzeichnung')!;
    expect(plainText(sheetOnly.body.blocks)).not.toContain('Hamburg');
  });

  it('keeps the sections in order with stable ids and prints the date the German way', () => {
    expect(model!.sections.map((s) => s.id)).toEqual(['warum-zoom', 'sicherheitsluecken', 'aufzeichnung', 'zoom-bombing', 'datenspeicherung', 'nutzungsverbote', 'fazit']);
    expect(model!.dateText).toBe('5. Mai 2020');
    expect(formatDate('2020-05-05', 'en')).toBe('5 May 2020');
    expect(model!.messages.pageOf).toBe('Seite {page} von {pages}');
  });

  it('builds the metadata from organisation and region', () => {
    expect(model!.meta).toEqual({
      title: 'Zoom-Meeting und Datenschutz',
      author: 'IG Metall Region Hamburg',
      subject: 'Videokonferenzen der IG Metall Region Hamburg',
      keywords: ['Zoom', 'Videokonferenz', 'Datenschutz', 'Datensicherheit', 'Zoom-Bombing', 'IG Metall', 'Region Hamburg'],
    });
  });

  it('turns straight quotes into German ones and leaves links intact', () => {
    const m = resolveVariant(validate(minimalWith()), { sheet: 'kurz', region: 'testort', locale: 'de', template: 'infoblatt' }).model!;
    expect(m.lead.map((r) => r.text).join('')).toBe('Ein „kurzer“ Vorspann mit fettem Wort.');
    const runs = m.sections[0]!.blocks[0]!;
    expect(runs.kind === 'paragraph' && runs.runs.find((r) => r.href)).toEqual({ text: 'Link', href: 'https://example.org/info' });
  });

  // "https://example.org/{region.name}/x" printed "/URI (https://example.org/Region Hamburg/x)":
  // a space in the address, and a name could add "?", "#" or "/../" to it.
  it('percent-encodes a placeholder inside a link target, and keeps one that is the whole target', () => {
    const dir = minimalWith();
    const region = path.join(dir, 'regions/testort.yaml');
    writeFileSync(region, readFileSync(region, 'utf8').replace('name: Testort', 'name: Testort a/../b?c#d ü').replace('  city: Testort', '  city: Testort\n  email: info@example.org\n  web: https://www.example.org/testort?a=1'));
    const file = path.join(dir, 'sheets/kurz/de.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('[Link](https://example.org/info)',
      '[Link](https://example.org/{region.name}/x?ort={contact.city}), [Web]({contact.web}), [Mail](mailto:{contact.email})'));
    const m = resolveVariant(validate(dir), { sheet: 'kurz', region: 'testort', locale: 'de', template: 'infoblatt' }).model!;
    const runs = m.sections[0]!.blocks[0]!;
    expect(runs.kind === 'paragraph' && runs.runs.filter((r) => r.href).map((r) => r.href)).toEqual([
      'https://example.org/Testort%20a%2F..%2Fb%3Fc%23d%20%C3%BC/x?ort=Testort',
      'https://www.example.org/testort?a=1',
      'mailto:info@example.org',
    ]);
  });

  it('reports a placeholder whose value this region does not have, where it is used', () => {
    const file = path.join(minimalWith(), 'sheets/kurz/de.yaml');
    const text = readFileSync(file, 'utf8').replace('hilft weiter.', 'hilft weiter, Telefon {contact.phone}.');
    const r = resolveVariant(validate(minimalWith({ 'sheets/kurz/de.yaml': text })), { sheet: 'kurz', region: 'testort', locale: 'de', template: 'infoblatt' });
    expect(r.model).toBeUndefined();
    expect(r.findings.map((f) => [path.basename(f.file), f.line, f.column, f.message])).toEqual([
      ['de.yaml', 18, 72, '{contact.phone} is used here, but region "testort" has no contact.phone'],
    ]);
    expect(r.findings[0]!.hint).toContain('testort.yaml');
    // Written with spaces inside the braces, it is found all the same (it pointed at the text's start).
    const spaced = readFileSync(file, 'utf8').replace('hilft weiter.', 'hilft weiter, Telefon { contact.phone }.');
    const s = resolveVariant(validate(minimalWith({ 'sheets/kurz/de.yaml': spaced })), { sheet: 'kurz', region: 'testort', locale: 'de', template: 'infoblatt' });
    expect(s.findings.map((f) => [f.line, f.column])).toEqual([[18, 72]]);
  });

  it('reports a placeholder in a section a translation lacks in the source file, where it stands', () => {
    const dir = path.join(tempDir(contentDir), 'content');
    const sheetDir = path.join(dir, 'sheets/zoom-datenschutz');
    const en = path.join(sheetDir, 'en.yaml');
    writeFileSync(en, readFileSync(en, 'utf8').replace(/  - id: warum-zoom\n[^]*?(?=\n  - id: )/, ''));
    const de = path.join(sheetDir, 'de.yaml');
    writeFileSync(de, readFileSync(de, 'utf8').replace('heading: Warum nutzt die IG Metall Zoom?', 'heading: Warum nutzt {contact.phone} Zoom?'));
    const koeln = path.join(dir, 'regions/koeln.yaml');
    writeFileSync(koeln, readFileSync(koeln, 'utf8').replace(/^ {2}phone: .*\n/m, ''));
    const r = resolveVariant(validate(dir), { sheet: 'zoom-datenschutz', region: 'koeln', locale: 'en', template: 'infoblatt' });
    // It pointed into en.yaml, at the heading of another section, which holds no placeholder.
    const lines = readFileSync(de, 'utf8').split('\n');
    expect(r.findings.filter((f) => f.message.includes('{contact.phone}')).map((f) => `${path.basename(f.file)}:${f.line} ${f.message}`)).toEqual([
      `de.yaml:${lines.findIndex((l) => l.includes('{contact.phone}')) + 1} {contact.phone} is used here, but region "koeln" has no contact.phone`,
    ]);
  });
});

describe('resolveBrand', () => {
  const content = validate(contentDir);
  const en = resolveVariant(content, { ...hamburg, locale: 'en' }).model!;

  it('prints the footer in the variant’s language and holds only the word lists of the languages it prints', () => {
    const brand = resolveBrand(content, en);
    expect(brand.footer).toBe('IG Metall · Information for members');
    // brand.yaml divides words for German only: an English sheet prints no German.
    expect(brand.hyphenation).toBeUndefined();
    expect(resolveBrand(content, resolveVariant(content, hamburg).model!).hyphenation?.de).toContain('Datenschutz-vereinbarung');
  });

  it('adds the source language’s list when a part of the sheet falls back to it', () => {
    // As a section missing from en.yaml is resolved: printed in German, with German divisions.
    const fallback = { ...en, sections: en.sections.map((s, i) => (i === 0 ? { ...s, lang: 'de' } : s)) };
    expect(resolveBrand(content, fallback).hyphenation?.de).toContain('Datenschutz-vereinbarung');
  });
});

describe('localize', () => {
  it('prints a language’s form, a regional language its base language’s, else the fallback’s, else the first', () => {
    const name = { en: 'Munich', de: 'München', tr: 'Münih' };
    expect(localize(name, 'tr', 'de')).toBe('Münih');
    expect(localize(name, 'de-AT', 'en')).toBe('München');
    expect(localize(name, 'fr', 'de')).toBe('München');
    expect(localize({ en: 'Munich' }, 'fr', 'de')).toBe('Munich');
    expect(localize('Kiel', 'tr', 'de')).toBe('Kiel');
  });
});
