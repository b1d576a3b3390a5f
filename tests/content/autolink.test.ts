import { describe, expect, it } from 'vitest';
import { linkAddresses, linkTarget } from '../../src/content/autolink.js';

describe('addresses in running text', () => {
  it('links web and e-mail addresses, without the punctuation that ends the sentence', () => {
    expect(linkAddresses('Mehr unter www.igmetall.de/zoom, oder schreibt an hamburg@example.org.')).toEqual([
      { text: 'Mehr unter ' },
      { text: 'www.igmetall.de/zoom', href: 'https://www.igmetall.de/zoom' },
      { text: ', oder schreibt an ' },
      { text: 'hamburg@example.org', href: 'mailto:hamburg@example.org' },
      { text: '.' },
    ]);
    expect(linkAddresses('(siehe https://example.org/a_(b)).')).toEqual([
      { text: '(siehe ' },
      { text: 'https://example.org/a_(b)', href: 'https://example.org/a_(b)' },
      { text: ').' },
    ]);
    expect(linkAddresses('„https://example.org/“ steht dort')).toEqual([
      { text: '„' },
      { text: 'https://example.org/', href: 'https://example.org/' },
      { text: '“ steht dort' },
    ]);
  });

  it('ends an address at an apostrophe, an ellipsis, a dash or a guillemet', () => {
    const links = (text: string) => linkAddresses(text).filter((p) => p.href).map((p) => p.href);
    expect(links("Ayrıntılar www.igmetall.de'de.")).toEqual(['https://www.igmetall.de']);
    expect(links('www.example.org’s pages')).toEqual(['https://www.example.org']);
    expect(links('siehe www.igmetall.de…')).toEqual(['https://www.igmetall.de']);
    expect(links('https://igmetall.de/zoom—dort')).toEqual(['https://igmetall.de/zoom']);
    expect(links('‹www.igmetall.de›')).toEqual(['https://www.igmetall.de']);
  });

  it('leaves text without an address as one piece, and what only looks like one', () => {
    expect(linkAddresses('Am 5.5.2020 um 16 Uhr, z. B. bei IG Metall.de')).toEqual([{ text: 'Am 5.5.2020 um 16 Uhr, z. B. bei IG Metall.de' }]);
    expect(linkAddresses('Teilnehmer*innen @ home')).toEqual([{ text: 'Teilnehmer*innen @ home' }]);
  });
});

describe('linkTarget', () => {
  it('writes a web address as links and QR codes hold it: ASCII, the host in punycode', () => {
    expect(linkTarget('https://www.igmetall-küste.de/bremen')).toBe('https://www.xn--igmetall-kste-5ob.de/bremen');
    // As the Markdown parser hands a link over: the host percent-encoded.
    expect(linkTarget('https://www.igmetall-k%C3%BCste.de/bremen')).toBe('https://www.xn--igmetall-kste-5ob.de/bremen');
    expect(linkTarget('https://www.example.org/ü')).toBe('https://www.example.org/%C3%BC');
    // Everything else as written: the links of today's sheets do not change.
    expect(linkTarget('https://www.igmetall.de')).toBe('https://www.igmetall.de');
    expect(linkTarget('mailto:büro@example.org')).toBe('mailto:büro@example.org');
    expect(linkAddresses('mehr unter www.igmetall-küste.de.')[1]).toEqual({ text: 'www.igmetall-küste.de', href: 'https://www.xn--igmetall-kste-5ob.de/' });
  });
});
