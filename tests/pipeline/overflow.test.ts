import { describe, expect, it } from 'vitest';
import { checkOverflow } from '../../src/pipeline/overflow.js';
import { minimalWith, validate } from '../helpers/content.js';

/** Where a word wider than its box is written, and what to do about it, by the kind of text it is in. */

const key = { sheet: 'kurz', region: 'testort', locale: 'de', template: 'infoblatt' };
const region = (contact: string) => `name: Testort\ncontact:\n  office: Büro\n  street: Weg 1\n  postcode: "01067"\n  city: Testort\n${contact}`;

describe('checkOverflow', () => {
  it('points at the word in the region\'s file, and asks for a shorter address where the word is one', () => {
    const long = 'https://www.example.org/?id=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const content = validate(minimalWith({ 'regions/testort.yaml': region(`  web: ${long}\n`) }));
    const address = checkOverflow(content, key, [long.replace('https://', '')])!;
    expect([address.line, address.column, address.yamlPath]).toEqual([7, 16, 'contact.web']);
    expect(address.hint).toMatch(/^Give a shorter address that leads to the same place/);
    // Other words of the region's file can be given spaces to break at.
    const street = 'Donaudampfschifffahrtsgesellschaftsstraße';
    const named = checkOverflow(validate(minimalWith({ 'regions/testort.yaml': region('').replace('Weg 1', `${street} 1`) })), key, [street])!;
    expect([named.yamlPath, named.hint]).toEqual(['contact.street', expect.stringMatching(/^Shorten it, or write it with spaces where it may break/)]);
  });
});
