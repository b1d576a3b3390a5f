import { withVariant, type Finding } from '../findings.js';
import { commandLine } from '../command-line.js';
import type { VariantKey } from '../model.js';
import { findingAt } from '../content/check-schema.js';
import { printsSections, templateSpecs } from '../../templates/index.js';
import type { ValidContent } from './validate.js';

/**
 * The fit rule: a template promises a number of pages (a two-page sheet printed double-sided, a
 * one-page poster), and a text that runs longer is a content error, found only by laying it out.
 * The finding points at what most likely made it long: the region's additions for this sheet and
 * language when there are any, or those in the source language that this language prints for
 * want of its own; else the region's contact details when the same sheet, language and template
 * fit for another region (`fitsElsewhere`); else the sheet's text in that language.
 */
export function checkFit(content: ValidContent, key: VariantKey, pages: number, fitsElsewhere = false): Finding | undefined {
  const spec = templateSpecs[key.template];
  if (!spec || pages <= spec.maxPages) return undefined;
  const room = `${spec.maxPages} ${spec.maxPages === 1 ? 'page' : 'pages'}${spec.tighterSettings ? ', even with its type set smaller' : ''}`;
  const message = `runs to ${pages} pages; the template "${key.template}" has room for ${room}`;
  const look = lookInPreview(key);
  const region = content.regions.get(key.region);
  // Overrides change sections, which not every template prints.
  const showsSections = printsSections(key.template);
  if (showsSections && region?.overrides.get(key.sheet)?.has(key.locale)) {
    return withVariant(findingAt(region.source, ['overrides', key.sheet, key.locale], 'error', message,
      `Shorten this region's additions for "${key.locale}", its contact details or the sheet's text until it fits; ${look}`, 'key'), key);
  }
  const sheet = content.sheets.get(key.sheet);
  // Additions with no version in this language are printed in the source language (resolve.ts):
  // they lengthen this PDF just the same.
  const source = sheet?.meta.source_locale;
  if (showsSections && region && source && source !== key.locale && region.overrides.get(key.sheet)?.has(source)) {
    return withVariant(findingAt(region.source, ['overrides', key.sheet, source], 'error', message,
      `This region's "${source}" additions are printed in the "${key.locale}" PDF too, since they have no "${key.locale}" version: shorten them, add a shorter "${key.locale}" version, or shorten the sheet's text until it fits; ${look}`, 'key'), key);
  }
  // The same sheet, language and template fits for another region: what is this region's own
  // is its contact box (a long office name, long opening hours). Reported at the sheet's text,
  // the press office was sent to shorten a text that fits everywhere else.
  if (fitsElsewhere && region) {
    return withVariant(findingAt(region.source, ['contact'], 'error', message,
      `The sheet fits for other regions: shorten this region's contact details (office name, opening hours, address) until it fits; ${look}`, 'key'), key);
  }
  const text = sheet?.texts.get(key.locale) ?? (source ? sheet?.texts.get(source) : undefined);
  if (!text) return undefined;
  // Every template prints the region's contact box: a long office name or long opening hours can
  // be what tips one region over while the others fit.
  const contact = region ? `; if other regions fit, shorten this region's contact details instead (office name, opening hours in ${region.source.shown})` : '';
  // A template that prints no sections (the poster) is filled by the flyer block.
  return withVariant(findingAt(text.source, showsSections ? ['sections'] : ['flyer'], 'error', message,
    `Shorten the text until it fits${contact}; ${look}`, 'key'), key);
}

/**
 * The end of a hint for a rule that needs the layout (fit, width): a failed variant is not
 * written, but the preview shows it, with the finding beside.
 */
export const lookInPreview = (key: VariantKey): string => `look at it in the preview: ${commandLine(`preview --region ${key.region}`)}`;
