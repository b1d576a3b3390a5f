import type { Finding } from '../findings.js';
import type { Block } from '../model.js';
import { missingGlyphs, type FontFamily } from '../fonts.js';
import { suggest } from '../messages.js';
import { findingAt } from './check-schema.js';
import { PASTED_LIST, parseMarkdown } from './markdown.js';
import { knowsTypographyOf, quoteMarksOf } from './typography.js';
import { PLACEHOLDER_NAMES, findLoneBraces, findPlaceholders, isPlaceholderName } from './placeholders.js';
import { isScalar, Scalar } from 'yaml';
import { nodeAt } from './locate.js';
import { linkAddresses } from './autolink.js';
import { INVISIBLE, characterName, codePoint } from './characters.js';
import type { PathSegment, SourceFile } from './source.js';

/**
 * Checks of the texts inside a valid file: Markdown a sheet can print, known placeholders, plain
 * headings and names, and characters the brand font can draw. Each finding points at the text.
 */

/** A Markdown text that passed validation, kept with where it came from for later findings. */
export interface Text {
  source: SourceFile;
  path: PathSegment[];
  blocks: Block[];
}

export function markdownText(source: SourceFile, at: PathSegment[], value: string, problems: Finding[]): Text {
  const { blocks, problems: md } = parseMarkdown(value);
  for (const p of md) {
    // A region's text goes into a section of the sheet: it cannot start a section of its own.
    const hint = at[0] === 'overrides' && p.kind === 'heading'
      ? 'A region\'s text has no headings of its own: write the words as a sentence, or in bold (**…**) at the start of a paragraph.'
      : p.hint;
    problems.push(findingAt(source, at, 'error', p.message, hint, { text: p.snippet, occurrence: p.occurrence }));
  }
  checkPlaceholders(source, at, value, problems);
  checkLineJoining(source, at, problems);
  checkHiddenInAddresses(source, at, value, problems);
  checkWordBullets(source, at, problems);
  return { source, path: at, blocks };
}

/**
 * Word's bullets of the second and third level arrive as "o" or "§" and a tab. The value has the
 * tab as a space already (tidyText), and "o " starts Turkish lines, "§ 87" German ones: so they
 * are looked for in the file as written, where the tab still is one.
 */
function checkWordBullets(source: SourceFile, at: PathSegment[], problems: Finding[]): void {
  const item = writtenLines(source, at)?.lines.find((line) => /^[ ]*[o§]\t/.test(line));
  if (item) problems.push(findingAt(source, at, 'error', PASTED_LIST.message, PASTED_LIST.hint, { text: item.replace(/\t/g, ' ').trim() }));
}

/**
 * A text's lines as written in the file, which YAML may join into one value (the header line of a
 * "|" or ">" block left out), and how it is written.
 */
function writtenLines(source: SourceFile, at: PathSegment[]): { type: Scalar['type']; lines: string[] } | undefined {
  const { node } = nodeAt(source, at);
  if (!isScalar(node) || !node.range) return undefined;
  const lines = source.text.slice(node.range[0], node.range[1]).trimEnd().split('\n');
  const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  return { type: node.type, lines: block ? lines.slice(1) : lines };
}

/**
 * A zero-width space or soft hyphen pasted inside an address ("daten\u200bschutz@example.org")
 * prints as nothing, but the link leads elsewhere: to "schutz@example.org", or to a page whose
 * address holds the character. Elsewhere in a word such characters are harmless (a soft hyphen
 * marks where the word may be divided).
 */
function checkHiddenInAddresses(source: SourceFile, at: PathSegment[], value: string, problems: Finding[]): void {
  const seen = new Set<string>();
  for (const m of value.matchAll(new RegExp(INVISIBLE.source, 'gu'))) {
    const start = value.slice(0, m.index).search(/\S*$/);
    const end = m.index + value.slice(m.index).search(/\s|$/);
    const word = value.slice(start, end);
    if (seen.has(word)) continue;
    // The word without such characters, and where each stood in it: one inside an address found
    // there changes its link ("[Daten\u00adschutz](https://…)" has one in the link's text only).
    const stood: number[] = [];
    let clean = '';
    for (const ch of word) {
      if (INVISIBLE.test(ch)) stood.push(clean.length);
      else clean += ch;
    }
    let from = 0;
    const address = linkAddresses(clean).find((piece) => {
      const inside = piece.href !== undefined && stood.some((i) => i > from && i < from + piece.text.length);
      from += piece.text.length;
      return inside;
    });
    if (!address) continue;
    seen.add(word);
    problems.push(findingAt(source, at, 'error', `the address "${address.text}" holds ${characterName(m[0])}, which prints as nothing but changes where its link leads`,
      'Delete it (it came with text pasted from a word processor or an e-mail): retype the address.', { text: word }));
  }
}

/**
 * A text over several lines needs "|" after its key: without it (or with ">"), YAML joins the
 * lines into one, and a list written below its first line is printed run together ("Die
 * Tagesordnung – Begrüßung – Bericht"), without a word from the parser.
 */
