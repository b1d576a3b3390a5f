/**
 * A web or e-mail address written out in running text ("unter www.igmetall.de/zoom",
 * "an {contact.email}") becomes a link in the PDF, as a word processor makes one: a reader on
 * screen clicks it instead of typing it. Markdown's own links ([text](https://…), <https://…>)
 * are links already. Punctuation that ends the sentence is not part of the address.
 */

export interface Piece {
  text: string;
  /** Set for an address: where the link leads. */
  href?: string;
}

// An apostrophe ends an address: after it come a Turkish suffix or an English possessive
// ("www.igmetall.de'den", "example.org's"); so do ellipses, dashes and guillemets.
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>"'„“”‘’«»‹›…–—]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** What may follow an address in a sentence without belonging to it. */
const TRAILING = /[.,;:!?'"’”“»›)\]]+$/u;

/** Every address has one of these: most text runs are answered without the Unicode pattern. */
const MARKER = /@|www\.|https?:\/\//;

export function linkAddresses(text: string): Piece[] {
  if (!MARKER.test(text)) return text ? [{ text }] : [];
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of text.matchAll(ADDRESS)) {
    const address = m[0].slice(0, m[0].length - sentenceEndOf(m[0]).length);
    if (!/\.\p{L}/u.test(address.replace(/^https?:\/\//, ''))) continue;
    // "info@region.example.org" but not the end of a web address ("…/team@work") read as an e-mail.
    if (m.index > 0 && /[/\p{L}\p{N}]/u.test(text[m.index - 1]!)) continue;
    if (m.index > at) pieces.push({ text: text.slice(at, m.index) });
    pieces.push({ text: address, href: hrefOf(address) });
    at = m.index + address.length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/**
 * The punctuation at the end of `address` that belongs to the sentence around it ("." or "),"),
 * "" when there is none. A closing bracket belongs to the address only when it opened one
 * ("…/Datenschutz_(Recht)").
 */
export function sentenceEndOf(address: string): string {
  let trailing = TRAILING.exec(address)?.[0] ?? '';
  while (trailing.startsWith(')') && count(address.slice(0, -trailing.length), '(') > count(address.slice(0, -trailing.length), ')')) trailing = trailing.slice(1);
  return trailing;
}

/** Whether a word holds an address that linkAddresses would link. */
export function containsAddress(word: string): boolean {
  return linkAddresses(word).some((piece) => piece.href !== undefined);
}

function hrefOf(address: string): string {
  if (/^https?:\/\//.test(address)) return linkTarget(address);
  if (address.startsWith('www.')) return linkTarget(`https://${address}`);
  return `mailto:${address}`;
}

/** A web address as the page prints it: without "https://" and a closing slash, which say nothing to a reader. */
export const printedAddress = (url: string): string => url.replace(/^https:\/\//, '').replace(/\/$/, '');

/**
 * A web address as a link or QR code holds it: ASCII, the host in punycode and the path
 * percent-encoded ("https://www.igmetall-küste.de" → "https://www.xn--igmetall-kste-…"). A PDF's
 * link is 7-bit text, and scanners read a QR code's bytes as they are. The page shows the
 * address as written.
 */
export function linkTarget(url: string): string {
  // (The Markdown parser hands over "k%C3%BCste" in a host: decoded and punycoded here too.)
  if (!/^https?:\/\//.test(url) || (/^[\x21-\x7e]*$/.test(url) && !/^https?:\/\/[^/?#]*%/.test(url))) return url;
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

const count = (text: string, ch: string) => text.split(ch).length - 1;
