import { describe, expect, it } from 'vitest';
import { createTypographer, knowsTypographyOf } from '../../src/content/typography.js';

describe('typography', () => {
  it('sets German, English and Turkish quotes from straight ones', () => {
    expect(createTypographer('de')('Der Dienst "Zoom" ist', '')).toBe('Der Dienst „Zoom“ ist');
    expect(createTypographer('en')('The service "Zoom" is', '')).toBe('The service “Zoom” is');
    expect(createTypographer('tr')('"Zoom" hizmeti', '')).toBe('“Zoom” hizmeti');
  });

  it('sets the quotes of the other languages it knows, and keeps Polish and Czech one-letter words off a line end', () => {
    expect(createTypographer('pl')('usługa "Zoom" w centrum i z nich', '')).toBe('usługa „Zoom” w\u00a0centrum i\u00a0z\u00a0nich');
    expect(createTypographer('ru')('сервис "Zoom" в центре', '')).toBe('сервис «Zoom» в\u00a0центре');
    expect(createTypographer('el')('η υπηρεσία "Zoom"', '')).toBe('η υπηρεσία «Zoom»');
    expect(createTypographer('cs')('služba "Zoom" a v práci', '')).toBe('služba „Zoom“ a\u00a0v\u00a0práci');
    // Before bold text or a link (a run of its own), and after an opening quote.
    const cs = createTypographer('cs');
    expect(cs('Sejdeme se v ', '')).toBe('Sejdeme se v\u00a0');
    expect(cs('Praze', ' ')).toBe('Praze');
    expect(cs('‚v domě‘', '')).toBe('‚v\u00a0domě‘');
    // A letter that ends a word of the run before is no word of its own.
    expect(cs('v praze', 'a')).toBe('v praze');
    expect(cs('v praze', ' ')).toBe('v\u00a0praze');
    // Not in other languages: "a" is English's article, and may end an English line.
    expect(createTypographer('en')('a service', '')).toBe('a service');
    expect(knowsTypographyOf('pl')).toBe(true);
    expect(knowsTypographyOf('fr')).toBe(false);
  });

  it('leaves real quotes alone and turns apostrophes and spaced hyphens into their characters', () => {
    const de = createTypographer('de');
    // A dash between words is held to the word before it: it ends a line, never starts one.
    expect(de('„Zoom“ – schon richtig', '')).toBe('„Zoom“\u00a0– schon richtig');
    expect(de("geht's - oder ...", '')).toBe('geht’s\u00a0– oder …');
    expect(createTypographer('en')('meetings — and more', '')).toBe('meetings\u00a0— and more');
    expect(de('Mo–Do', '')).toBe('Mo–Do');
  });

  it('opens a quote after a bracket, takes "--" for a dash, and does not carry an unclosed quote into the next text', () => {
    const de = createTypographer('de');
    expect(de('(siehe "Zoom") ("Teams")', '')).toBe('(siehe „Zoom“) („Teams“)');
    expect(de('Metall -- Regeln', '')).toBe('Metall\u00a0– Regeln');
    // A quote left open at the end of one field: the next field starts afresh, its apostrophe one.
    const fresh = createTypographer('de');
    fresh("Die 'Zoom-App", '');
    expect(fresh("Hans' Idee", '')).toBe('Hans’ Idee');
  });

  it('closes a German single quote with ‘, keeping ’ for apostrophes, also across runs', () => {
    const de = createTypographer('de');
    expect(de("Wir sagen 'in Zukunft', und geht's?", '')).toBe('Wir sagen ‚in Zukunft‘, und geht’s?');
    expect(de("Hans' Idee", '')).toBe('Hans’ Idee');
    // '**in Zukunft**': the quotes stand in the runs before and after the bold one.
    expect(de("sagen '", '')).toBe('sagen ‚');
    expect(de('in Zukunft', "'")).toBe('in Zukunft');
    expect(de("' und", 't')).toBe('‘ und');
    expect(createTypographer('en')("say 'soon', it's", '')).toBe('say ‘soon’, it’s');
  });

  it('sets an apostrophe, not an opening quote, where it begins a word for what was left out', () => {
    const de = createTypographer('de');
    expect(de("'s Wetter im Jahr '26 und die '90er", '')).toBe('’s Wetter im Jahr ’26 und die ’90er');
    // Then a quote opened after it closes as a quote.
    expect(de("So war's 'damals' im Jahr '26.", '')).toBe('So war’s ‚damals‘ im Jahr ’26.');
    expect(createTypographer('en')("rock 'n' roll, 'til then, say 'nothing'", '')).toBe('rock ’n’ roll, ’til then, say ‘nothing’');
    // A quote that starts with such letters is still a quote; three digits are no year.
    expect(de("'Sonne' und '123'", '')).toBe('‚Sonne‘ und ‚123‘');
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
    expect(en('Mon–Thu 9 am–4 pm, Fri 9 am–1 pm', '')).toBe('Mon–Thu\u00a09\u00a0am–4\u00a0pm, Fri\u00a09\u00a0am–1\u00a0pm');
    const de = createTypographer('de');
    expect(de('Mo–Do 9–16 Uhr, 20 % nach § 5 und Art. 6 DSGVO', '')).toBe('Mo–Do\u00a09–16\u00a0Uhr, 20\u00a0% nach §\u00a05 und Art.\u00a06 DSGVO');
    // Only whole unit words: "9 amtliche" breaks as usual.
    expect(de('9 amtliche und 3 Fälle', '')).toBe('9 amtliche und 3 Fälle');
  });

  it('keeps a number with a span of time, in each language and with Turkish endings', () => {
    // A walk found "nach 6 / Stunden" and "9 / saatten" at line ends.
    const de = createTypographer('de');
    expect(de('30 Minuten Pause nach 6 Stunden, 1 Tag, 2 Wochen, 12 Monate, 3 Jahren', '')).toBe('30 Minuten Pause nach 6 Stunden, 1 Tag, 2 Wochen, 12 Monate, 3 Jahren');
    const en = createTypographer('en');
    expect(en('after 6 hours, 1 day, 30 minutes', '')).toBe('after 6 hours, 1 day, 30 minutes');
    const tr = createTypographer('tr');
    expect(tr('9 saatten fazla, 30 dakikalık mola, 6 ayda bir, 2 yıl', '')).toBe('9 saatten fazla, 30 dakikalık mola, 6 ayda bir, 2 yıl');
    // A Turkish word that only starts like "ay" is not a month: "2 aynı" breaks as usual.
    expect(tr('2 aynı', '')).toBe('2 aynı');
  });

  it('keeps a weekday with the time after it, in each language', () => {
    const de = createTypographer('de');
    expect(de('Di und Do 10–18 Uhr, Fr. 9 Uhr, freitags 9 Uhr', '')).toBe('Di und Do\u00a010–18\u00a0Uhr, Fr.\u00a09\u00a0Uhr, freitags\u00a09\u00a0Uhr');
    const tr = createTypographer('tr');
    expect(tr('Pzt–Per 9–16, Cum 9–13; Salı ve Perşembe 10–18', '')).toBe('Pzt–Per\u00a09–16, Cum\u00a09–13; Salı ve Perşembe\u00a010–18');
    const en = createTypographer('en');
    expect(en('Tuesdays 10 am', '')).toBe('Tuesdays\u00a010\u00a0am');
    // Only whole words before a number: "Also 9", "Dose 5", "Sonntags" without a time stay as they are.
    expect(de('Also 9 Fälle, Dose 5 und Sonntags frei', '')).toBe('Also 9 Fälle, Dose 5 und Sonntags frei');
  });
});
