import { describe, expect, it } from 'vitest';
import { fillPlaceholders, findLoneBraces, findPlaceholders } from '../../src/content/placeholders.js';

describe('placeholders', () => {
  it('fills known placeholders and reports those without a value', () => {
    const r = fillPlaceholders('IG Metall {region.name}, Telefon {contact.phone}', { 'region.name': 'Region Hamburg' });
    expect(r.text).toBe('IG Metall Region Hamburg, Telefon {contact.phone}');
    expect(r.missing).toEqual(['contact.phone']);
  });

  it('treats doubled braces as literal braces', () => {
    expect(fillPlaceholders('{{region.name}} ist {region.name}', { 'region.name': 'X' }).text).toBe('{region.name} ist X');
    expect(findPlaceholders('{{nicht}} aber {doch}')).toEqual([{ name: 'doch', raw: '{doch}' }]);
  });

  it('finds every placeholder as written, typos included', () => {
    expect(findPlaceholders('{region.nmae} und { contact.email }').map((u) => u.name)).toEqual(['region.nmae', 'contact.email']);
  });
});

describe('braces that belong to no placeholder', () => {
  it('finds an unclosed placeholder and a lone closing brace, not {{ }} or a placeholder', () => {
    expect(findLoneBraces('Zoom in {region.name} und {contact.city hilft')).toEqual(['{contact.city']);
    expect(findLoneBraces('ein } zu viel')).toEqual(['}']);
    expect(findLoneBraces('{{wörtlich}} und {contact.city}')).toEqual([]);
  });
});
