import type { ReactElement } from 'react';
import type { BrandModel, SheetModel } from '../src/model.js';
import type { Hyphenate } from '../src/hyphenation.js';
import type { Measure } from '../src/text-measure.js';
// The structure roles templates give react-pdf elements (tag, alt, lang: tagged PDF); importing the
// module adds them to react-pdf's prop types.
export type { StructureTag } from '../src/pdf-structure.js';

/** What every template receives: the resolved model and the brand. No file access, no YAML. */
export interface TemplateProps {
  model: SheetModel;
  brand: BrandModel;
  /** Hyphenation for the variant's language. */
  hyphenate: Hyphenate;
  /** Hyphenation for a text in the given language (a block's or section's `lang`; undefined: the variant's). */
  hyphenateIn: (lang: string | undefined) => Hyphenate;
  /** The width of a line of text in the brand's font, for widths that follow the words. */
  measure: Measure;
  /** Document metadata that is the same for every template. */
  document: { creationDate: Date; creator: string; producer: string; conformance?: 'PDF/A-2b' };
  /**
   * Print version: the page grows by this much (pt) on every side; edge-to-edge colour runs into
   * it and everything else moves inward by it. 0 for the screen version.
   */
  bleed: number;
  /**
   * 0: the sizes as designed. 1, 2 …: the template's tighter settings, tried in turn when the
   * content runs over the page limit (see `TemplateSpec.tighterSettings`).
   */
  tightness: number;
}

/** What a template promises, known without loading react-pdf. */
export interface TemplateSpec {
  description: string;
  /** Trimmed page size in PDF points (1/72 inch). */
  format: { name: string; width: number; height: number };
  /** More pages than this is a content error ("the text does not fit"). */
  maxPages: number;
  /**
   * How many tighter settings (smaller type for the key points and lead, less space between
   * them) the template has for content that runs over `maxPages` at the designed sizes. A poster
   * or flyer has one fixed page each for its side: a long office name or a long key point should
   * not fail a region's build for a few millimetres. Text still too long at the tightest setting
   * is a content error. None for the info sheet, whose body text is shortened instead.
   */
  tighterSettings?: number;
  /** The template prints the sheet's flyer block (headline, key points, QR code), at most this many points. */
  flyer?: { maxPoints: number };
  /**
   * Imports the template's page description. Declared beside the rest, so that a template is
   * added in one place: a spec without its module cannot be written.
   */
  load(): Promise<Template>;
}

export interface Template {
  id: string;
  render(props: TemplateProps): ReactElement;
  /**
   * The sizes that change with the tighter settings, as lists with one value for the designed
   * setting and one for each tighter one (`TemplateSpec.tighterSettings`), for the test that
   * keeps the two in step.
   */
  layout?: object;
}
