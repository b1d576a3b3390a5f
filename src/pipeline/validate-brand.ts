import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../findings.js';
import { availableFonts } from '../fonts.js';
import { printedAsWritten, suggest } from '../messages.js';
import { displayPath, isInside } from '../paths.js';
import { checkSchema, findingAt } from '../content/check-schema.js';
import { brandSchema } from '../content/schema.js';
import { LOGO_TOO_LARGE_HINT, MAX_LOGO_BYTES, parseSvg } from '../content/svg.js';
import { checkPrintColours } from '../content/print-colours.js';
import { placeholderPrintedAsWritten } from '../content/placeholders.js';
import type { PathSegment, SourceFile } from '../content/source.js';
import type { BrandData, Note, ValidateOptions } from './validate.js';

/** brand.yaml: its schema, a font infoblatt ships, a logo inside the content folder, print colours. */
export function validateBrand(source: SourceFile, root: string, note: Note, options: ValidateOptions): BrandData | undefined {
  const { data, findings } = checkSchema(source, brandSchema);
  note(source, findings);
  if (!data) return undefined;
  const problems: Finding[] = [];
  const fonts = availableFonts();
  const font = fonts.get(data.font);
  if (!font) {
    const near = suggest(data.font, [...fonts.keys()]);
    problems.push(findingAt(source, ['font'], 'error', `the font "${data.font}" is not shipped with infoblatt`,
      `${near ? `Did you mean "${near}"? ` : ''}Available: ${[...fonts.keys()].join(', ')}.`));
  }
  const logo = loadLogo(data.logo, root);
  if (typeof logo === 'string') problems.push(findingAt(source, ['logo'], 'error', logo, 'Point logo at an SVG file inside the content folder, e.g. logo: logo.svg.'));
  else if ('problem' in logo) {
    // Where the parser knows the place in the SVG file, the finding points there.
    const file = path.resolve(root, data.logo);
    problems.push(logo.at
      ? { severity: 'error', file: displayPath(file), line: logo.at.line, column: logo.at.column, yamlPath: '', message: logo.problem, hint: logo.hint }
      : findingAt(source, ['logo'], 'error', logo.problem, logo.hint));
  } else problems.push(...checkPrintColours(source, data, logo.tree, options.print ?? false));
  checkPrintedAsWritten(source, data, problems);
  note(source, problems);
  if (!font || typeof logo === 'string' || 'problem' in logo) return undefined;
  return { source, data, logo: logo.tree, font };
}

/**
 * The organisation and the footer are printed as written, the same on every region's PDFs: nothing
 * fills placeholders in them (README: the footer is a text or one per language), so
 * "IG {region.name} Metall" reached the PDF with its braces. Like a region's own fields
 * (validate-region.ts), a placeholder there is an error.
 */
function checkPrintedAsWritten(source: SourceFile, data: BrandData['data'], problems: Finding[]): void {
  const footer: Array<[PathSegment[], string]> = typeof data.footer === 'string'
    ? [[['footer'], data.footer]]
    : Object.entries(data.footer).map(([locale, text]) => [['footer', locale], text]);
  for (const [at, text] of [[['organisation'], data.organisation] as [PathSegment[], string], ...footer]) {
    const placeholder = placeholderPrintedAsWritten(text);
    if (!placeholder) continue;
    problems.push(findingAt(source, at, 'error', printedAsWritten(placeholder),
      at[0] === 'organisation'
        ? 'Write the organisation\'s name out, e.g. organisation: IG Metall.'
        : 'Write the footer out: it is the same on every region\'s PDFs, which print the region\'s name and contact details elsewhere.'));
  }
}

/** The logo must stay inside the content tree: a content folder is self-contained. */
function loadLogo(relative: string, root: string): ReturnType<typeof parseSvg> | string {
  const file = path.resolve(root, relative);
  if (path.isAbsolute(relative) || !isInside(root, file)) return `the logo path "${relative}" leaves the content folder`;
  if (!existsSync(file)) return `the logo file "${relative}" does not exist`;
  if (!isInside(realpathSync(root), realpathSync(file))) return `the logo "${relative}" is a link to a file outside the content folder`;
  const stat = statSync(file);
  if (!stat.isFile()) return `the logo "${relative}" is a folder, not an SVG file`;
  // Before reading it: the time and memory to check a logo grow with its size (see MAX_LOGO_BYTES).
  if (stat.size > MAX_LOGO_BYTES) {
    return { problem: `the logo "${relative}" is ${Math.ceil(stat.size / 1024)} KiB; a logo may be at most ${MAX_LOGO_BYTES / 1024} KiB`, hint: LOGO_TOO_LARGE_HINT };
  }
  try {
    return parseSvg(readFileSync(file, 'utf8'));
  } catch (error) {
    // A file the build may not read is the content's problem, named at the brand, not a crash of ours.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    return `the logo "${relative}" cannot be read (${code}): give read permission to the user who runs infoblatt`;
  }
}
