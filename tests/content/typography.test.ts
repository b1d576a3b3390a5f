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
});
