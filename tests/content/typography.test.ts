import { describe, expect, it } from 'vitest';
import { createTypographer } from '../../src/content/typography.js';

describe('typography', () => {
  it('sets German, English and Turkish quotes from straight ones', () => {
    expect(createTypographer('de')('Der Dienst "Zoom" ist', '')).toBe('Der Dienst „Zoom“ ist');
    expect(createTypographer('en')('The service "Zoom" is', '')).toBe('The service “Zoom” is');
    expect(createTypographer('tr')('"Zoom" hizmeti', '')).toBe('“Zoom” hizmeti');
  });

  it('leaves real quotes alone and turns apostrophes and spaced hyphens into their characters', () => {
    const de = createTypographer('de');
    expect(de('„Zoom“ – schon richtig', '')).toBe('„Zoom“ – schon richtig');
    expect(de("geht's - oder ...", '')).toBe('geht’s – oder …');
  });

  it('decides opening or closing from the previous run', () => {
    const de = createTypographer('de');
    expect(de('" war', 'm')).toBe('“ war');
    expect(de('"Zoom', ' ')).toBe('„Zoom');
  });

  it('binds abbreviations and the organisation name with no-break spaces', () => {
    const de = createTypographer('de', ['IG Metall']);
    expect(de('z. B. die IG Metall', '')).toBe('z.\u00a0B. die IG\u00a0Metall');
  });

  it('keeps a number with its unit and a section sign with its number', () => {
    const en = createTypographer('en');
    expect(en('Mon–Thu 9 am–4 pm, Fri 9 am–1 pm', '')).toBe('Mon–Thu 9\u00a0am–4\u00a0pm, Fri 9\u00a0am–1\u00a0pm');
    const de = createTypographer('de');
    expect(de('Mo–Do 9–16 Uhr, 20 % nach § 5 und Art. 6 DSGVO', '')).toBe('Mo–Do 9–16\u00a0Uhr, 20\u00a0% nach §\u00a05 und Art.\u00a06 DSGVO');
    // Only whole unit words: "9 amtliche" or "3 Stunden" break as usual.
    expect(de('9 amtliche und 3 Stunden', '')).toBe('9 amtliche und 3 Stunden');
  });
});
