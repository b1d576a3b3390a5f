import type { VariantKey } from '../model.js';
import type { PathSegment } from '../content/source.js';
import { findingAt } from '../content/check-schema.js';
import { hintEnd } from './fit.js';
import { withVariant, type Finding } from '../findings.js';
import type { ValidContent } from './validate.js';

/**
 * The rule that no text runs past its box (src/overflow.ts finds such lines while rendering): a
 * word that cannot break and is wider than its line is cut off at the page edge or printed over
 * its neighbour. The finding points at the word where it is written: the region's file (contact
 * details, additions), else the sheet's text in the language, else its source language.
 */
/** `inPreview`: as for checkFit, the hint does not send people to the preview they are in. */
export function checkOverflow(content: ValidContent, key: VariantKey, tooWide: readonly string[], inPreview = false): Finding | undefined {
  if (tooWide.length === 0) return undefined;
  // What could not break: the longest run without a space.
  const word = longest(tooWide[0]!.split(/ +/));
  const message = `"${word}" is wider than its line and runs past its box`;
  const end = hintEnd(key, inPreview);
  const region = content.regions.get(key.region);
  const sheet = content.sheets.get(key.sheet);
  const candidates = [region?.source, sheet?.texts.get(key.locale)?.source, sheet?.texts.get(sheet.meta.source_locale)?.source];
  // The printed word may carry typography (no-break spaces, quotes): look for its longest plain part.
  // A divided word's first part ends in the hyphen the line breaker added: not in the text.
  const needle = longest(word.split(/[\s\u00a0„“”‘’"'«»()]+/)).replace(/(?<=\p{L})-$/u, '');
  // Templates may print a text in capitals (the kicker): compared without case, in the language.
  const lower = (text: string) => text.toLocaleLowerCase(key.locale);
  for (const source of candidates) {
    if (!source) continue;
    const found = pathOf(source.data, lower(needle), lower);
    if (!found) continue;
    // An address has no spaces (the schema refuses them): only a shorter one helps.
    const address = found.path[0] === 'contact' && (found.path[1] === 'web' || found.path[1] === 'email');
    const fix = address ? 'Give a shorter address that leads to the same place (the site\'s start page, or a short link)'
      : source === region?.source ? 'Shorten it, or write it with spaces where it may break' : 'Shorten it, or break it with a hyphen (a compound: "Datenschutz-Vereinbarung")';
    return withVariant(findingAt(source, found.path, 'error', message, `${fix}${end}`, { text: found.written }), key);
  }
  const fallback = sheet?.texts.get(key.locale)?.source ?? sheet?.source;
  return fallback ? withVariant(findingAt(fallback, [], 'error', message, `Break it with a hyphen or shorten it${end}`), key) : undefined;
}

/** The longest of `parts` (the first of equals). */
const longest = (parts: readonly string[]): string => parts.reduce((a, b) => (b.length > a.length ? b : a), '');

/**
 * The first string value in `data` that contains `needle` (both compared through `fold`): its
 * path, and the needle as written there.
 */
function pathOf(data: unknown, needle: string, fold: (text: string) => string, path: PathSegment[] = []): { path: PathSegment[]; written: string } | undefined {
  if (typeof data === 'string') {
    const at = fold(data).indexOf(needle);
    // Folding case keeps the length of the letters a sheet uses, so the offset holds in the original.
    return at < 0 ? undefined : { path, written: data.slice(at, at + needle.length) };
  }
  const entries: Array<[PathSegment, unknown]> = Array.isArray(data) ? data.map((v, i) => [i, v]) : data !== null && typeof data === 'object' ? Object.entries(data) : [];
  for (const [k, v] of entries) {
    const found = pathOf(v, needle, fold, [...path, k]);
    if (found) return found;
  }
  return undefined;
}
