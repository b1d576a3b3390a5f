import { withVariant, type Finding } from '../findings.js';
import { commandLine } from '../command-line.js';
import type { VariantKey } from '../model.js';
import { findingAt } from '../content/check-schema.js';
import { printsSections, templateSpecs } from '../../templates/index.js';
import type { ValidContent } from './validate.js';

/**
 * The fit rule: a template promises a number of pages (a two-page sheet printed double-sided, a
 * one-page poster), and a text that runs longer is a content error, found only by laying it out.
 * The finding points at what made it long, as far as `evidence` (fit-probe.ts) tells:
 * - the region's additions for this sheet (in this language, or those in the source language
 *   that this language prints for want of its own), unless the variant is too long without them;
 * - else the region's contact details, when the same sheet, language and template fit for
 *   another region;
 * - else the sheet's text in that language, saying so plainly when it is too long for others too.
 * Without evidence (a layout judged on its own, as in the preview) additions come first.
 */
export interface FitEvidence {
  /** This region's variant fits when laid out without its additions to the sheet. */
  fitsWithoutAdditions?: boolean;
  /** The same sheet, language and template fits for another region. */
  fitsElsewhere?: boolean;
}

/** The language whose additions of this region this variant prints (its own, or the source's for want of it), if any. */
export function additionsPrinted(content: ValidContent, key: VariantKey): string | undefined {
  if (!printsSections(key.template)) return undefined;
  const overrides = content.regions.get(key.region)?.overrides.get(key.sheet);
  const source = content.sheets.get(key.sheet)?.meta.source_locale;
  return overrides?.has(key.locale) ? key.locale : source && overrides?.has(source) ? source : undefined;
}

/** `inPreview`: the finding is shown beside the PDF in the preview, so its hint does not send people there. */
export function checkFit(content: ValidContent, key: VariantKey, pages: number, evidence: FitEvidence = {}, inPreview = false): Finding | undefined {
  const spec = templateSpecs[key.template];
  if (!spec || pages <= spec.maxPages) return undefined;
  const room = `${spec.maxPages} ${spec.maxPages === 1 ? 'page' : 'pages'}${spec.tighterSettings ? ', even with its type set smaller' : ''}`;
  const message = `runs to ${pages} pages; the template "${key.template}" has room for ${room}`;
  const end = hintEnd(key, inPreview);
  const region = content.regions.get(key.region);
  const sheet = content.sheets.get(key.sheet);
  const additions = additionsPrinted(content, key);
  if (region && additions && evidence.fitsWithoutAdditions !== false) {
    return withVariant(findingAt(region.source, ['overrides', key.sheet, additions], 'error', message, additions === key.locale
      ? `Shorten this region's additions for "${key.locale}", its contact details or the sheet's text until it fits${end}`
      // Additions with no version in this language are printed in the source language (resolve.ts): they lengthen this PDF just the same.
      : `This region's "${additions}" additions are printed in the "${key.locale}" PDF too, since they have no "${key.locale}" version: shorten them, add a shorter "${key.locale}" version, or shorten the sheet's text until it fits${end}`, 'key'), key);
  }
  // The same sheet, language and template fits for another region: what is this region's own
  // is its contact box (a long office name, long opening hours). Reported at the sheet's text,
  // the press office was sent to shorten a text that fits everywhere else.
  if (evidence.fitsElsewhere && region) {
    return withVariant(findingAt(region.source, ['contact'], 'error', message,
      `The sheet fits for other regions: shorten this region's contact details (office name, opening hours, address) until it fits${end}`, 'key'), key);
  }
  const source = sheet?.meta.source_locale;
  const text = sheet?.texts.get(key.locale) ?? (source ? sheet?.texts.get(source) : undefined);
  if (!text) return undefined;
  // Every template prints the region's contact box: a long office name or long opening hours can
  // be what tips one region over while the others fit, which only a run with other regions shows.
  const hint = evidence.fitsElsewhere === false
    ? `It runs too long for other regions too: shorten the text until it fits${end}`
    : `Shorten the text until it fits${region ? `; if other regions fit, shorten this region's contact details instead (office name, opening hours in ${region.source.shown})` : ''}${end}`;
  // A template that prints no sections (the poster) is filled by the flyer block.
  return withVariant(findingAt(text.source, printsSections(key.template) ? ['sections'] : ['flyer'], 'error', message, hint, 'key'), key);
}

/**
 * The end of a hint for a rule that needs the layout (fit, width): a failed variant is not
 * written, but the preview shows it, with the finding beside; in the preview, nothing more.
 */
export const hintEnd = (key: VariantKey, inPreview: boolean): string => (inPreview ? '.' : `; look at it in the preview: ${commandLine(`preview --region ${key.region}`)}`);
