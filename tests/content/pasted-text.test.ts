import { describe, expect, it } from 'vitest';
import { minimalWith, validate } from '../helpers/content.js';

/**
 * What a regional office pastes from Word, Outlook or a web page into its file: characters that
 * print as nothing or look like others, a sentence's punctuation, Outlook's wrapped links. Each
 * either works as the office means it, or is named where it stands.
 */

const contact = (fields: string) => `name: Testort\ncontact:\n  office: Büro\n  street: Weg 1\n  postcode: "01067"\n  city: Testort\n${fields}`;
const withAppend = (text: string) => `${contact('')}overrides:\n  kurz:\n    de:\n      sections:\n        zweiter:\n          append: |\n            ${text}\n`;

/** The region file's findings as "severity line:column path: message". */
function findings(region: string): string[] {
  return validate(minimalWith({ 'regions/testort.yaml': region })).findings.map((f) => `${f.severity} ${f.line}:${f.column} ${f.yamlPath}: ${f.message}`);
}

describe('text pasted into a region file', () => {
  it('refuses an address holding a character that prints as nothing, naming it, since its link would lead elsewhere', () => {
    expect(findings(contact('  web: https://www.example.org/\u200btestort\n'))).toEqual([
      'error 7:8 contact.web: "https://www.example.org/\u200btestort" holds a zero-width space (U+200B) at character 25, which prints as nothing but would change where the link leads',
    ]);
    expect(findings(contact('  web: https://www.example.org/test\u00adort\n'))[0]).toContain('holds a soft hyphen (U+00AD) at character 29');
    expect(findings(contact('  email: testort\u200b@example.org\n'))[0]).toContain('holds a zero-width space (U+200B) at character 8');
    // In running text the address is linked without the character: to another mailbox, another page.
    expect(findings(withAppend('Schreibt an daten\u200bschutz@example.org oder lest www.example.org/\u200bdatenschutz.'))).toEqual([
      'error 13:25 overrides.kurz.de.sections.zweiter.append: the address "datenschutz@example.org" holds a zero-width space (U+200B), which prints as nothing but changes where its link leads',
      'error 13:60 overrides.kurz.de.sections.zweiter.append: the address "www.example.org/datenschutz" holds a zero-width space (U+200B), which prints as nothing but changes where its link leads',
    ]);
    // Elsewhere in a word such a character is harmless: a soft hyphen marks where it may divide,
    // also in a link's text right beside its address.
    expect(findings(withAppend('Die Daten\u00adschutz\u00adbeauftragte hilft.'))).toEqual([]);
    expect(findings(withAppend('Lest die [Datenschutz\u00aderklärung](https://www.example.org/datenschutz).'))).toEqual([]);
  });

  it('names the invisible character that makes a value or a key wrong, which would otherwise read like the right one', () => {
    expect(findings(contact('  email\u200b: testort@example.org\n'))).toEqual(['error 7:3 contact.email\u200b: unknown field "email\u200b" (it holds a zero-width space (U+200B) at character 6)']);
    expect(findings(contact('  email: "testort@example.org\u00a0"\n'))).toEqual(['error 7:10 contact.email: "testort@example.org\u00a0" (it holds a no-break space (U+00A0) at character 20) is not an e-mail address']);
  });

  it('takes phone numbers as signatures write them, and refuses one with a second extension, which would be dialled as one number', () => {
    for (const phone of ['(040) 123456-0', '+49\u00a040\u00a0123456\u20110', '0421 / 123456-0']) expect(findings(contact(`  phone: "${phone}"\n`))).toEqual([]);
    expect(findings(contact('  phone: "+49 40 123456-0 / \u201099"\n'))[0]).toContain('holds a second number after "/"');
    expect(findings(contact('  phone: "+49 40 123456-0 / -99"\n'))).toEqual([
      'error 7:10 contact.phone: "+49 40 123456-0 / -99" holds a second number after "/", and a phone number\'s link dials one',
    ]);
  });

  it('refuses a web address with the punctuation of the sentence it came from, or wrapped in an Outlook safe link', () => {
    expect(findings(contact('  web: https://www.example.org/testort.\n'))).toEqual(['error 7:8 contact.web: "https://www.example.org/testort." ends in ".", which is not part of a web address']);
    expect(findings(contact('  web: https://www.example.org/testort),\n'))[0]).toContain('ends in "),"');
    // A bracket the address opened is its own, however many it has; the sentence's full stop is not.
    for (const web of ['https://de.wikipedia.org/wiki/Datenschutz_(Recht)', 'https://de.wikipedia.org/wiki/A_(B)_(C)', 'https://www.example.org/?q=f(x)+g(y)']) {
      expect(findings(contact(`  web: ${web}\n`))).toEqual([]);
    }
    const stop = validate(minimalWith({ 'regions/testort.yaml': contact('  web: https://de.wikipedia.org/wiki/Datenschutz_(Recht).\n') })).findings;
    expect(stop.map((f) => [f.message, f.hint])).toEqual([['"https://de.wikipedia.org/wiki/Datenschutz_(Recht)." ends in ".", which is not part of a web address', 'Delete it (web: https://de.wikipedia.org/wiki/Datenschutz_(Recht)); the sentence it came from is not printed here.']]);
    const safe = validate(minimalWith({ 'regions/testort.yaml': contact('  web: https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.example.org%2Ftestort&data=05%7C01&reserved=0\n') })).findings;
    expect(safe.map((f) => [f.message, f.hint])).toEqual([['this is an Outlook "safe link", which leads through Microsoft\'s servers and is too long to print', 'Write the address it stands for: web: https://www.example.org/testort']]);
  });

  it('names Word\'s manual line break, which would join two words, and another language\'s quotes in a region\'s text', () => {
    expect(findings(contact('').replace('name: Testort', 'name: Test\u000bort'))).toEqual([
      'error 1:11 name: the text holds a vertical tab (U+000B), which is not printed, so the words on either side of it run together; Word\'s manual line break (Shift+Enter) is pasted as one',
    ]);
    expect(findings(withAppend('Erste Zeile\u2028zweite Zeile.'))[0]).toContain('the text holds a line separator (U+2028), which is not printed');
    expect(findings(withAppend('Wir nutzen den \u201cWarteraum\u201d.'))).toEqual([
      'warning 13:38 overrides.kurz.de.sections.zweiter.append: "\u201d" is not a quotation mark of "de" texts, which print „…“ (and ‚…‘ inside), so it is printed as typed',
      'warning 13:28 overrides.kurz.de.sections.zweiter.append: "\u201c" opens a quotation here, but "de" texts open one with „ (\u201c closes it), so it is printed as typed',
    ]);
  });

  it('refuses a list nested deeper than a sheet prints where it stands, which failed to render (exit 70)', () => {
    expect(findings(withAppend(`${'- '.repeat(150)}x`))).toEqual([
      'error 13:13 overrides.kurz.de.sections.zweiter.append: a line starts with 299 columns of indentation and list or quotation marks, nesting it deeper than a sheet can print',
    ]);
    expect(findings(withAppend('- - - - x'))).toEqual([
      'error 13:19 overrides.kurz.de.sections.zweiter.append: a list nested more than 3 levels deep, deeper than a sheet can print',
    ]);
  });

  it('refuses a character reference where it stands, which linked an address elsewhere than it printed', () => {
    expect(findings(withAppend('Mail an ham&#x200D;burg@example.org heute.'))).toEqual([
      'error 13:24 overrides.kurz.de.sections.zweiter.append: "&#x200D;" is HTML\'s way of writing a zero-width joiner (U+200D); a text is printed as typed, so write the character itself',
    ]);
  });

  it('refuses an http:// address written out in a text where it stands, as it refuses a link to one', () => {
    expect(findings(withAppend('Siehe http://example.org/x'))).toEqual([
      'error 13:19 overrides.kurz.de.sections.zweiter.append: the address "http://example.org/x" would be a link that does not start with https://, mailto: or tel:',
    ]);
  });

  it('warns that opening hours over several lines without "|" are printed as one line', () => {
    expect(findings(contact('  hours:\n    Mo–Do 9–16 Uhr\n    Fr 9–13 Uhr\n'))).toEqual([
      'warning 9:5 contact.hours: these lines are printed as one: without "|" after "hours:", YAML joins them',
    ]);
    expect(findings(contact('  hours: |\n    Mo–Do 9–16 Uhr\n    Fr 9–13 Uhr\n'))).toEqual([]);
    // One line after ">" is one line.
    expect(findings(contact('  hours: >\n    Mo–Do 9–16 Uhr, Fr 9–13 Uhr\n'))).toEqual([]);
    expect(findings(contact('  hours: >\n    Mo–Do 9–16 Uhr,\n    Fr 9–13 Uhr\n'))).toEqual(['warning 9:5 contact.hours: these lines are printed as one: with ">" after "hours:", YAML joins them']);
    expect(findings(contact('  hours:\n    de: Mo–Do 9–16 Uhr,\n      Fr 9–13 Uhr\n'))).toEqual(['warning 9:7 contact.hours.de: these lines are printed as one: without "|" after "de:", YAML joins them']);
  });
});
