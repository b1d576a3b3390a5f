import type { ReactElement } from 'react';
import type { BrandModel, SheetModel } from '../src/model.js';
import type { Hyphenate } from '../src/hyphenation.js';

/** What every template receives: the resolved model and the brand. No file access, no YAML. */
export interface TemplateProps {
  model: SheetModel;
  brand: BrandModel;
  /** Hyphenation for the variant's language. */
  hyphenate: Hyphenate;
  /** Document metadata that is the same for every template. */
  document: { creationDate: Date; creator: string; producer: string; conformance?: 'PDF/A-2b' };
  /**
   * Print version: the page grows by this much (pt) on every side; edge-to-edge colour runs into
   * it and everything else moves inward by it. 0 for the screen version.
   */
  bleed: number;
}

/** What a template promises, known without loading react-pdf. */
export interface TemplateSpec {
  description: string;
  /** Trimmed page size in PDF points (1/72 inch). */
  format: { name: string; width: number; height: number };
  /** More pages than this is a content error ("the text does not fit"). */
  maxPages: number;
  /** The template prints the sheet's flyer block (headline, key points, QR code), at most this many points. */
  flyer?: { maxPoints: number };
}

export interface Template {
  id: string;
  render(props: TemplateProps): ReactElement;
}
