import { Font, renderToBuffer } from '@react-pdf/renderer';
import { languagesOf, type BrandModel, type SheetModel } from '../model.js';
import type { FontFamily } from '../fonts.js';
import { breakAtHyphens, hyphenatorFor, type Hyphenate } from '../hyphenation.js';
import { forLocale } from '../locale.js';
import { measurerFor, type Measure } from '../text-measure.js';
import type { Template } from '../../templates/template.js';
import { loadTemplate, templateSpecs } from '../../templates/index.js';
import type { RenderJob } from './render-pool.js';
import { toolVersion } from '../version.js';
import { countPages, creationDate } from './render-meta.js';
import { patchFontkit } from '../fontkit-patches.js';
import { takeTooWide } from '../overflow.js';
import { drawWithInks, patchPdfkit, takeUnknownInks } from '../pdfkit-patches.js';
import { inkTable } from '../colours.js';
import type { OutputKind } from './outputs.js';

/** The text a render thread shaped, for the main thread to keep (shaping-store.ts). */
export { takeUsedRuns } from '../fontkit-patches.js';

/**
 * Stage 4, render: template + model → PDF bytes, in memory. Nothing touches out/ here.
 *
 * Deterministic output: the creation date is pinned and no modification date is written, and the
 * file /ID is a digest of the file's own bytes (pdfkit-patches.ts, change 6), so identical inputs
 * give identical bytes.
 */

const registered = new Set<string>();
function registerFont(font: FontFamily): void {
  if (registered.has(font.family)) return;
  registered.add(font.family);
  patchFontkit(font.faces.regular);
  patchPdfkit();
  // Texts without a hyphenation of their own (names, labels, footers) break only at their hyphens.
  Font.registerHyphenationCallback(breakAtHyphens);
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

const measurers = new Map<string, Measure>();
function measurer(font: FontFamily): Measure {
  let m = measurers.get(font.family);
  if (!m) measurers.set(font.family, (m = measurerFor(font)));
  return m;
}

// One function per language, word list and organisation: the layout cache knows a hyphenation by
// identity, so an edited list (the preview keeps its threads) gets a new function and never an old layout.
const hyphenators = new Map<string, Promise<Hyphenate>>();
function hyphenation(lang: string, brand: BrandModel): Promise<Hyphenate> {
  const words = (brand.hyphenation && forLocale(brand.hyphenation, lang)) ?? [];
  const key = [lang, brand.organisation, ...words].join('\u0000');
  let h = hyphenators.get(key);
  if (!h) hyphenators.set(key, (h = hyphenatorFor(lang, words, [brand.organisation])));
  return h;
}

export interface FittedPdf {
  pdf: Buffer;
  /** The template's setting it fits with: 0 as designed, 1 … its tighter ones. */
  tightness: number;
  /** Lines of text wider than their box, at that setting (overflow.ts). */
  tooWide: string[];
}

/**
 * The archival version is written by react-pdf itself (`conformance` on the Document, passed to
 * pdfkit): XMP metadata with pdfaid:part 2 and conformance B, an sRGB output intent with the ICC
 * profile pdfkit ships, fonts embedded, no encryption.
 */
export const CONFORMANCE = 'PDF/A-2b' as const;

/**
 * The screen version as it is; the print version drawn with bleed and then given its boxes and
 * crop marks (print.ts); the archival version written by pdfkit as PDF/A-2b (CONFORMANCE).
 *
 * At the designed sizes, or, when that runs over the template's page limit, at the first tighter
 * setting that fits (the tightest when none does: then the build reports a content error). The
 * three kinds have the same page area, so they settle on the same setting; only content that runs
 * over pays for the extra renders.
 */
export function renderPdf(template: Template, model: SheetModel, brand: BrandModel, font: FontFamily, kind: OutputKind = 'screen'): Promise<FittedPdf> {
  // One document at a time in a thread: the render notes what it finds (text too wide, colours
  // without ink) and sets the inks of print documents in module state, which a second render
  // awaiting in between would mix up. The build's renderers queue anyway; library callers may not.
  const result = turn.then(() => renderOne(template, model, brand, font, kind));
  turn = result.catch(() => undefined);
  return result;
}
let turn: Promise<unknown> = Promise.resolve();

async function renderOne(template: Template, model: SheetModel, brand: BrandModel, font: FontFamily, kind: OutputKind): Promise<FittedPdf> {
  registerFont(font);
  // pdf-lib is loaded only for print versions: importing it costs every render thread ~50 ms.
  const print = kind === 'print' ? await import('./print.js') : undefined;
  const creator = `infoblatt ${toolVersion}`;
  const hyphenate = await hyphenation(model.lang, brand);
  // Text printed in another language (a fallback to the source language) is hyphenated as that language.
  const others = new Map(await Promise.all([...languagesOf(model)].filter((lang) => lang !== model.lang).map(async (lang) => [lang, await hyphenation(lang, brand)] as const)));
  const hyphenateIn = (lang: string | undefined) => (lang === undefined ? hyphenate : others.get(lang) ?? hyphenate);
  const draw = (tightness: number) => renderToBuffer(template.render({
    model,
    brand,
    hyphenate,
    hyphenateIn,
    measure: measurer(font),
    document: { creationDate: creationDate(model.date), creator, producer: `${creator} (react-pdf)`, ...(kind === 'archive' && { conformance: CONFORMANCE }) },
    bleed: print ? print.BLEED : 0,
    tightness,
  }) as Parameters<typeof renderToBuffer>[0]);
  const spec = templateSpecs[template.id];
  const tightest = spec?.tighterSettings ?? 0;
  let tightness = 0;
  takeTooWide();
  takeUnknownInks();
  // A print version is drawn in the brand's CMYK inks when it has them (colours.ts).
  drawWithInks(print && brand.cmyk ? inkTable(brand.colors, brand.cmyk) : undefined);
  let pdf: Buffer;
  try {
    pdf = await draw(tightness);
    while (spec && tightness < tightest && countPages(pdf) > spec.maxPages) {
      takeTooWide();
      pdf = await draw(++tightness);
    }
  } finally {
    drawWithInks(undefined);
  }
  const unknown = takeUnknownInks();
  // The logo's colours are checked against the brand's before rendering, so this is a template's.
  if (unknown.length > 0) throw new Error(`the template "${template.id}" drew ${unknown.join(', ')}, which is none of the brand's colours, so the print version has no CMYK value for it`);
  const tooWide = takeTooWide();
  return { pdf: print ? await print.makePrintReady(pdf) : pdf, tightness, tooWide };
}

/** A render request as it crosses to a worker thread: plain data only. */
export async function renderJob(job: RenderJob): Promise<FittedPdf> {
  return renderPdf(await loadTemplate(job.template), job.model, job.brand, job.font, job.kind);
}
