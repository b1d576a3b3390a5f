import { mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, fixtures, tempDir } from '../helpers/cli.js';
import { located, minimalWith, validate } from '../helpers/content.js';
import { planVariants } from '../../src/pipeline/plan.js';
import { printableGaps } from '../../src/pipeline/validate.js';
import { templateIds } from '../../templates/index.js';

const region = (contact: string, extra = '') => `name: Testort\ncontact:\n${contact}${extra}`;
const okContact = '  office: Büro\n  street: Weg 1\n  postcode: "01067"\n  city: Testort\n';

describe('validateContent', () => {
  it('accepts the shipped content and the minimal fixture without findings', () => {
    expect(validate(contentDir).findings).toEqual([]);
    expect(validate(minimalWith()).findings).toEqual([]);
  });

  it('checks the languages of a name or opening hours against those the sheets are built in', () => {
    const dir = path.join(tempDir(contentDir), 'content');
    const file = path.join(dir, 'regions/leipzig.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Leipzig', 'name:\n  de: Leipzig\n  en: Leipzig').replace('    tr: Salı', '    tk: Salı'));
    const findings = validate(dir).findings.sort((a, b) => a.line - b.line).map((f) => `${f.severity} ${f.line}:${f.column} ${f.yamlPath}: ${f.message} | ${f.hint}`);
    expect(findings).toEqual([
      'warning 3:1 name: there is no "tr" form, so the "tr" PDFs print the "de" one | Add tr: … under name, or write one text for every language.',
      'error 16:5 contact.hours.tk: "tk" is not a language code; the "tr" PDFs would print another language\'s text | Did you mean "tr"? Languages: de, en, tr.',
    ]);
    // The misspelt key is an error (the Turkish PDFs would print German hours); a missing form is a warning.
    expect(validate(dir).broken.size).toBe(1);
    // A form for a language no sheet has, and none it could be a misspelling of, is a warning only.
    writeFileSync(file, readFileSync(file, 'utf8').replace('    tk: Salı', '    tr: Salı\n    fr: Mardi'));
    expect(validate(dir).findings.filter((f) => f.yamlPath === 'contact.hours.fr').map((f) => f.severity)).toEqual(['warning']);
    // One text for every language is never questioned; the shipped regions give every form.
    expect(validate(contentDir).findings).toEqual([]);
  });

  it('takes the languages from every sheet.yaml, one with errors too, and names the footer form a missing language prints', () => {
    const dir = path.join(tempDir(contentDir), 'content');
    const sheet = path.join(dir, 'sheets/zoom-datenschutz/sheet.yaml');
    writeFileSync(sheet, `${readFileSync(sheet, 'utf8')}colour: red\n`);
    const brand = path.join(dir, 'brand.yaml');
    writeFileSync(brand, readFileSync(brand, 'utf8').replace(/\n  tr: IG Metall · Üyeler için bilgilendirme/, ''));
    const findings = validate(dir).findings;
    // Only sheet.yaml's own mistake and the footer; no region's "tr" form is taken for unknown.
    expect(findings.map((f) => `${f.severity} ${f.file.split('/').at(-1)} ${f.yamlPath}`).sort()).toEqual(['error sheet.yaml colour', 'warning brand.yaml footer']);
    // resolveBrand falls back to the footer's first form.
    expect(findings.find((f) => f.yamlPath === 'footer')!.message).toBe('there is no "tr" form, so the "tr" PDFs print the "de" one');
  });

  it('points at a field named "~" or null where it stands, not at the file\'s start', () => {
    for (const key of ['~', 'null']) {
      const dir = minimalWith();
      const file = path.join(dir, 'regions/testort.yaml');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, `${text}${key}: x\n`);
      expect(validate(dir).findings.map((f) => [f.line, f.column, f.message]), key).toEqual([[text.split('\n').length, 1, 'unknown field ""']]);
    }
  });

  it('suggests the field a German field name means', () => {
    const dir = minimalWith();
    const file = path.join(dir, 'regions/testort.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}  telefon: "+49 421 1234"\n  plz: "28195"\n`);
    const hints = validate(dir).findings.map((f) => `${f.yamlPath}: ${f.hint?.split('?')[0]}`);
    expect(hints).toEqual(['contact.telefon: Did you mean "phone"', 'contact.plz: Did you mean "postcode"']);
  });

  it('refuses a phone number with more digits than any phone number has', () => {
    const dir = minimalWith({ 'regions/testort.yaml': region(okContact, '  phone: "+494213358800000000000000"\n') });
    const [f] = validate(dir).findings;
    expect(f).toMatchObject({ line: 7, yamlPath: 'contact.phone' });
    expect(f!.hint).toContain('5 to 16 digits');
    expect(validate(minimalWith({ 'regions/testort.yaml': region(okContact, '  phone: +49 4131 1234567-890\n') })).findings).toEqual([]);
  });

  it('explains a postcode written as a number, where it stands', () => {
    const dir = minimalWith({ 'regions/testort.yaml': region('  office: Büro\n  street: Weg 1\n  postcode: 01067\n  city: Testort\n') });
    const [f] = validate(dir).findings;
    expect(f).toMatchObject({ line: 5, column: 13, yamlPath: 'contact.postcode', message: 'the postcode 01067 is read as the number 1067, which loses its leading zero' });
    expect(f!.hint).toContain('"01067"');
    // Quotes a word processor typed are part of the value: the hint says which quotes to type.
    const curly = validate(minimalWith({ 'regions/testort.yaml': region('  office: Büro\n  street: Weg 1\n  postcode: „01067“\n  city: Testort\n') })).findings[0]!;
    expect(curly.hint).toBe('The value is in typographic quotes („…), which belong to the text; type straight quotes instead: "01067".');
  });

  it("warns of a name that repeats the organisation's, a comment that cuts a value, and refuses placeholders in a region's fields", () => {
    const file = region('  office: Büro {region.name}\n  street: Bahnhofsplatz #22\n  postcode: "01067"\n  city: Testort # the city\n');
    const findings = validate(minimalWith({ 'regions/testort.yaml': file.replace('name: Testort', 'name: Beispiel Gewerkschaft Testort') })).findings;
    expect(findings.map((f) => `${f.severity} ${f.line}:${f.column} ${f.yamlPath}: ${f.message}`)).toEqual([
      'warning 4:25 : "#22" is read as a comment, not as part of the text: the PDFs print "Bahnhofsplatz"',
      'warning 1:7 name: "Beispiel Gewerkschaft Testort" starts with the organisation\'s name, which the PDFs print before it: "Beispiel Gewerkschaft Beispiel Gewerkschaft Testort"',
      'error 3:11 contact.office: {region.name} is printed as written here: placeholders are filled in the sheets\' texts only',
    ]);
    // Spaced or capitalised as a sheet's text may write it, it is the same mistake.
    const spaced = validate(minimalWith({ 'regions/testort.yaml': region('  office: Büro { Region.Name }\n  street: Weg 1\n  postcode: "01067"\n  city: Testort\n') })).findings;
    expect(spaced.map((f) => `${f.line}:${f.column} ${f.yamlPath}: ${f.message}`)).toEqual(['3:11 contact.office: { Region.Name } is printed as written here: placeholders are filled in the sheets\' texts only']);
    const hyphenated = validate(minimalWith({ 'regions/testort.yaml': region(okContact).replace('name: Testort', 'name: Beispiel-Gewerkschaft Testort') })).findings;
    expect(hyphenated.map((f) => f.message)).toEqual(['"Beispiel-Gewerkschaft Testort" starts with the organisation\'s name, which the PDFs print before it: "Beispiel Gewerkschaft Beispiel-Gewerkschaft Testort"']);
  });

  it('warns of a region with the name of another (a copied file not renamed inside)', () => {
    const dir = path.join(tempDir(contentDir), 'content');
    // The copy is saved last: the warning is at it, not at the file it was copied from.
    utimesSync(path.join(dir, 'regions/kiel.yaml'), new Date('2026-01-01'), new Date('2026-01-01'));
    writeFileSync(path.join(dir, 'regions/bremen.yaml'), readFileSync(path.join(dir, 'regions/kiel.yaml')));
    const findings = validate(dir).findings;
    expect(findings.map((f) => `${f.severity} ${path.basename(f.file)} ${f.yamlPath}: ${f.message}`)).toEqual([
      expect.stringMatching(/^warning bremen\.yaml name: "Kiel-Neumünster" is also the name of \S*regions\/kiel\.yaml: the PDFs of both regions would read the same$/),
    ]);
    // Whatever the times (a checkout sets them at random), the file whose id is not in the name is the copy.
    utimesSync(path.join(dir, 'regions/bremen.yaml'), new Date('2025-01-01'), new Date('2025-01-01'));
    expect(validate(dir).findings.map((f) => path.basename(f.file))).toEqual(['bremen.yaml']);
    expect(validate(contentDir).findings).toEqual([]);
  });

  it('names weekdays written as fields of the opening hours, and suggests only a valid section id', () => {
    const hours = '  hours:\n    Mo–Do: 9–16 Uhr\n    Fr: 9–12 Uhr\n';
    const overrides = 'overrides:\n  kurz:\n    de:\n      sections:\n        Erster-Übersicht:\n          append: x\n';
    const findings = validate(minimalWith({ 'regions/testort.yaml': region(okContact + hours, overrides) })).findings;
    expect(findings.map((f) => `${f.yamlPath}: ${f.message} | ${f.hint?.split('?')[0]}`)).toEqual([
      'contact.hours: "hours" holds weekdays as fields ("Mo–Do:"); it is one text, or one text per language | Write the days in one line: hours: Mo–Do 9–16 Uhr, Fr 9–12 Uhr (in quotes if it holds ": "), or per language below "hours:" ("de: …").',
      'overrides.kurz.de.sections.Erster-Übersicht: "Erster-Übersicht" is not a section id | Did you mean "erster-uebersicht"',
    ]);
  });

  it('names a language written in capitals or as a word, and a heading written for a section id', () => {
    const overrides = 'overrides:\n  kurz:\n    Deutsch:\n      sections:\n        erster:\n          append: x\n    de:\n      sections:\n        Erster:\n          append: y\n';
    const hours = '  hours:\n    DE: Mo 9 Uhr\n';
    const findings = validate(minimalWith({ 'regions/testort.yaml': region(okContact + hours, overrides) })).findings;
    expect(findings.map((f) => `${f.yamlPath}: ${f.message} | ${f.hint}`)).toEqual([
      'contact.hours.DE: "DE" is not a language code | Did you mean "de"? Language codes are lowercase: de, en, tr.',
      'overrides.kurz.Deutsch: "Deutsch" is not a language code | Did you mean "de"? Under the sheet\'s id comes the language, as a lowercase code: de, en, tr.',
      'overrides.kurz.de.sections.Erster: "Erster" is not a section id | Did you mean "erster"? Write the section\'s id as the sheet\'s text has it (lowercase, e.g. aufzeichnung), not its heading.',
    ]);
    // At the key itself, not at the first language of the map.
    const second = validate(minimalWith({ 'regions/testort.yaml': region(`${okContact}  hours:\n    de: Mo 9 Uhr\n    TR: Pzt 9\n`) })).findings;
    expect(second.map((f) => `${f.line}:${f.column} ${f.yamlPath}: ${f.message}`)).toEqual(['9:5 contact.hours.TR: "TR" is not a language code']);
  });

  it('names an unknown field at its key and suggests the right one', () => {
    const dir = minimalWith({ 'regions/testort.yaml': region(okContact, '  emial: a@example.org\n') });
    const [f] = validate(dir).findings;
    expect(f).toMatchObject({ line: 7, column: 3, yamlPath: 'contact.emial', message: 'unknown field "emial"' });
    expect(f!.hint).toContain('Did you mean "email"?');
    // A contact field at the top of the file, a fax number, an empty field, a missing name.
    const more = validate(minimalWith({ 'regions/testort.yaml': `contact:\n${okContact}  fax: 123\n  phone:\ntelefon: 040 1234\n` })).findings;
    expect(more.map((x) => `${x.yamlPath}: ${x.message} | ${x.hint}`)).toEqual([
      'name: the field "name" is missing | Add "name:" with a text, or one text per language.',
      'contact.phone: "phone" has no value | Write a phone number with 5 to 16 digits, spaces and at most "+ ( ) / -", e.g. "+49 40 123456-0". Or delete the line if there is none.',
      'contact.fax: there is no fax field | Delete the line; the contact box prints phone, email, web, hours besides the address.',
      'telefon: "telefon" belongs under contact: | Move the line below "contact:" and indent it like the other contact fields, as "phone:".',
    ]);
  });

  it('reports a missing required field and an insecure web address', () => {
    const dir = minimalWith({ 'regions/testort.yaml': 'name: Testort\ncontact:\n  office: Büro\n  street: Weg 1\n  city: Testort\n  web: http://example.org\n' });
    expect(located(dir)).toEqual([
      'testort.yaml:3:3 the field "postcode" is missing',
      'testort.yaml:6:8 "http://example.org" is not a web address starting with https://',
    ]);
  });

  it('points at an unknown placeholder inside a block text', () => {
    const text = readFileSync(path.join(minimalWith(), 'sheets/kurz/de.yaml'), 'utf8').replace('in {contact.city}', 'in {contact.stadt}');
    const dir = minimalWith({ 'sheets/kurz/de.yaml': text });
    const findings = validate(dir).findings;
    expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([[18, 35, 'unknown placeholder {contact.stadt}']]);
    expect(findings[0]!.hint).toContain('{contact.city}');
  });

  it('refuses Markdown a sheet cannot print', () => {
    const dir = minimalWith({ 'sheets/kurz/de.yaml': 'title: T\nkicker: K\nlead: L\nsections:\n  - id: a\n    heading: H\n    body: |\n      Text\n\n      # Überschrift\n' });
    expect(located(dir)).toEqual(['de.yaml:10:7 a heading ("#") inside a body']);
  });

  it('keeps the lead to one paragraph', () => {
    const dir = minimalWith({ 'sheets/kurz/de.yaml': 'title: T\nkicker: K\nlead: |\n  Erster Absatz.\n\n  - ein Punkt\nsections:\n  - id: a\n    heading: H\n    body: B\n' });
    expect(located(dir)).toEqual(['de.yaml:3:7 the lead is one paragraph, without lists']);
  });

  it('catches overrides of sections or sheets that do not exist', () => {
    const overrides = 'overrides:\n  kurz:\n    de:\n      sections:\n        ersterr:\n          append: Noch etwas.\n  lang:\n    de:\n      sections:\n        x:\n          body: y\n';
    const dir = minimalWith({ 'regions/testort.yaml': region(okContact) + overrides });
    expect(located(dir)).toEqual([
      'testort.yaml:11:9 the sheet "kurz" has no section "ersterr"',
      'testort.yaml:13:3 overrides name the sheet "lang", which does not exist',
    ]);
  });

  it("tells a region that its text has no headings of its own, where a sheet's section would start a new one", () => {
    const overrides = 'overrides:\n  kurz:\n    de:\n      sections:\n        erster:\n          append: |\n            ## Bei uns\n\n            In Testort gilt das auch.\n';
    const v = validate(minimalWith({ 'regions/testort.yaml': region(okContact, overrides) }));
    expect(v.findings.map((f) => `${f.line}:${f.column} ${f.message} | ${f.hint}`)).toEqual([
      '13:13 a heading ("#") inside a body | A region\'s text has no headings of its own: write the words as a sentence, or in bold (**…**) at the start of a paragraph.',
    ]);
  });

  it('names a stray quote at one end of a postcode, instead of asking for the quotes it has', () => {
    const v = validate(minimalWith({ 'regions/testort.yaml': region(okContact.replace(/postcode: .*/, 'postcode: 28195"')) }));
    expect(v.findings.map((f) => `${f.yamlPath}: ${f.message} | ${f.hint}`)).toEqual([
      'contact.postcode: "28195"" is not a postcode | The value has a stray " at one end; write it with one quote on each side: postcode: "28195".',
    ]);
  });

  it('warns of a name or office in typographic quotes, which the PDFs would print', () => {
    const v = validate(minimalWith({ 'regions/testort.yaml': 'name: “Testort”\ncontact:\n  office: „IG Metall Testort“\n  street: Hauptstraße 1\n  postcode: "12345"\n  city: Testort\n  hours:\n    de: «Mo–Fr 9–17 Uhr»\n' }));
    expect(v.findings.map((f) => `${f.severity} ${f.line}:${f.column} ${f.yamlPath}: ${f.message} | ${f.hint}`)).toEqual([
      'warning 1:7 name: the text is in typographic quotes (“…”), which the PDFs print as part of it | Remove them (name: Testort): YAML needs no quotes around a text. Where it does, type straight ones ("…").',
      'warning 3:11 contact.office: the text is in typographic quotes („…“), which the PDFs print as part of it | Remove them (office: IG Metall Testort): YAML needs no quotes around a text. Where it does, type straight ones ("…").',
      'warning 8:9 contact.hours.de: the text is in typographic quotes («…»), which the PDFs print as part of it | Remove them (hours: Mo–Fr 9–17 Uhr): YAML needs no quotes around a text. Where it does, type straight ones ("…").',
    ]);
    // Quotes around a part of it are the text's own.
    expect(validate(minimalWith({ 'regions/testort.yaml': region(okContact.replace(/office: .*/, 'office: Haus „Die Brücke“')) })).findings).toEqual([]);
  });

  it("names a misspelt language under a region's overrides, whose PDFs would lack the addition", () => {
    const dir = path.join(tempDir(contentDir), 'content');
    // Kiel adds nothing to the sheet yet; its clerk adds a sentence for the English PDFs.
    const file = path.join(dir, 'regions/kiel.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}overrides:\n  zoom-datenschutz:\n    eng:\n      sections:\n        fazit:\n          append: Extra.\n`);
    const typo = validate(dir).findings.filter((f) => f.yamlPath.startsWith('overrides'));
    expect(typo.map((f) => `${f.severity} ${f.yamlPath}: ${f.message} | ${f.hint}`)).toEqual([
      'error overrides.zoom-datenschutz.eng: "eng" is not a language code of this sheet, so the "en" PDFs do not print this addition | Did you mean "en"? Locales of this sheet: de, en, tr.',
    ]);
    // A language of its own that the sheet lacks ("fr", one letter from "tr") is kept for later.
    writeFileSync(file, readFileSync(file, 'utf8').replace('    eng:\n', '    fr:\n'));
    expect(validate(dir).findings.filter((f) => f.yamlPath.startsWith('overrides')).map((f) => `${f.severity} ${f.message}`)).toEqual([
      'warning the sheet "zoom-datenschutz" has no locale "fr", so this override is not printed',
    ]);
  });

  it("holds back only the sheet a region's overrides get wrong, and only warns of a language the sheet dropped", () => {
    // A second sheet in German only, like one the press office has not had translated yet.
    const dir = path.join(tempDir(contentDir), 'content');
    const zoom = path.join(dir, 'sheets/zoom-datenschutz');
    mkdirSync(path.join(dir, 'sheets/kurz'));
    writeFileSync(path.join(dir, 'sheets/kurz/sheet.yaml'), readFileSync(path.join(zoom, 'sheet.yaml'), 'utf8').replace('id: zoom-datenschutz', 'id: kurz').replace(/locales: .*/, 'locales: [de]'));
    writeFileSync(path.join(dir, 'sheets/kurz/de.yaml'), readFileSync(path.join(zoom, 'de.yaml'), 'utf8'));
    const file = path.join(dir, 'regions/hamburg.yaml');
    const overrides = '  kurz:\n    en:\n      sections:\n        aufzeichnung:\n          append: Not printed.\n';
    writeFileSync(file, readFileSync(file, 'utf8').replace('overrides:\n', `overrides:\n${overrides}`));
    let v = validate(dir);
    expect(v.findings.map((f) => `${f.severity} ${f.yamlPath}: ${f.message}`)).toEqual(['warning overrides.kurz.en: the sheet "kurz" has no locale "en", so this override is not printed']);
    expect(v.broken.size).toBe(0);
    // The same with a single sheet, where the dropped language is no longer any sheet's.
    const single = validate(minimalWith({ 'regions/testort.yaml': region(okContact, 'overrides:\n  kurz:\n    en:\n      sections:\n        erster:\n          append: x\n') }));
    expect(single.findings.map((f) => `${f.severity} ${f.message}`)).toEqual(['warning the sheet "kurz" has no locale "en", so this override is not printed']);
    expect(single.broken.size).toBe(0);
    // A section the sheet does not have is an error, for that sheet's Hamburg PDFs only.
    writeFileSync(file, readFileSync(file, 'utf8').replace('  kurz:\n    en:', '  kurz:\n    de:'));
    const plan = () => planVariants(v, { regions: ['hamburg'] }, templateIds);
    writeFileSync(file, readFileSync(file, 'utf8').replace('        aufzeichnung:\n          append: Not printed.', '        aufzeichnug:\n          append: Nicht gedruckt.'));
    v = validate(dir);
    expect(v.findings.map((f) => `${f.severity} ${f.yamlPath}: ${f.hint}`)).toEqual([expect.stringMatching(/^error overrides\.kurz\.de\.sections\.aufzeichnug: Did you mean "aufzeichnung"\?/)]);
    const blocked = plan().filter((p) => p.blockedBy.length > 0);
    expect(new Set(blocked.map((p) => p.key.sheet))).toEqual(new Set(['kurz']));
    expect(blocked.map((p) => path.basename(p.blockedBy[0]!))).toEqual(['hamburg.yaml', 'hamburg.yaml', 'hamburg.yaml']);
    expect(plan().filter((p) => p.key.sheet === 'zoom-datenschutz' && p.blockedBy.length === 0)).toHaveLength(9);
  });

  // A region id of 245 characters passed the check; the build then failed to write its PDFs
  // (ENAMETOOLONG), since the ids make up their file names.
  it('names region and sheet ids longer than 64 characters, and accepts 64', () => {
    const region = readFileSync(path.join(minimalWith(), 'regions/testort.yaml'), 'utf8');
    const long = 'a'.repeat(245);
    expect(located(minimalWith({ [`regions/${long}.yaml`]: region }))).toEqual([
      `${long}.yaml:1:1 the region id "${'a'.repeat(40)}…" is 245 characters long; region ids may be at most 64, since the PDFs' file names are made of them, so this region is not built`,
    ]);
    expect(located(minimalWith({ [`regions/${'b'.repeat(64)}.yaml`]: region.replace('name: Testort', 'name: Anderort') }))).toEqual([]);
    const dir = minimalWith();
    const sheet = 's'.repeat(65);
    renameSync(path.join(dir, 'sheets/kurz'), path.join(dir, 'sheets', sheet));
    const meta = path.join(dir, 'sheets', sheet, 'sheet.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^id: .*$/m, `id: ${sheet}`));
    const findings = validate(dir).findings;
    expect(findings.map((f) => `${f.yamlPath} ${f.message}`)).toEqual([`id the sheet id "${'s'.repeat(40)}…" is 65 characters long; sheet ids may be at most 64, since the PDFs' file names are made of them`]);
    expect(findings[0]!.hint).toContain('rename the folder, and write the same id in sheet.yaml');
  });

  // "0000-01-01" is a valid ISO date; the sheet printed "Stand: 1. Januar 1".
  it("names a sheet's date outside the years 1900 to 2999, and accepts those", () => {
    const meta = readFileSync(path.join(minimalWith(), 'sheets/kurz/sheet.yaml'), 'utf8');
    const dated = (date: string) => validate(minimalWith({ 'sheets/kurz/sheet.yaml': meta.replace(/^date: .*$/m, `date: ${date}`) })).findings;
    for (const [date, year] of [['0000-01-01', 0], ['1899-12-31', 1899], ['3000-01-01', 3000]] as const) {
      expect(dated(date).map((f) => `${f.line}:${f.column} ${f.yamlPath} ${f.message}`)).toEqual([`2:7 date the date ${date} lies in the year ${year}; a sheet's date is in the years 1900 to 2999`]);
    }
    expect(dated('0000-01-01')[0]!.hint).toContain('Check the year');
    expect(dated('1900-01-01')).toEqual([]);
    expect(dated('2999-12-31')).toEqual([]);
  });

  it('keeps the logo inside the content folder', () => {
    const brand = readFileSync(path.join(minimalWith(), 'brand.yaml'), 'utf8');
    expect(located(minimalWith({ 'brand.yaml': brand.replace('assets/mark.svg', '../../outside.svg') }))).toEqual([
      'brand.yaml:8:7 the logo path "../../outside.svg" leaves the content folder',
    ]);
    const dir = minimalWith();
    writeFileSync(path.join(dir, 'assets/mark.svg'), '<svg viewBox="0 0 10 10"><text>IG</text></svg>');
    expect(located(dir)[0]).toContain('elements infoblatt cannot draw: text');
  });

  // A 3.3 MB logo took 21 s and 700 MB to check: a logo too large is named at brand.yaml's logo,
  // before the file is read.
  it('names a logo file above 1 MiB at the brand, with what to do', () => {
    const dir = minimalWith();
    const rects = '<rect x="1" y="1" width="1" height="1"/>'.repeat(27_000);
    writeFileSync(path.join(dir, 'assets/mark.svg'), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${rects}</svg>`);
    const findings = validate(dir).findings;
    expect(findings.map((f) => `${path.basename(f.file)}:${f.line}:${f.column} ${f.severity} ${f.yamlPath} ${f.message}`)).toEqual([
      'brand.yaml:8:7 error logo the logo "assets/mark.svg" is 1055 KiB; a logo may be at most 1024 KiB',
    ]);
    expect(findings[0]!.hint).toMatch(/^Simplify the logo/);
  });

  // Nothing fills placeholders in brand.yaml: these reached the PDF with their braces.
  it("names placeholders in the brand's organisation and footer, which are printed as written", () => {
    const brand = readFileSync(path.join(minimalWith(), 'brand.yaml'), 'utf8');
    const dir = minimalWith({ 'brand.yaml': brand
      .replace('organisation: Beispiel Gewerkschaft', 'organisation: "IG {region.name} Metall"')
      .replace('footer: Beispiel Gewerkschaft · Testblatt', 'footer:\n  de: IG Metall {{1}} · {contact.phone} · {foo}') });
    expect(located(dir)).toEqual([
      'brand.yaml:1:15 {region.name} is printed as written here: placeholders are filled in the sheets\' texts only',
      'brand.yaml:11:7 {contact.phone} is printed as written here: placeholders are filled in the sheets\' texts only',
    ]);
    const findings = validate(dir).findings;
    expect(findings.map((f) => `${f.severity} ${f.yamlPath}`)).toEqual(['error organisation', 'error footer.de']);
    expect(findings.map((f) => f.hint)).toEqual(expect.arrayContaining([expect.stringContaining('organisation: IG Metall'), expect.stringContaining('Write the footer out')]));
  });

  it("checks the brand's word divisions: one word per entry, each word once, languages the sheets have", () => {
    const brand = readFileSync(path.join(minimalWith(), 'brand.yaml'), 'utf8');
    const words = (lines: string) => ({ 'brand.yaml': `${brand}hyphenation:\n${lines}` });
    expect(located(minimalWith(words('  de: [Prozessor-geschwindigkeit, Explorer]\n')))).toEqual([]);
    expect(located(minimalWith(words('  de: [Daten-schutz, Datenschutz-, Da-tenschutz, DATEN-SCHUTZ, "Daten\u00adschutz", Daten schutz, "Zoom-Meeting,"]\n  dd: [Explorer]\n')))).toEqual([
      'brand.yaml:12:22 "Datenschutz-" is not one word with its divisions: a hyphen stands at its start or end, or two stand together',
      'brand.yaml:12:36 "Da-tenschutz" is listed before (line 12) as "Daten-schutz", with other divisions',
      'brand.yaml:12:64 "Daten\u00adschutz" contains a soft hyphen (U+00AD), which is not a letter or "-"',
      'brand.yaml:12:80 "Daten schutz" has a space: one word per entry',
      'brand.yaml:12:94 "Zoom-Meeting," contains "," (U+002C), which is not a letter or "-"',
      // Beside a "de" list of its own, "dd" is taken for a language no sheet has.
      'brand.yaml:13:3 "dd" is not a language the sheets are built in, so these divisions are never used',
    ]);
    // A misspelt code beside no list for the language it resembles is an error (as for a region's
    // name forms); a language no sheet is built in, beside that language's own list, a warning.
    const findings = validate(minimalWith(words('  dd: [Explorer]\n'))).findings;
    expect(findings.map((f) => [f.severity, f.hint])).toEqual([['error', 'Did you mean "de"? Languages: de.']]);
    expect(validate(minimalWith(words('  de: [Explorer]\n  fr: [Explorer]\n'))).findings.map((f) => [f.severity, f.message])).toEqual([['warning', '"fr" is not a language the sheets are built in, so these divisions are never used']]);
    // A "de" list serves a sheet in "de-AT" (render.ts: forLocale).
    const atSheet = minimalWith(words('  de: [Explorer]\n'));
    writeFileSync(path.join(atSheet, 'sheets/kurz/sheet.yaml'), readFileSync(path.join(atSheet, 'sheets/kurz/sheet.yaml'), 'utf8').replace(/\bde\b/g, 'de-AT'));
    writeFileSync(path.join(atSheet, 'sheets/kurz/de-AT.yaml'), readFileSync(path.join(atSheet, 'sheets/kurz/de.yaml'), 'utf8'));
    expect(validate(atSheet).findings.filter((f) => f.yamlPath.startsWith('hyphenation'))).toEqual([]);
    // So does a "de" form of the footer: no "there is no de-AT form", no "not a language the sheets are built in".
    writeFileSync(path.join(atSheet, 'brand.yaml'), readFileSync(path.join(atSheet, 'brand.yaml'), 'utf8').replace(/^footer: (.*)$/m, 'footer:\n  de: $1'));
    expect(validate(atSheet).findings.filter((f) => f.yamlPath.startsWith('footer'))).toEqual([]);
    // Nothing under it (every entry commented out) is no mistake.
    expect(located(minimalWith(words('  # de: [Explorer]\n')))).toEqual([]);
    expect(located(minimalWith(words('  de:\n')))).toEqual([]);
  });

  it("words the brand's CMYK mistakes for people: one finding per colour, where it stands", () => {
    const brand = readFileSync(path.join(minimalWith(), 'brand.yaml'), 'utf8');
    const cmyk = (lines: string) => ({ 'brand.yaml': brand.replace('logo:', `cmyk:\n${lines}logo:`) });
    const ok = '  primary: [100, 45, 0, 10]\n  text: [0, 0, 0, 100]\n  muted: [0, 0, 0, 70]\n  tint: [6, 2, 0, 0]\n  onPrimary: [0, 0, 0, 0]\n';
    expect(located(minimalWith(cmyk(ok)))).toEqual([]);
    const findings = validate(minimalWith(cmyk(ok.replace('[100, 45, 0, 10]', '[100%, 45%, 0%, 10%]').replace('  tint: [6, 2, 0, 0]\n', '').replace('[0, 0, 0, 70]', '0/0/0/70')
      + '  logo:\n    "#12": [0, 0, 0, 0]\n'))).findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.yamlPath}: ${f.message}`)).toEqual([
      '9:12 cmyk.primary: the CMYK value of "primary" must be four numbers from 0 to 100 (cyan, magenta, yellow, black), found "100%" in it',
      '11:10 cmyk.muted: the CMYK value of "muted" must be four numbers from 0 to 100 (cyan, magenta, yellow, black), found "0/0/0/70"',
      '9:3 cmyk.tint: the CMYK value of "tint" is missing',
      '14:5 cmyk.logo.#12: the logo\'s colours are listed by their hex value, e.g. "#F2B200": [0, 30, 100, 5]',
    ]);
    expect(findings[0]!.hint).toBe('Write the numbers without "%": they are per cent already, e.g. primary: [0, 100, 90, 10].');
    const empty = validate(minimalWith(cmyk(ok.replace('[0, 0, 0, 70]', '""')))).findings;
    expect(empty.map((f) => `${f.yamlPath}: ${f.message}`)).toEqual(['cmyk.muted: the CMYK value of "muted" must be four numbers from 0 to 100 (cyan, magenta, yellow, black), found ""']);
    // More ink on one spot than presses take: a warning at the value (300 % itself is fine).
    const heavy = validate(minimalWith(cmyk(ok.replace('[0, 0, 0, 100]', '[80, 70, 70, 100]').replace('[0, 0, 0, 70]', '[75, 68, 67, 90]')))).findings;
    expect(heavy.map((f) => `${f.severity} ${f.line}:${f.column} ${f.yamlPath}: ${f.message}`)).toEqual([
      'warning 10:9 cmyk.text: [80, 70, 70, 100] puts 320 % ink on the paper, more than the 300 % most presses allow',
    ]);
  });

  it('catches characters the font cannot draw, at the character', () => {
    const dir = minimalWith({ 'regions/testort.yaml': region(okContact.replace('Weg 1', 'Weg 1 ☎')) });
    expect(located(dir)).toEqual(['testort.yaml:4:17 the character "☎" (U+260E) is not in the font Source Sans 3']);
  });

  it('rejects region file names that are not ids', () => {
    const dir = minimalWith();
    writeFileSync(path.join(dir, 'regions/München.yaml'), region(okContact));
    const findings = validate(dir).findings;
    expect(findings[0]!.message).toContain('"München" is not a valid region id');
    expect(findings[0]!.hint).toContain('muenchen.yaml');
  });

  it('checks that sheet.yaml agrees with its folder and files', () => {
    const dir = minimalWith({ 'sheets/kurz/sheet.yaml': 'id: kurtz\ndate: 2021-03-09\nsource_locale: de\nlocales: [de, en]\ntemplates: [infoblat]\n' });
    expect(located(dir)).toEqual([
      'sheet.yaml:1:5 the id "kurtz" does not match the folder name "kurz"',
      'sheet.yaml:4:15 locale "en" is listed but en.yaml does not exist',
      'sheet.yaml:5:13 unknown template "infoblat"',
    ]);
  });

  it('marks files with errors as broken so only their variants fail', () => {
    const dir = minimalWith();
    mkdirSync(path.join(dir, 'regions'), { recursive: true });
    writeFileSync(path.join(dir, 'regions/kaputt.yaml'), 'name: [\n');
    const v = validate(dir);
    expect([...v.broken].map((f) => path.basename(f))).toEqual(['kaputt.yaml']);
    expect(v.regionIds).toEqual(['kaputt', 'testort']);
  });

  it('prints a language only when it knows its words, quotes and hyphenation, and says what is missing', () => {
    expect(printableGaps('de')).toEqual([]);
    expect(printableGaps('pl')).toEqual(['its words in templates/messages.ts']);
    expect(printableGaps('fr')).toEqual(['its words in templates/messages.ts', 'its quotation marks in src/content/typography.ts', 'its hyphenation patterns in src/hyphenation.ts']);
  });

  it('says once that a text is in a script the font lacks, and only warns of it in a file not built', () => {
    const sheet = readFileSync(path.join(fixtures, 'minimal/sheets/kurz/de.yaml'), 'utf8');
    // (The Arabic question mark counts as Arabic: one finding for the script, not one for it.)
    const arabic = sheet.replace('title: Ein kurzes Testblatt', 'title: مؤتمرات الفيديو').replace('heading: Erster Abschnitt', 'heading: الخصوصية؟');
    const draft = validate(minimalWith({ 'sheets/kurz/ar.yaml': arabic })).findings;
    expect(draft.map((f) => `${f.severity} ${f.yamlPath}: ${f.message}`)).toEqual([
      'warning : ar.yaml is not built: "ar" is not listed in sheet.yaml locales',
      'warning title: the text has letters of the Arabic script ("م"), which the font Source Sans 3 cannot print (here and in 1 more place in this file)',
    ]);
    expect(draft[1]!.hint).toContain('right to left');
    // A symbol the font lacks: once per file, at its first use.
    const symbols = validate(minimalWith({ 'sheets/kurz/de.yaml': sheet.replace('Ein kurzes Testblatt', 'Ein ☎ Testblatt ☎').replace('Erster Abschnitt', 'Erster ☎') })).findings;
    expect(symbols.map((f) => `${f.severity} ${f.yamlPath}: ${f.message}`)).toEqual(['error title: the character "☎" (U+260E) is not in the font Source Sans 3 (here and in 1 more place in this file)']);
  });

  it('says a translated section id was translated, naming the source id at its place', () => {
    const meta = readFileSync(path.join(fixtures, 'minimal/sheets/kurz/sheet.yaml'), 'utf8').replace('locales: [de]', 'locales: [de, en]');
    const de = readFileSync(path.join(fixtures, 'minimal/sheets/kurz/de.yaml'), 'utf8');
    const en = de.replace('id: zweiter', 'id: second').replace('heading: Zweiter Abschnitt', 'heading: Second section') + '  - id: tips\n    heading: Tips\n    body: More.\n';
    const findings = validate(minimalWith({ 'sheets/kurz/sheet.yaml': meta, 'sheets/kurz/en.yaml': en })).findings.filter((f) => f.yamlPath.endsWith('.id'));
    expect(findings.map((f) => `${f.yamlPath}: ${f.message} | ${f.hint}`)).toEqual([
      'sections[1].id: the section "second" is not in the source text (de.yaml), so it is not printed | de.yaml has "zweiter" at this place, which this file lacks: ids are not translated, so write id: zweiter.',
      'sections[2].id: the section "tips" is not in the source text (de.yaml), so it is not printed | Use the id of the section of de.yaml it translates; a new section is written in de.yaml first, and the translations follow its ids.',
    ]);
  });

  it('checks a region’s additions against the source text’s sections, not a translation that lacks one', async () => {
    const dir = path.join(tempDir(contentDir), 'content');
    const tr = path.join(dir, 'sheets/zoom-datenschutz/tr.yaml');
    // A translator leaves out a section Hamburg adds to, and translates the id of another.
    writeFileSync(tr, readFileSync(tr, 'utf8').replace(/  - id: aufzeichnung\n[^]*?(?=\n  - id: )/, '').replace('id: zoom-bombing', 'id: zoom-bombalama'));
    const content = validate(dir);
    // It was an error at hamburg.yaml and muenchen.yaml, which held back all their PDFs in every language.
    expect(content.findings.filter((f) => f.file.includes('regions/'))).toEqual([]);
    expect(content.findings.map((f) => `${path.basename(f.file)} ${f.severity}`)).toEqual(expect.arrayContaining(['tr.yaml warning']));
    expect(content.findings.every((f) => f.severity === 'warning')).toBe(true);
    // The section is printed in German, with Hamburg's own addition in Turkish after it.
    const { resolveVariant } = await import('../../src/pipeline/resolve.js');
    const model = resolveVariant(content, { sheet: 'zoom-datenschutz', region: 'hamburg', locale: 'tr', template: 'infoblatt' }).model!;
    const section = model.sections.find((x) => x.id === 'aufzeichnung')!;
    expect(section.lang).toBe('de');
    expect(section.blocks.at(-1)).toMatchObject({ kind: 'paragraph' });
    expect(section.blocks.at(-1)!.lang).toBeUndefined();
    expect(JSON.stringify(section.blocks.at(-1))).toContain('kaydetmeme kararı aldık');
    // A region's addition to a section the source does not have is still an error, naming the source's ids only.
    const hamburg = path.join(dir, 'regions/hamburg.yaml');
    writeFileSync(hamburg, readFileSync(hamburg, 'utf8').replace(/(\n    tr:\n      sections:\n        )aufzeichnung:/, '$1kayit:'));
    const wrong = validate(dir).findings.filter((f) => f.file.endsWith('hamburg.yaml'));
    expect(wrong.map((f) => `${f.severity} ${f.yamlPath}: ${f.message}`)).toEqual(['error overrides.zoom-datenschutz.tr.sections.kayit: the sheet "zoom-datenschutz" has no section "kayit"']);
    expect(wrong[0]!.hint).toContain('zoom-bombing');
    expect(wrong[0]!.hint).not.toContain('zoom-bombalama');
  });

  it('names Markdown from elsewhere that would be printed as typed, and lists that would run together, where they stand', () => {
    const de = readFileSync(path.join(fixtures, 'minimal/sheets/kurz/de.yaml'), 'utf8');
    const body = [
      '    body: |', '      Termine:', '', '      | Tag | Uhrzeit |', '      |---|---|', '      | Montag | 10 Uhr |', '',
      '      Belegt ist das.[^1]', '', '      Aus Word:', '      • Erster Punkt', '      • Zweiter Punkt', '', '      Gedankenstriche:',
      '      – eins', '      – zwei', '', '      ---', '',
    ].join('\n');
    const found = located(minimalWith({ 'sheets/kurz/de.yaml': de.replace(/    body: \|\n(?: {6}.*\n|\n)*/, `${body}\n`) }));
    expect(found).toEqual([
      'de.yaml:10:7 a table ("| … |") inside a body, which would be printed as typed',
      'de.yaml:14:22 a footnote ("[^1]"), which would be printed as typed',
      'de.yaml:17:7 a list written with "•" or "–", or pasted from a word processor, which would run together into one line',
      'de.yaml:21:7 a list written with "•" or "–", or pasted from a word processor, which would run together into one line',
      // The rule's own line, not the table's row of dashes above it.
      'de.yaml:24:7 a horizontal rule ("---") inside a body',
    ]);
  });

  it('lists a region field\'s own mistakes with the schema\'s, not one fix later', () => {
    const contact = '  office: Büro\n  street: Weg 1 {region.nmae}\n  postcode: 20097\n  city: Testort\n  email: testort@\n';
    const found = validate(minimalWith({ 'regions/testort.yaml': region(contact) })).findings.map((f) => `${f.yamlPath}: ${f.message} | ${f.hint}`);
    expect(found.sort()).toEqual([
      'contact.email: "testort@" is not an e-mail address | Write a plain address such as hamburg@example.org.',
      'contact.postcode: the postcode 20097 is read as the number 20097 | Put it in quotes: postcode: "20097".',
      'contact.street: {region.nmae} is printed as written here: placeholders are filled in the sheets\' texts only | Write the text out, e.g. street: Musterstraße 1.',
    ]);
  });

  it('names the forms Word\'s lists take when pasted as text, where they stand', () => {
    const de = readFileSync(path.join(fixtures, 'minimal/sheets/kurz/de.yaml'), 'utf8');
    // Word's bullet and its second level ("o") before a tab; a no-break space after "-" or "1.".
    const lists = ['\u00b7\tErster Punkt\n      \u00b7\tZweiter Punkt', 'o\tUnterpunkt\n      o\tNoch einer', '-\u00a0eins\n      -\u00a0zwei', '1.\u00a0Anmelden\n      2.\u00a0Teilnehmen'];
    const body = ['    body: |', '      Aus Word:', '', ...lists.flatMap((list) => [`      ${list}`, '']), '      Ende.', ''].join('\n');
    const found = located(minimalWith({ 'sheets/kurz/de.yaml': de.replace(/    body: \|\n(?: {6}.*\n|\n)*/, `${body}\n`) }));
    const message = 'a list written with "•" or "–", or pasted from a word processor, which would run together into one line';
    expect(found).toEqual([10, 13, 16, 19].map((line) => `de.yaml:${line}:7 ${message}`));
    // Text that only looks so: lines starting "o " in Turkish, "§ 87" in German, a date kept
    // together with a no-break space ("1.\u00a0Mai").
    const prose = ['    body: |', '      Kullanımı kolay ve', '      o kadar kolay ki', '      o yüzden herkes kullanıyor. Nach', '      § 87 BetrVG und', '      § 99 BetrVG gilt: am', '      1.\u00a0Mai ist frei.', ''].join('\n');
    expect(located(minimalWith({ 'sheets/kurz/de.yaml': de.replace(/    body: \|\n(?: {6}.*\n|\n)*/, `${prose}\n`) }))).toEqual([]);
  });

  it('says that a text over several lines without "|" joins its list into one line', () => {
    const de = readFileSync(path.join(fixtures, 'minimal/sheets/kurz/de.yaml'), 'utf8');
    const plain = de.replace('    body: Die {contact.office} in {contact.city} hilft weiter.', '    body: Die Tagesordnung\n      - Begrüßung\n      - Bericht');
    expect(located(minimalWith({ 'sheets/kurz/de.yaml': plain }))).toEqual([
      'de.yaml:19:7 this text runs over several lines without "|" after "body:", so YAML joins them into one, and the list in it is printed as one line',
    ]);
    const folded = de.replace('    body: Die {contact.office} in {contact.city} hilft weiter.', '    body: >\n      Die Tagesordnung:\n\n      - Begrüßung\n      - Bericht');
    const f = validate(minimalWith({ 'sheets/kurz/de.yaml': folded })).findings;
    expect(f.map((x) => `${x.line}:${x.column} ${x.hint}`)).toEqual(['21:7 Write "body: |" instead of "body: >": then every line stays as written.']);
    // Lines joined on purpose, without a list, pass.
    expect(located(minimalWith({ 'sheets/kurz/de.yaml': de.replace('    body: Die {contact.office} in {contact.city} hilft weiter.', '    body: Die {contact.office}\n      hilft weiter.') }))).toEqual([]);
    // A numbered list joins the same way.
    const numbered = de.replace('    body: Die {contact.office} in {contact.city} hilft weiter.', '    body: Die Tagesordnung\n      1. Begrüßung\n      2) Bericht');
    expect(located(minimalWith({ 'sheets/kurz/de.yaml': numbered }))[0]).toBe('de.yaml:19:7 this text runs over several lines without "|" after "body:", so YAML joins them into one, and the list in it is printed as one line');
  });

  it('points at each of two identical mistakes where it stands, not twice at the first', () => {
    const de = readFileSync(path.join(fixtures, 'minimal/sheets/kurz/de.yaml'), 'utf8');
    const body = ['    body: |', '      Die {contact.stadt} hilft.', '', '      • Punkt', '      • Punkt', '', '      Noch einmal: {contact.stadt}.', '', '      • Punkt', '      • Punkt', ''].join('\n');
    const found = located(minimalWith({ 'sheets/kurz/de.yaml': de.replace(/    body: \|\n(?: {6}.*\n|\n)*/, `${body}\n`) }));
    expect(found.map((f) => f.split(' ')[0])).toEqual(['de.yaml:8:11', 'de.yaml:10:7', 'de.yaml:13:20', 'de.yaml:15:7']);
  });

  it('counts the entries of a word list from 1, as the person reading the message does', () => {
    const brand = readFileSync(path.join(fixtures, 'minimal/brand.yaml'), 'utf8');
    const found = validate(minimalWith({ 'brand.yaml': `${brand}hyphenation:\n  de: [Wort, 123]\n` })).findings.map((f) => f.message);
    expect(found).toEqual(['entry 2 of "de" is not a word, found the number 123']);
  });

  it('refuses an empty language map, which has no text in any language', () => {
    const dir = path.join(tempDir(contentDir), 'content');
    const edit = (file: string, fn: (t: string) => string) => writeFileSync(path.join(dir, file), fn(readFileSync(path.join(dir, file), 'utf8')));
    // It crashed the layout (hours), or printed "undefined" (footer) or nothing.
    edit('regions/kiel.yaml', (t) => t.replace(/^contact:\n/m, 'contact:\n  hours: {}\n'));
    edit('regions/koeln.yaml', (t) => t.replace(/^name:.*\n(?: {2}.*\n)*/m, 'name: {}\n'));
    edit('brand.yaml', (t) => t.replace(/^footer:.*\n(?: {2}.*\n)*/m, 'footer: {}\n'));
    const found = validate(dir).findings;
    expect(found.map((f) => `${path.basename(f.file)} ${f.yamlPath}: ${f.message}`).sort()).toEqual([
      'brand.yaml footer: "footer" has no text: the brackets {} are empty',
      'kiel.yaml contact.hours: "hours" has no text: the brackets {} are empty',
      'koeln.yaml name: "name" has no text: the brackets {} are empty',
    ]);
  });

  it('warns of another language’s quotation marks in a text, once per mark and file', () => {
    const meta = readFileSync(path.join(fixtures, 'minimal/sheets/kurz/sheet.yaml'), 'utf8').replace('locales: [de]', 'locales: [de, en]');
    const de = readFileSync(path.join(fixtures, 'minimal/sheets/kurz/de.yaml'), 'utf8');
    const en = de.replace('title: Ein kurzes Testblatt', 'title: A „short“ sheet').replace('heading: Zweiter Abschnitt', 'heading: „Second“ section');
    const findings = validate(minimalWith({ 'sheets/kurz/sheet.yaml': meta, 'sheets/kurz/en.yaml': en })).findings.filter((f) => /quotation mark/.test(f.message));
    expect(findings.map((f) => `${f.severity} ${path.basename(f.file)}:${f.line}:${f.column} ${f.message}`)).toEqual([
      'warning en.yaml:1:10 "„" is not a quotation mark of "en" texts, which print “…” (and ‘…’ inside), so it is printed as typed',
    ]);
    // German text with its own marks (also »…«, and the apostrophe) is fine.
    expect(validate(minimalWith({ 'sheets/kurz/de.yaml': de.replace('Ein kurzes', 'Ein „kurzes“ »Test«, geht’s') })).findings).toEqual([]);
    // English quotes pasted into German: “ and ‘ are German marks, but closing ones, here opening a quote.
    const pasted = validate(minimalWith({ 'sheets/kurz/de.yaml': de.replace('title: Ein kurzes Testblatt', 'title: Ein “kurzes” Testblatt').replace('heading: Zweiter Abschnitt', 'heading: Der ‘zweite’ Abschnitt, so ist’s') })).findings;
    expect(pasted.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '1:19 "”" is not a quotation mark of "de" texts, which print „…“ (and ‚…‘ inside), so it is printed as typed',
      '1:12 "“" opens a quotation here, but "de" texts open one with „ (“ closes it), so it is printed as typed',
      '17:18 "‘" opens a quotation here, but "de" texts open one with ‚ (‘ closes it), so it is printed as typed',
    ]);
    // A draft in a language whose marks infoblatt does not know gets no claim about them.
    const fr = validate(minimalWith({ 'sheets/kurz/fr.yaml': de.replace('Ein kurzes Testblatt', 'Une « courte » fiche') })).findings;
    expect(fr.filter((f) => /quotation mark/.test(f.message))).toEqual([]);
  });

  it('names the code of a language written by its name where a code belongs', () => {
    const meta = readFileSync(path.join(fixtures, 'minimal/sheets/kurz/sheet.yaml'), 'utf8').replace('locales: [de]', 'locales: [de, Polish, Türkçe]');
    const findings = validate(minimalWith({ 'sheets/kurz/sheet.yaml': meta })).findings.filter((f) => f.yamlPath.startsWith('locales'));
    expect(findings.map((f) => `${f.yamlPath}: ${f.message} | ${f.hint}`)).toEqual([
      'locales[1]: "Polish" is not a language code | Did you mean "pl"? List language codes such as de, en or tr.',
      'locales[2]: "Türkçe" is not a language code | Did you mean "tr"? List language codes such as de, en or tr.',
    ]);
    // Nothing else asks for a "Polish:" form (footer, region names): the code is the mistake.
    expect(validate(minimalWith({ 'sheets/kurz/sheet.yaml': meta })).findings.filter((f) => f.message.includes('Polish'))).toHaveLength(1);
  });
});
