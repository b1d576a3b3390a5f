import type { Finding } from '../findings.js';
import type { FlyerModel, VariantKey } from '../model.js';
import { findingAt } from '../content/check-schema.js';
import type { PathSegment, SourceFile } from '../content/source.js';
import type { TemplateSpec } from '../../templates/template.js';
import type { RegionData, SheetText } from './validate.js';

/**
 * The short form for the flyer and the poster: the locale file's `flyer` block (headline, key
 * points, optional link), resolved like every other text (placeholders, the language's quotes).
 * The QR code leads to the block's `link` (the full sheet in this language) or else to the region's
 * web address; a template that prints a QR code without either is a content error.
 */

export interface FlyerInput {
  key: VariantKey;
  spec: TemplateSpec | undefined;
  text: SheetText;
  sourceText: SheetText;
  sourceLocale: string;
  region: RegionData;
  /** Placeholders filled and typography applied, as for headings (`inSource`: in the source language's). */
  plain: (value: string, from: SourceFile, at: PathSegment[], inSource?: boolean) => string;
}

export function resolveFlyer({ key, spec, text, sourceText, sourceLocale, region, plain }: FlyerInput): { flyer?: FlyerModel; findings: Finding[] } {
  // Only templates that print the short form get it: a changed flyer text re-renders flyers, not info sheets.
  if (!spec?.flyer) return { findings: [] };
  const findings: Finding[] = [];
  // A translation without a flyer block prints the source language's (the translation status says so).
  const from = text.raw.flyer ? text : sourceText.raw.flyer ? sourceText : undefined;
  const block = from?.raw.flyer;
  if (!from || !block) {
    findings.push(findingAt(text.source, [], 'error', `the template "${key.template}" needs a flyer block (headline, points, link), and ${key.locale}.yaml has none`,
      'Add "flyer:" with a headline and three to six points (see the README), or remove the template from templates in sheet.yaml.', 'key'));
    return { findings };
  }
  const qr = block.link ?? region.data.contact.web;
  if (!qr) {
    findings.push(findingAt(from.source, ['flyer'], 'error', `the QR code of the ${key.template} has no target: the flyer block has no link and region "${key.region}" has no web address`,
      `Add "link: https://…" to the flyer block, or web to contact in ${region.source.shown}.`, 'key'));
    return { findings };
  }
  // A block taken from the source language is set, and hyphenated, as that language (only a
  // translation takes it from there: for the source language itself, sourceText is text).
  const inSource = from !== text;
  const points = block.points.map((p, i) => plain(p, from.source, ['flyer', 'points', i], inSource));
  const max = spec.flyer.maxPoints;
  if (points.length > max) {
    findings.push(findingAt(from.source, ['flyer', 'points', max], 'warning', `the ${key.template} shows the first ${max} key points; this one and any after it are left out there`,
      'Put the most important points first, or shorten the list.'));
  }
  return {
    findings,
    flyer: { headline: plain(block.headline, from.source, ['flyer', 'headline'], inSource), points: points.slice(0, max), qr, ...(inSource && { lang: sourceLocale }) },
  };
}
