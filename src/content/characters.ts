/**
 * Characters that come with text pasted from a word processor, an e-mail or a web page and look
 * like nothing, like a space or like a hyphen. A message that quotes a value holding one names
 * it, else the value it calls wrong reads exactly like the right one ("+49 40 123456-0" is not a
 * phone number).
 */

const NAMES: Record<string, string> = {
  '\t': 'a tab',
  '\u000b': 'a vertical tab',
  '\u00a0': 'a no-break space',
  '\u00ad': 'a soft hyphen',
  '\u2007': 'a figure space',
  '\u2009': 'a thin space',
  '\u200b': 'a zero-width space',
  '\u200c': 'a zero-width non-joiner',
  '\u200d': 'a zero-width joiner',
  '\u200e': 'a left-to-right mark',
  '\u200f': 'a right-to-left mark',
  '\u2010': 'a typographic hyphen',
  '\u2011': 'a non-breaking hyphen',
  '\u2013': 'an en dash',
  '\u2014': 'an em dash',
  '\u2028': 'a line separator',
  '\u2029': 'a paragraph separator',
  '\u202f': 'a narrow no-break space',
  '\u2060': 'a word joiner',
  '\ufeff': 'a byte order mark',
};

/** "U+00A0". */
export const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** "a no-break space (U+00A0)", or for a character without a name here '"ß" (U+00DF)'. */
export const characterName = (ch: string): string => `${NAMES[ch] ?? `"${ch}"`} (${codePoint(ch)})`;

/**
 * As characterName, but a character without a name that prints nothing of its own (a control or
 * a direction mark) by its code point alone: quoted, it would act on the terminal or the line.
 */
export const characterNameOrCode = (ch: string): string => (NAMES[ch] !== undefined || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch) ? characterName(ch) : codePoint(ch));

/** Characters that print as nothing, or as a space or hyphen like the ordinary one. Dashes are seen. */
const HIDDEN = /[\x00-\x08\t\x0b-\x1f\x7f\u00a0\u00ad\u2007\u2009\u200b-\u200f\u2010\u2011\u2028\u2029\u202f\u2060\ufeff]/gu;

/** Characters that print nothing at all: in an address they change where its link leads. */
export const INVISIBLE = /[\x00-\x08\x0b-\x1f\x7f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/u;

/** Which character of `value` (counted from 1, as a person would) stands at `index` (a UTF-16 offset). */
export const characterAt = (value: string, index: number): number => [...value.slice(0, index)].length + 1;

/**
 * The hidden characters of `value`, for a message: " (it holds a no-break space (U+00A0) at
 * character 4)", or "" when there is none.
 */
export function hiddenIn(value: string): string {
  const found = [...value.matchAll(HIDDEN)];
  if (found.length === 0) return '';
  const first = found[0]!;
  const at = characterAt(value, first.index);
  const more = found.length - 1;
  return ` (it holds ${characterName(first[0])} at character ${at}${more > 0 ? `, and ${more} more such ${more === 1 ? 'character' : 'characters'}` : ''})`;
}
