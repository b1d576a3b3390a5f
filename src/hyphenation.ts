import { baseLanguage, forLocale } from './locale.js';
import { containsAddress } from './content/autolink.js';
import { divisionsOf, type Divisions } from './content/hyphenation-words.js';

/**
 * Hyphenation per language from TeX's patterns (via @react-pdf/hyphenate, which ships those of
 * the `hyphen` package). react-pdf by default hyphenates everything with US English patterns; we
 * hand each <Text> the function of the variant's language instead. Patterns are loaded on first
 * use: building a pattern trie costs tens of milliseconds a language.
 *
 * Two rules of our own on top of the patterns, from German print practice:
 * - at least 3 letters on each side of a syllable break ("er-/fahren", "Da-/tenschutz…" and "ap-/plies"
 *   leave too little to read on), and no break in words under 6 letters;
 * - a compound with a hyphen ("Social-Media-Kanäle") may break at its own hyphen, with no second
 *   one added (line-breaks.ts), as well as inside its parts; not where that leaves a single
 *   letter ("E-/Mail").
 */

export type Hyphenate = (word: string) => string[];

/** No breaks at all: titles, headings, names, addresses, and languages without patterns. */
export const keepWhole: Hyphenate = (word) => [word];

/**
 * Display lines (titles, headlines): words stay whole, as a typesetter keeps them, except a word
 * wider than the whole line, such as a long German compound in a poster headline, which is
 * hyphenated by the language's patterns rather than run off the page. `fits` says whether a word
 * fits on one line (a template measures it with its font and size).
 */
export function wholeWhereItFits(hyphenate: Hyphenate, fits: (word: string) => boolean): Hyphenate {
  const parts = new Map<string, string[]>();
  return (word) => {
    let p = parts.get(word);
    if (!p) parts.set(word, (p = fits(word) ? [word] : hyphenate(word)));
    return p;
  };
}

/**
 * The default for every <Text> that names no hyphenation of its own (render.ts registers it):
 * short lines such as the kicker, the region's name in the masthead, footers and labels. No
 * syllable breaks (react-pdf's default would set names like "Cuxhaven" with English patterns,
 * "CUX-HAVEN"), but a line may end after a hyphen the word has ("Bremerhaven-Cuxhaven"), with
 * nothing added (line-breaks.ts).
 */
export const breakAtHyphens: Hyphenate = (word) => word.split(/(?<=\p{L}[-\u2010])(?=\p{L})/u);

/**
 * E-mail and web addresses, which are one long word: a line may break after "@" and "/" (not
 * between the two of "//") and before "."; an e-mail address's domain stays whole ("example.org"
 * rather than "example / .org"), and so does "www." with the name after it (a line ending in "www"
 * reads like a word). There react-pdf adds no hyphen (line-breaks.ts). Not after a "-": a line
 * that ends with one reads as a divided word. But a part longer than LONG_PART may break before
 * its hyphens, as style guides for addresses have it: a line that starts with "-" is no divided
 * word ("…/formular" / "-fuer-kolleginnen-…"). A walk found such a part letter-spaced across a
 * whole line. Without this, an address wider than its column ran out of the contact box.
 */
export const breakAddress: Hyphenate = (word) => {
  const at = word.lastIndexOf('@');
  const joints = (part: string) => part.split(/(?<=\/(?!\/))|(?=\.)/).flatMap((piece) => (piece.length > LONG_PART ? piece.split(/(?=-(?!-))(?<!-)/) : [piece]));
  const parts = (at < 0 ? joints(word) : [...joints(word.slice(0, at + 1)), word.slice(at + 1)]).filter((part) => part.length > 0);
  const www = parts.findIndex((part) => /^[^\p{L}]*www$/iu.test(part));
  if (www >= 0 && www < parts.length - 1) parts.splice(www, 2, parts[www]! + parts[www + 1]!);
  return parts;
};

/** Longer than "zoom-datenschutz" and other path parts a line easily holds. */
const LONG_PART = 24;