function checkLineJoining(source: SourceFile, at: PathSegment[], problems: Finding[]): void {
  const written = writtenLines(source, at);
  if (!written || written.type === Scalar.BLOCK_LITERAL) return;
  const folded = written.type === Scalar.BLOCK_FOLDED;
  // (A list item never starts a value: its first line is the key's.)
  const item = (folded ? written.lines : written.lines.slice(1)).find((line) => /^\s*(?:[-*+]|\d{1,2}[.)])\s+\S/.test(line));
  if (!item) return;
  const key = String(at.at(-1));
  problems.push(findingAt(source, at, 'error', `this text runs over several lines ${folded ? 'with ">"' : 'without "|"'} after "${key}:", so YAML joins them into one, and the list in it is printed as one line`,
    folded ? `Write "${key}: |" instead of "${key}: >": then every line stays as written.` : `Write "${key}: |" and the text on the lines below it, indented: then every line stays as written.`,
    { text: item.trim() }));
}

/**
 * Opening hours written over several lines without "|": YAML joins the lines, and the days run
 * together on one line ("Mo–Do 9–16 Uhr Fr 9–13 Uhr"). A warning: a long line may be wrapped in
 * the file on purpose.
 */
export function checkJoinedLines(source: SourceFile, at: PathSegment[], problems: Finding[]): void {
  const written = writtenLines(source, at);
  if (!written || written.type === Scalar.BLOCK_LITERAL || written.lines.length < 2) return;
  const key = String(at.at(-1));
  problems.push(findingAt(source, at, 'warning', `these lines are printed as one: ${written.type === Scalar.BLOCK_FOLDED ? 'with ">"' : 'without "|"'} after "${key}:", YAML joins them`,
    `To keep each line, write "${key}: |" and the lines below it, indented.`, { text: written.lines[1]!.trim() }));
}

/** Headings and names are printed as they are: Markdown in them would show up as asterisks. */
export function checkPlainText(source: SourceFile, at: PathSegment[], value: string, problems: Finding[]): void {
  const marker = /\*\*|__|\[[^\]]*\]\(/.exec(value);
  if (marker) problems.push(findingAt(source, at, 'error', 'Markdown is not used in headings, titles and names', 'Remove the "**" or link syntax; the template sets headings in bold already.', { text: marker[0] }));
  checkPlaceholders(source, at, value, problems);
}

function checkPlaceholders(source: SourceFile, at: PathSegment[], value: string, problems: Finding[]): void {
  const count = new Map<string, number>();
  for (const use of findPlaceholders(value)) {
    const n = count.get(use.raw) ?? 0;
    count.set(use.raw, n + 1);
    if (isPlaceholderName(use.name)) continue;
    const near = suggest(use.name, PLACEHOLDER_NAMES);
    problems.push(findingAt(source, at, 'error', `unknown placeholder ${use.raw}`,
      `${near ? `Did you mean {${near}}? ` : ''}Placeholders: ${PLACEHOLDER_NAMES.map((p) => `{${p}}`).join(', ')}. Write {{ and }} for literal braces.`,
      { text: use.raw, occurrence: n }));
  }
  // Printed as it is, "{contact.city" would reach the PDF with its brace and without the city.
  for (const brace of findLoneBraces(value)) {
    const opening = brace.startsWith('{');
    problems.push(findingAt(source, at, 'error', opening ? `"${brace}" opens a placeholder that is never closed` : 'a "}" that closes no placeholder',
      opening ? `Close it on the same line ("${brace.replace(/[^\p{L}\p{N}.{]+$/u, '')}}"), or write {{ to print a brace.` : 'Remove it, or write }} to print a brace.', { text: brace }));
  }
}

