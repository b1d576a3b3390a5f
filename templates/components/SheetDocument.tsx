import { Document } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { ReactNode } from 'react';
import type { BrandModel } from '../../src/model.js';
import type { TemplateProps, TemplateSpec } from '../template.js';

export { mm } from '../../src/units.js';

/**
 * A size for the template's setting: `[designed, tighter, tightest]`, one value per setting the
 * template declares in templateSpecs (`tighterSettings`).
 */
export const atTightness = (values: readonly number[], tightness: number): number => values[Math.min(tightness, values.length - 1)]!;

/**
 * The page of a template: its trimmed format from the registry, grown by the bleed on every side
 * in the print version; `textWidth(side)` the width between side margins of `side` (the same with
 * bleed: the page and its margins grow alike).
 */
export function pageGeometry(spec: TemplateSpec, bleed: number) {
  return {
    size: [spec.format.width + 2 * bleed, spec.format.height + 2 * bleed] as [number, number],
    textWidth: (side: number) => spec.format.width - 2 * side,
  };
}

/** A page's margins from the trimmed edge, in points. */
export interface Margins {
  top: number;
  side: number;
  bottom: number;
}

/** The page: brand font and text colour, the margins measured from the trim (plus any bleed). */
export function pageStyle(brand: BrandModel, margins: Margins, bleed: number): Style {
  return { fontFamily: brand.font, color: brand.colors.text, paddingTop: margins.top + bleed, paddingBottom: margins.bottom + bleed, paddingHorizontal: margins.side + bleed };
}

/**
 * A band of the signal colour at the top of the page, edge to edge: it cancels the page's padding,
 * so in the print version it runs into the bleed. `pad` is its inner space (top from the trim).
 */
export function edgeBand(brand: BrandModel, margins: Margins, bleed: number, pad: { top: number; bottom: number; after: number }): Style {
  return {
    backgroundColor: brand.colors.primary, marginTop: -(margins.top + bleed), marginHorizontal: -(margins.side + bleed),
    paddingTop: pad.top + bleed, paddingHorizontal: margins.side + bleed, paddingBottom: pad.bottom, marginBottom: pad.after,
  };
}

/**
 * The document with the metadata every template writes (title, author, language, dates, PDF/A).
 * `outlined`: the template gives its sections bookmarks, and viewers open with that panel; a
 * document without bookmarks would open an empty one.
 */
export function SheetDocument({ model, document, outlined = false, children }: Pick<TemplateProps, 'model' | 'document'> & { outlined?: boolean; children: ReactNode }) {
  return (
    <Document
      title={model.meta.title}
      author={model.meta.author}
      subject={model.meta.subject}
      keywords={model.meta.keywords.join(', ')}
      language={model.lang}
      creator={document.creator}
      producer={document.producer}
      creationDate={document.creationDate}
      // Tagged PDF (MarkInfo, structure attributes) is PDF 1.4 and later; pdfkit's default is 1.3.
      // (PDF/A versions get 1.7 from react-pdf as well.) pdfkit then also writes XMP metadata.
      pdfVersion="1.7"
      {...(outlined && { pageMode: 'useOutlines' as const })}
      {...(document.conformance && { conformance: document.conformance })}
    >
      {children}
    </Document>
  );
}