type Syllables = (word: string) => string[];
/** Each language's patterns, loaded when a document in it is set (a module of its own each). */
const patterns: Record<string, () => Promise<{ syllables: Syllables }>> = {
  de: () => import('@react-pdf/hyphenate/de'),
  en: () => import('@react-pdf/hyphenate/en-gb'),
  tr: () => import('@react-pdf/hyphenate/tr'),
  pl: () => import('@react-pdf/hyphenate/pl'),
  cs: () => import('@react-pdf/hyphenate/cs'),
  sk: () => import('@react-pdf/hyphenate/sk'),
  ru: () => import('@react-pdf/hyphenate/ru'),
  uk: () => import('@react-pdf/hyphenate/uk'),
  bg: () => import('@react-pdf/hyphenate/bg'),
  el: () => import('@react-pdf/hyphenate/el-monoton'),
  it: () => import('@react-pdf/hyphenate/it'),
  es: () => import('@react-pdf/hyphenate/es'),
  ro: () => import('@react-pdf/hyphenate/ro'),
  nl: () => import('@react-pdf/hyphenate/nl'),
};

/** Whether infoblatt has hyphenation patterns for `locale`. */
export const hasHyphenationFor = (locale: string) => forLocale(patterns, locale) !== undefined;

const LEFT_MIN = 3;
const RIGHT_MIN = 3;
/** At a hyphen the word has, 2 letters before it are enough ("IT-/Service"), 1 is not ("E-/Mail"). */
const LEFT_MIN_AT_HYPHEN = 2;
const MIN_WORD = 6;
const LETTER = /\p{L}/u;
/**
 * Turkish writes a suffix on a proper name after an apostrophe ("Facebook’ta", "IG Metall’in").
 * The name is often foreign, and Turkish patterns split it as if it were Turkish ("Face-bo-ok’ta"),
 * so such a word is kept whole, as Turkish typesetters do.
 */
const NAME_WITH_SUFFIX: Record<string, RegExp> = { tr: /\p{L}['’]\p{L}/u };

/**
 * The hyphenation of a language: its patterns with our rules, and `words`, the organisation's own
 * divisions (brand.yaml, content/hyphenation-words.ts), which take the patterns' place for the
 * words they list.
 */
export async function hyphenatorFor(locale: string, words: readonly string[] = [], names: readonly string[] = []): Promise<Hyphenate> {
  const language = baseLanguage(locale);
  const load = patterns[language];
  if (!load) return keepWhole;
  const { syllables } = await load();
  const divisions = divisionsOf(words, language);
  const nameWithSuffix = NAME_WITH_SUFFIX[language];
  const bound = names.filter((n) => n.includes(' ')).map((n) => n.replace(/ /g, NO_BREAK));
  // The name written with hyphens in a compound ("IG-Metall-Beschäftigten") is not divided either:
  // a proofreader found "IG-/Metall-Beschäftigten" in every German sheet.
  const hyphenated = names.filter((n) => n.includes(' ')).map((n) => n.replace(/ /g, '-'));
  const cache = new Map<string, string[]>();
  return (word) => {
    let parts = cache.get(word);
    if (!parts) {
      // An e-mail or web address in running text ("unter leipzig@example.org.") is broken as the
      // contact box breaks one, never by syllables: a walk found "leipzig@examp- / le.org", which a
      // reader would type with the hyphen. An address is what autolink.ts links, so the two agree.
      parts = containsAddress(word)
        ? breakAddress(word)
        : nameWithSuffix?.test(word) ? [word] : keepNamesWhole(divideBound(word, bound, (piece) => split(piece, syllables, divisions, language)), word, hyphenated);
      cache.set(word, parts);
    }
    return parts;
  };
}

const NO_BREAK = '\u00a0';

/**
 * Words joined by no-break spaces (typography.ts: "9 Stunden", "z. B.", the organisation's name)
 * reach the hyphenation as one word. Each is divided on its own, as the patterns know single
 * words: "IG Metall" taken as one word became "IG Me-/tall", the "IG" counting towards the letters
 * a division must leave. The joints themselves never become breaks, and `names` (the
 * organisation's, as typography.ts binds it) are never divided at all: the name stays on one line.
 */
function divideBound(word: string, names: readonly string[], divide: (piece: string) => string[]): string[] {
  if (!word.includes(NO_BREAK)) return divide(word);
  const kept: Array<[number, number]> = [];
  for (const name of names) for (let at = word.indexOf(name); at >= 0; at = word.indexOf(name, at + 1)) kept.push([at, at + name.length]);
  const insideName = (offset: number) => kept.some(([from, to]) => from < offset && offset < to);
  const out: string[] = [];
  let at = 0;
  for (const piece of word.split(/(?<=\u00a0)/)) {
    divide(piece).forEach((part, i) => {
      // No break at a joint (i = 0) nor inside a name ("IG Metall-/Mitglieder" may still break).
      if (out.length > 0 && (i === 0 || insideName(at))) out[out.length - 1] += part;
      else out.push(part);
      at += part.length;
    });
  }
  return out;
}

/**
 * `parts` of `word` joined again where they divide one of `names`, found as written in any case
 * and only as a whole word or a part of a compound ("IG-Metall-Beschäftigten", not the "ig-metall"
 * in "Leipzig-Metallarbeiter"). Offsets are taken on the word as it is: lowercasing would change
 * lengths ("İ" becomes two characters).
 */
function keepNamesWhole(parts: string[], word: string, names: readonly string[]): string[] {
  if (parts.length < 2 || names.length === 0) return parts;
  const spans: Array<[number, number]> = [];
  for (const name of names) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of word.matchAll(pattern)) spans.push([m.index, m.index + m[0].length]);
  }
  if (spans.length === 0) return parts;
  const out: string[] = [];
  let at = 0;
  for (const part of parts) {
    if (out.length > 0 && spans.some(([from, to]) => from < at && at < to)) out[out.length - 1] += part;
    else out.push(part);
    at += part.length;
  }
  return out;
}

