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
  document: { creationDate: Date; creator: string; producer: string };
}

export interface Template {
  id: string;
  description: string;
  render(props: TemplateProps): ReactElement;
}
