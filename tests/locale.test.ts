import { describe, expect, it } from 'vitest';
import { baseLanguage, capitals, forLocale, servesLocale } from '../src/locale.js';

describe('forLocale', () => {
  const table = { de: 'Seite', 'de-CH': 'Seite (CH)', en: 'Page' };

  it('takes the full tag first, then its language', () => {
    expect(forLocale(table, 'de-CH')).toBe('Seite (CH)');
    expect(forLocale(table, 'de-AT')).toBe('Seite');
    expect(forLocale(table, 'en')).toBe('Page');
  });

  it('finds nothing for a language the table lacks, or a name on Object’s prototype', () => {
    expect(forLocale(table, 'tr')).toBeUndefined();
    expect(forLocale(table, 'constructor')).toBeUndefined();
    expect(forLocale(table, undefined)).toBeUndefined();
  });

  it('tells which keys serve a locale: its own, and its language’s', () => {
    expect(servesLocale('de', 'de-AT')).toBe(true);
    expect(servesLocale('de-AT', 'de-AT')).toBe(true);
    expect(servesLocale('de-AT', 'de')).toBe(false);
    expect(servesLocale('dd', 'de')).toBe(false);
  });

  it('names the language of a tag', () => {
    expect(baseLanguage('tr-TR')).toBe('tr');
    expect(baseLanguage('de')).toBe('de');
  });
});

describe('capitals', () => {
  it('sets a text in capitals by its language, and a name in it by the name’s', () => {
    expect(capitals('Video konferanslar – IG Metall Leipzig', 'tr')).toBe('VİDEO KONFERANSLAR – IG METALL LEİPZİG');
    expect(capitals('Video konferanslar – IG Metall Leipzig', 'tr', [{ name: 'Leipzig', lang: 'de' }])).toBe('VİDEO KONFERANSLAR – IG METALL LEIPZIG');
    // With no-break spaces between its words, and more than once.
    expect(capitals('Frankfurt\u00a0am Main: iş – Frankfurt am Main', 'tr', [{ name: 'Frankfurt am Main', lang: 'de' }])).toBe('FRANKFURT\u00a0AM MAIN: İŞ – FRANKFURT AM MAIN');
    // A name of one form ("und") takes the general rules in every language's PDF.
    expect(capitals('Videokonferenzen der IG Metall Kiel', 'de', [{ name: 'Kiel', lang: 'und' }])).toBe('VIDEOKONFERENZEN DER IG METALL KIEL');
    expect(capitals('IG Metall Kiel video konferansları', 'tr', [{ name: 'Kiel', lang: 'und' }])).toBe('IG METALL KIEL VİDEO KONFERANSLARI');
    // A name in the text's own language follows it (a Turkish form of a name).
    expect(capitals('IG Metall Münih', 'tr', [{ name: 'Münih', lang: 'tr' }])).toBe('IG METALL MÜNİH');
  });
});