function split(word: string, syllables: Syllables, divisions: Divisions, language: string): string[] {
  // Punctuation around the word („Zoom“, "(anonymisiert),") stays attached to its first/last part.
  const m = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/su.exec(word);
  if (!m || m[2]!.length < MIN_WORD) return [word];
  const [, before, core, after] = m as unknown as [string, string, string, string];
  // Parts of a word joined by a hyphen or a slash ("Datenschutz-Vereinbarung", "und/oder") are
  // looked up and divided one by one; the line may break after the joint too (line-breaks.ts adds no hyphen there).
  const pieces = core.split(/(?<=[-\u2010/])/);
  // A word with hyphens of its own, listed as written: divided at those only.
  const asWritten = pieces.length > 1 && divisions.asWritten.has(core.toLocaleLowerCase(language));
  const out: string[] = [];
  pieces.forEach((piece, i) => {
    const listed = divisions.byWord.get(piece.replace(/[-\u2010/]$/, '').toLocaleLowerCase(language));
    const syl = asWritten ? [piece] : listed ? divide(piece, listed) : piece.length >= MIN_WORD ? tighten(syllablesAsWritten(piece, syllables, language)) : [piece];
    const atHyphenOk = letters(before + out.join('')) >= LEFT_MIN_AT_HYPHEN && letters(pieces.slice(i).join('') + after) >= RIGHT_MIN;
    if (out.length > 0 && !atHyphenOk) out[out.length - 1] += syl.shift() ?? '';
    out.push(...syl);
  });
  out[0] = before + out[0];
  out[out.length - 1] += after;
  // The parts must spell the word exactly: textkit maps them back onto the string by length.
  return out.join('') === word ? out.filter((p) => p.length > 0) : [word];
}

/**
 * The patterns' divisions of a word, cut from the word as written. The patterns read lower case,
 * and the hyphenation package lowers a word without its language: "İ" became "i̇", two characters,
 * and every division after it moved one letter ("İst-/anbul", "İşy-/eri"); "I" became "i", not
 * Turkish "ı". So the word is lowered here, in its language and letter by letter, each letter to
 * one (a capital without a one-letter lower case stays as it is), and the parts' lengths are
 * taken back onto the word.
 */
function syllablesAsWritten(piece: string, syllables: Syllables, language: string): string[] {
  const lower = [...piece].map((c) => {
    const l = c.toLocaleLowerCase(language);
    return l.length === c.length ? l : c;
  }).join('');
  let at = 0;
  return syllables(lower).map((part) => piece.slice(at, (at += part.length)));
}

/** A listed word at its listed divisions, as written in the text (its case, a hyphen it ends with). */
function divide(piece: string, offsets: readonly number[]): string[] {
  return [0, ...offsets].map((at, i) => piece.slice(at, offsets[i] ?? piece.length));
}

const letters = (s: string) => [...s].filter((c) => LETTER.test(c)).length;

/** Joins syllables so that no break leaves fewer than LEFT_MIN / RIGHT_MIN letters on a side. */
function tighten(syl: string[]): string[] {
  const out = [...syl];
  while (out.length > 1 && letters(out[0]!) < LEFT_MIN) out.splice(0, 2, out[0]! + out[1]!);
  while (out.length > 1 && letters(out.at(-1)!) < RIGHT_MIN) out.splice(-2, 2, out.at(-2)! + out.at(-1)!);
  return out;
}
