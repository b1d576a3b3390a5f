import { Font, renderToBuffer } from '@react-pdf/renderer';
import type { BrandModel, SheetModel } from '../model.js';
import type { FontFamily } from '../fonts.js';
import { hyphenatorFor, type Hyphenate } from '../hyphenation.js';
import type { Template } from '../../templates/template.js';
import { toolVersion } from '../version.js';

/**
 * Stage 4, render: template + model → PDF bytes, in memory. Nothing touches out/ here.
 *
 * Deterministic output: pdfkit derives the file /ID from the info dictionary, so pinning the
 * creation and modification dates makes identical inputs give identical bytes.
 */

const registered = new Set<string>();
function registerFont(font: FontFamily): void {
  if (registered.has(font.family)) return;
  registered.add(font.family);
  Font.register({
    family: font.family,
    fonts: [
      { src: font.faces.regular, fontWeight: 400, fontStyle: 'normal' },
      { src: font.faces.italic, fontWeight: 400, fontStyle: 'italic' },
      { src: font.faces.semibold, fontWeight: 600, fontStyle: 'normal' },
      { src: font.faces.bold, fontWeight: 700, fontStyle: 'normal' },
      { src: font.faces.boldItalic, fontWeight: 700, fontStyle: 'italic' },
    ],
  });
}

const hyphenators = new Map<string, Hyphenate>();
function hyphenation(lang: string): Hyphenate {
  let h = hyphenators.get(lang);
  if (!h) hyphenators.set(lang, (h = hyphenatorFor(lang)));
  return h;
}

/** SOURCE_DATE_EPOCH (reproducible-builds.org) wins over the sheet's date when set. */
export function creationDate(sheetDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${sheetDate}T00:00:00Z`);
}

export async function renderPdf(template: Template, model: SheetModel, brand: BrandModel, font: FontFamily): Promise<Buffer> {
  registerFont(font);
  const creator = `infoblatt ${toolVersion}`;
  const element = template.render({
    model,
    brand,
    hyphenate: hyphenation(model.lang),
    document: { creationDate: creationDate(model.date), creator, producer: `${creator} (react-pdf)` },
  });
  return renderToBuffer(element as Parameters<typeof renderToBuffer>[0]);
}

/** Page count from the page tree of a PDF that pdfkit wrote (its dictionaries are not compressed). */
export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
