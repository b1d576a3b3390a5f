import { describe, expect, it } from 'vitest';
import { breakAddress, breakAtHyphens, hyphenatorFor, wholeWhereItFits } from '../src/hyphenation.js';

const de = await hyphenatorFor('de');

describe('hyphenation', () => {
  it('splits German words by the German patterns', () => {
    // The patterns also allow "Da-ten…" and "er-fah…": breaks that leave under three letters go.
    expect(de('Datenschutzgrundverordnung')).toEqual(['Daten', 'schutz', 'grund', 'ver', 'ord', 'nung']);
    expect(de('Qualität')).toEqual(['Qua', 'li', 'tät']);
    expect(de('erfahren')).toEqual(['erfah', 'ren']);
  });

  it('does not use English patterns for German', async () => {
    // en-gb patterns split this word in places no German reader would accept.
    expect((await hyphenatorFor('en'))('Datenschutzgrundverordnung')).toEqual(['Datens', 'chutz', 'grundveror', 'd', 'nung']);
    expect(de('Datenschutzgrundverordnung')[0]).toBe('Daten');
  });

  it('keeps short words whole and leaves at least three letters on each side of a break', () => {
    expect(de('Zoom')).toEqual(['Zoom']);
    expect(de('Meeting')).toEqual(['Mee', 'ting']);
    for (const word of ['Geschäftsstelle', 'Aufmerksamkeitstracking', 'Videokonferenzen']) {
      const parts = de(word);
      expect(parts.join('')).toBe(word);
      expect(parts.at(-1)!.length).toBeGreaterThanOrEqual(3);
      expect(parts[0]!.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('breaks a compound at its own hyphens too, but never leaves a single letter there', () => {
    const parts = de('Social-Media-Kanäle');
    expect(parts.join('')).toBe('Social-Media-Kanäle');
    expect(parts.join('|')).toContain('cial-|Me');
    expect(parts.join('|')).toContain('dia-|Ka');
    expect(de('E-Mail-Adresse').join('|')).toMatch(/^E-Mail-\|/);
    expect(de('Zoom-Bombing').join('|')).toMatch(/^Zoom-\|/);
  });

  it('splits Turkish by Turkish patterns, keeping every letter', async () => {
    const tr = await hyphenatorFor('tr');
    expect(tr('kırıldığına')).toEqual(['kırıl', 'dı', 'ğına']);
    expect(tr('telefonla')).toEqual(['tele', 'fonla']);
    for (const word of ['İletişim', 'Çalışma', 'görüntülü']) expect(tr(word).join('')).toBe(word);
  });

  it('divides a Turkish word with a capital İ or I where the same word in lower case is divided', async () => {
    const tr = await hyphenatorFor('tr');
    // The patterns' package lowered "İ" to two characters: "İst-anbul", "İşy-eri", "İlet-işim".
    for (const word of ['İstanbul', 'İşyeri', 'İletişim', 'İŞÇİLER', 'Işıklar']) {
      expect([word, tr(word).map((p) => p.length)]).toEqual([word, tr(word.toLocaleLowerCase('tr')).map((p) => p.length)]);
    }
    expect(tr('İstanbul').join('|')).toBe('İstan|bul');
    expect(tr('İşçiler').join('|')).toBe('İşçi|ler');
  });

  it('keeps a Turkish name with its suffix whole, where Turkish patterns would split the name', async () => {
    const tr = await hyphenatorFor('tr');
    expect(tr('Facebook’tan')).toEqual(['Facebook’tan']);
    expect(tr('Tüzüğü’nün,')).toEqual(['Tüzüğü’nün,']);
    // The same name without a suffix is split like any word (the rule is the apostrophe's).
    expect(tr('Facebook').length).toBeGreaterThan(1);
    // English and German keep their own rules for an apostrophe ("meeting’s").
    expect((await hyphenatorFor('en'))('conferencing’s').length).toBeGreaterThan(1);
  });

  it('breaks an address in running text as an address, not by syllables', () => {
    expect(de('leipzig@example.org.')).toEqual(['leipzig@', 'example.org.']);
    expect(de('(https://www.example.org/wahlausschreiben-vereinfachtes)')).toEqual(['(https://', 'www.example', '.org/', 'wahlausschreiben', '-vereinfachtes)']);
    expect(de('Wahlausschreiben')).not.toEqual(['Wahlausschreiben']);
    // In quotes, as the German text writes it; the address ends where its link ends.
    expect(de('„www.igmetall.de/datenschutzvereinbarung“')).toEqual(['„www.igmetall', '.de/', 'datenschutzvereinbarung“']);
    // What is no link is split by syllables: a name on a domain without "www.", an "@" without a domain.
    expect(de('IG-Metall.de/Datenschutzvereinbarung').length).toBeGreaterThan(3);
    expect(de('Datenschutzvereinbarung@')).not.toEqual(breakAddress('Datenschutzvereinbarung@'));
  });

  it('divides a word of the organisation’s list only where its entry has a hyphen, whatever its case and punctuation', async () => {
    // The patterns allow "Prozes-/sorge…", which reads as "Sorge".
    expect(de('Prozessorgeschwindigkeit').join('|')).toContain('zes|sor|ge');
    const listed = await hyphenatorFor('de', ['Prozessor-geschwindigkeit', 'Explorer', 'Datenschutz-vereinbarung']);
    expect(listed('Prozessorgeschwindigkeit,')).toEqual(['Prozessor', 'geschwindigkeit,']);
    expect(listed('PROZESSORGESCHWINDIGKEIT')).toEqual(['PROZESSOR', 'GESCHWINDIGKEIT']);
    expect(listed('„Datenschutzvereinbarung“')).toEqual(['„Datenschutz', 'vereinbarung“']);
    expect(listed('Explorer)')).toEqual(['Explorer)']);
    // A part of a compound with its own hyphen is looked up on its own.
    expect(listed('Zoom-Datenschutzvereinbarung')).toEqual(['Zoom-', 'Datenschutz', 'vereinbarung']);
    // A word with hyphens of its own, listed as written, is divided at those only.
    const written = await hyphenatorFor('de', ['IG-Metall-Beschäftigten']);
    expect(written('IG-Metall-Beschäftigten,')).toEqual(['IG-', 'Metall-', 'Beschäftigten,']);
    expect(de('IG-Metall-Beschäftigten').length).toBeGreaterThan(3);
    // An entry saved decomposed ("a" + combining diaeresis) matches the word as the text writes it.
    expect((await hyphenatorFor('de', ['Soci\u0061\u0308l-kan\u0061\u0308le']))('Sociälkanäle')).toEqual(['Sociäl', 'kanäle']);
    // Parts joined by a slash are looked up one by one.
    expect(listed('Prozessorgeschwindigkeit/Datenschutzvereinbarung')).toEqual(['Prozessor', 'geschwindigkeit/', 'Datenschutz', 'vereinbarung']);
    // Only the word itself: another form keeps the patterns.
    expect(listed('Datenschutzvereinbarungen')).toEqual(de('Datenschutzvereinbarungen'));
    expect(listed('Datenschutzvereinbarungen').length).toBeGreaterThan(2);
  });

  it('keeps punctuation on the word', () => {
    expect(de('„Zoom-Bombing“').join('')).toBe('„Zoom-Bombing“');
    expect(de('Geschäftsstelle,').at(-1)!.endsWith(',')).toBe(true);
  });

  it('divides words joined by no-break spaces one by one, never at the joint, and never the organisation’s name', async () => {
    const withName = await hyphenatorFor('de', [], ['IG Metall']);
    // Taken as one word, "IG Metall" was "IG Me-/tall": a walk found it in a München sheet.
    expect(withName('IG\u00a0Metall')).toEqual(['IG\u00a0Metall']);
    expect(withName('(IG\u00a0Metall),')).toEqual(['(IG\u00a0Metall),']);
    // After the name, a word of its own may still break, at its hyphen or by syllables.
    expect(withName('IG\u00a0Metall-Mitgliederversammlung').join('|')).toMatch(/^IG\u00a0Metall-\|Mit/);
    // The name written with a hyphen in a compound stays whole too; after it the line may break.
    expect(de('IG-Metall-Beschäftigten')[0]).toBe('IG-');
    expect(withName('IG-Metall-Beschäftigten').join('|')).toBe('IG-Metall-|Beschäf|tig|ten');
    expect(withName('(IG-METALL-Beschäftigten)')[0]).toBe('(IG-METALL-');
    // Only the name as a word or a part of a compound: "Leipzig-Metallarbeiter" is no "IG-Metall".
    expect(withName('Leipzig-Metallarbeiter')).toEqual(de('Leipzig-Metallarbeiter'));
    expect(withName('Leipzig-Metallarbeiter').join('|')).toContain('zig-|Me');
    // Offsets on the word as written: a dotted capital İ (two characters in lowercase) shifts nothing.
    const tr = await hyphenatorFor('tr', [], ['IG Metall']);
    expect(tr('İİİİİİ-IG-Metall-Üyelerinin').join('|')).toMatch(/\|?IG-Metall-\|/);
    // Other bound words ("9 Stunden", "z. B.") keep their syllables but never break at the joint.
    expect(withName('9\u00a0Stunden')).toEqual(['9\u00a0Stun', 'den']);
    expect(de('Arbeitszeit\u00a0–')).toEqual([...de('Arbeitszeit').slice(0, -1), `${de('Arbeitszeit').at(-1)}\u00a0–`]);
    // "Metall" alone leaves too few letters for a division; a longer name shows the rule.
    const gew = 'Gewerkschaft\u00a0Erziehung\u00a0und\u00a0Wissenschaft';
    expect(de(gew).length).toBeGreaterThan(3);
    expect((await hyphenatorFor('de', [], ['Gewerkschaft Erziehung und Wissenschaft']))(`${gew}s`)).toEqual([`${gew}s`]);
    expect(de('Betriebs\u00a0Datenschutzgrundverordnung').join('|')).toBe(`Betriebs\u00a0${de('Datenschutzgrundverordnung').join('|')}`);
  });
});

describe('breakAddress', () => {
  it('breaks an e-mail address before the dots of its name and after "@", never inside the domain', () => {
    expect(breakAddress('mitgliederservice.hamburg-harburg@example.org')).toEqual(['mitgliederservice', '.hamburg-harburg@', 'example.org']);
    expect(breakAddress('kiel@example.org')).toEqual(['kiel@', 'example.org']);
  });

  it('breaks a web address after a slash (not inside "//") and before a dot, and keeps hyphens whole', () => {
    expect(breakAddress('www.example.org/muenchen/zoom-datenschutz')).toEqual(['www.example', '.org/', 'muenchen/', 'zoom-datenschutz']);
    expect(breakAddress('https://igmetall.de')).toEqual(['https://', 'igmetall', '.de']);
  });

  it('breaks a long part of an address before its hyphens, never after one', () => {
    const long = 'formular-fuer-kolleginnen-und-kollegen-der-region';
    expect(breakAddress(`www.example.org/anmeldung/${long}`)).toEqual(['www.example', '.org/', 'anmeldung/', 'formular', '-fuer', '-kolleginnen', '-und', '-kollegen', '-der', '-region']);
    // A short part stays whole, and a doubled hyphen is not split.
    expect(breakAddress('www.example.org/zoom-und-datenschutz')).toEqual(['www.example', '.org/', 'zoom-und-datenschutz']);
    expect(breakAddress('www.example.org/aaaaaaaaaaaa--bbbbbbbbbbbbbbbbbbbbbbbb')).toEqual(['www.example', '.org/', 'aaaaaaaaaaaa--bbbbbbbbbbbbbbbbbbbbbbbb']);
  });

  it('always spells the address exactly (textkit maps the parts back by length)', () => {
    for (const a of ['a@b', '@x.y', 'x.', '.x', '//', 'a/b/', 'ä.ö@ü.de', 'x/-aaaaaaaaaaaaaaaaaaaaaaaaaaa-', 'x/aaaaaaaaaaaaaaaaaaaaaaaaa---b']) expect(breakAddress(a).join('')).toBe(a);
  });
});

describe('breakAtHyphens (texts with no hyphenation of their own)', () => {
  it('breaks only after a hyphen between letters, never between syllables', () => {
    expect(breakAtHyphens('BREMERHAVEN-CUXHAVEN-WESERMÜNDE')).toEqual(['BREMERHAVEN-', 'CUXHAVEN-', 'WESERMÜNDE']);
    expect(breakAtHyphens('Videokonferenzen')).toEqual(['Videokonferenzen']);
    expect(breakAtHyphens('9–16')).toEqual(['9–16']);
    expect(breakAtHyphens('-x- y-')).toEqual(['-x- y-']);
  });
});

describe('wholeWhereItFits (titles and headlines)', () => {
  it('keeps a word whole when it fits its line, and hyphenates only one that does not', async () => {
    const de = await hyphenatorFor('de');
    const display = wholeWhereItFits(de, (word) => word.length <= 20);
    expect(display('Datenschutz')).toEqual(['Datenschutz']);
    const parts = display('Videokonferenzdatenschutzvereinbarungen');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe('Videokonferenzdatenschutzvereinbarungen');
  });
});