/** Scripts written right to left: react-pdf sets every line left to right, letters unjoined. */
const RIGHT_TO_LEFT = ['Arabic', 'Hebrew', 'Syriac', 'Thaana', 'Nko'];
/** Scripts named when a whole text is in one the font lacks (one finding, not one per letter). */
const SCRIPTS = [...RIGHT_TO_LEFT, 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Devanagari', 'Bengali', 'Tamil', 'Thai', 'Ethiopic', 'Han', 'Hiragana', 'Katakana', 'Hangul'];
// Script_Extensions: a mark used by a script and no other (the Arabic question mark "؟") counts as its.
const SCRIPT_LETTERS = SCRIPTS.map((script) => [script, new RegExp(`\\p{Script_Extensions=${script}}`, 'u')] as const);
const scriptOf = (ch: string) => SCRIPT_LETTERS.find(([, letters]) => letters.test(ch))?.[0];

/**
 * Every character of every text must exist in the brand font, else react-pdf prints garbage. A
 * letter of a script the font lacks is said once per file and script, at its first use; any other
 * character once per file, at its first use, with the count of the others. `severity` is a
 * warning for a file that is not built (a translation not yet listed in locales).
 */
export function checkStrings(source: SourceFile, font: FontFamily | undefined, problems: Finding[], severity: 'error' | 'warning' = 'error'): void {
  if (!font) return;
  const first = new Map<string, { at: PathSegment[]; ch: string; more: number }>();
  const walk = (value: unknown, at: PathSegment[]) => {
    if (typeof value === 'string') {
      // Counted once per text (a field), however many of its letters are missing.
      const keys = new Map<string, string>();
      for (const ch of missingGlyphs(font, value)) if (!keys.has(scriptOf(ch) ?? ch)) keys.set(scriptOf(ch) ?? ch, ch);
      for (const [ch] of value.matchAll(LINE_BREAKERS)) keys.set(ch, ch);
      for (const [key, ch] of keys) {
        const seen = first.get(key);
        if (seen) seen.more++;
        else first.set(key, { at, ch, more: 0 });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
  };
  walk(source.data, []);
  for (const [key, { at, ch, more }] of first) {
    const elsewhere = more > 0 ? ` (here and in ${more} more ${more === 1 ? 'place' : 'places'} in this file)` : '';
    if (key !== ch) {
      const rtl = RIGHT_TO_LEFT.includes(key);
      problems.push(findingAt(source, at, severity, `the text has letters of the ${key} script ("${ch}"), which the font ${font.family} cannot print${elsewhere}`,
        rtl ? `${key} is written right to left, which infoblatt cannot set yet (its lines would read backwards, letters unjoined). Keep such a translation out of locales in sheet.yaml; ask a developer.`
          : `The brand needs a font that has ${key} letters (fonts/ and brand.yaml, a developer's job); until then keep this language out of locales in sheet.yaml.`,
        { text: ch }));
      continue;
    }
    if (new RegExp(LINE_BREAKERS.source, 'u').test(ch)) {
      problems.push(findingAt(source, at, severity, `the text holds ${characterName(ch)}, which is not printed, so the words on either side of it run together${elsewhere}; Word's manual line break (Shift+Enter) is pasted as one`,
        'Delete it. For a new line, write "|" after the field\'s name and start a new line; for a new paragraph, leave an empty line.', { text: ch }));
      continue;
    }
    problems.push(findingAt(source, at, severity, `the character "${ch}" (${codePoint(ch)}) is not in the font ${font.family}${elsewhere}`,
      'Replace it with a character the font has, or remove it.', { text: ch }));
  }
}

/**
 * Control characters and Unicode's line and paragraph separators: what Word's manual line break
 * (Shift+Enter) becomes when pasted. Not in any font; react-pdf drops them and joins the words.
 */
const LINE_BREAKERS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]/gu;

/** Typographic quotation marks of any language infoblatt knows. */
const QUOTE_MARKS = /[„“”‚‘’«»‹›]/gu;

/**
 * Typographic quotes of another language in a text ("„applications“" pasted into en.yaml) are
 * printed as typed: straight quotes would have been set as the language's own. A warning once per
 * file and mark, at its first use.
 */
export function checkQuotes(source: SourceFile, locale: string, problems: Finding[], from: PathSegment[] = []): void {
  // A language whose marks infoblatt does not know is refused elsewhere (printableGaps).
  if (!knowsTypographyOf(locale)) return;
  const { double, single, alternatives } = quoteMarksOf(locale);
  // The apostrophe (’) is every language's, whatever its single quotes.
  const own = `${double.join('')}${single.join('')}${alternatives}’`;
  const seen = new Set<string>();
  const walk = (value: unknown, at: PathSegment[]) => {
    if (typeof value === 'string') {
      for (const [mark] of value.matchAll(QUOTE_MARKS)) {
        if (own.includes(mark) || seen.has(mark)) continue;
        seen.add(mark);
        problems.push(findingAt(source, at, 'warning', `"${mark}" is not a quotation mark of "${locale}" texts, which print ${double[0]}…${double[1]} (and ${single[0]}…${single[1]} inside), so it is printed as typed`,
          `Write straight quotes ("…" and '…'): they are set as this language's own. Quotes pasted from a text in another language keep that language's marks.`, { text: mark }));
      }
      // The language's closing mark where a quote opens (English “…” or ‘…’ pasted into German,
      // whose “ and ‘ close): it is one of the language's marks, but printed the wrong way round.
      for (const [open, close] of [double, single] as Array<[string, string]>) {
        if (open === close || seen.has(`${close} opening`)) continue;
        const m = new RegExp(`(?:^|[\\s(\\[/])${close}(?=[\\p{L}\\p{N}])`, 'u').exec(value);
        if (!m) continue;
        seen.add(`${close} opening`);
        const from = m.index + m[0].length - close.length;
        problems.push(findingAt(source, at, 'warning', `"${close}" opens a quotation here, but "${locale}" texts open one with ${open} (${close} closes it), so it is printed as typed`,
          `Write straight quotes ("…" and '…'): they are set as this language's own. Quotes pasted from a text in another language keep that language's marks.`, { text: value.slice(from, from + 12).split('\n')[0]! }));
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
  };
  // A region's file holds texts of several languages: each is checked under its own.
  walk(from.reduce<unknown>((value, key) => (value as Record<PathSegment, unknown> | undefined)?.[key], source.data), from);
}
