import type { Finding } from '../findings.js';
import type { Block } from '../model.js';
import { missingGlyphs, type FontFamily } from '../fonts.js';
import { suggest } from '../messages.js';
import { findingAt } from './check-schema.js';
import { parseMarkdown } from './markdown.js';
import { PLACEHOLDER_NAMES, findLoneBraces, findPlaceholders, isPlaceholderName } from './placeholders.js';
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
  for (const p of md) problems.push(findingAt(source, at, 'error', p.message, p.hint, { text: p.snippet }));
  checkPlaceholders(source, at, value, problems);
  return { source, path: at, blocks };
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

/** Every character of every text must exist in the brand font, else react-pdf prints garbage. */
export function checkStrings(source: SourceFile, font: FontFamily | undefined, problems: Finding[]): void {
  if (!font) return;
  const walk = (value: unknown, at: PathSegment[]) => {
    if (typeof value === 'string') {
      for (const ch of missingGlyphs(font, value)) {
        problems.push(findingAt(source, at, 'error', `the character "${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is not in the font ${font.family}`,
          'Replace it with a character the font has, or remove it.', { text: ch }));
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
  };
  walk(source.data, []);
}
