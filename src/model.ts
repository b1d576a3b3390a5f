import type { BrandFile } from './content/schema.js';

/**
 * The resolved, immutable model a template receives: every placeholder filled, every region
 * override applied, every Markdown body parsed. Templates see nothing else (besides the brand).
 */

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

/**
 * `lang`: the language of a block's text where it is not the document's: a section the
 * translation lacks, or a region's override that has no version in this language, is printed in
 * the source language, with that language's quotes and hyphenation.
 */
export type Block =
  | { kind: 'paragraph'; runs: Inline[]; lang?: string }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][]; lang?: string };

export interface Section {
  id: string;
  heading: string;
  /** The heading's language where it is not the document's (see Block). */
  lang?: string;
  blocks: Block[];
}

export interface ContactModel {
  office: string;
  street: string;
  postcode: string;
  city: string;
  phone?: string;
  email?: string;
  web?: string;
  hours?: string;
}

/** Strings a template prints besides the content, per locale (never written into a template). */
export interface Messages {
  contact: string;
  phone: string;
  email: string;
  web: string;
  hours: string;
  /** "Seite {page} von {pages}" */
  pageOf: string;
  /** "Stand: {date}" */
  asOf: string;
  /** Heading above the key points of the flyer and the poster. */
  keyPoints: string;
  /** Label beside the QR code. */
  learnMore: string;
  /** What the QR code leads to, under "learnMore". */
  scanHint: string;
  /** The logo's alternative text in the tagged PDF: "{organisation}" is the brand's organisation. */
  logo: string;
  /** The QR code's alternative text: "{address}" is the web address it encodes, as printed beside it. */
  qrCode: string;
}

/** The short form for the flyer and the poster, resolved like every other text. */
export interface FlyerModel {
  headline: string;
  points: string[];
  /** Where the QR code leads: the sheet's flyer link for this language, else the region's web address. */
  qr: string;
  /** The language of headline and points where it is not the document's (taken from the source language, see Block). */
  lang?: string;
}

export interface VariantKey {
  sheet: string;
  region: string;
  locale: string;
  template: string;
}

export interface SheetModel {
  key: VariantKey;
  /** BCP 47 language tag for /Lang and hyphenation. */
  lang: string;
  title: string;
  kicker: string;
  lead: Inline[];
  /** ISO date (YYYY-MM-DD) and its printed form in the variant's language. */
  date: string;
  dateText: string;
  /** The sections as printed; none for a template with the short form (templates/index.ts: printsSections). */
  sections: Section[];
  /** `lang`: the language the name is written in, for its capitals ("und" for a name of one form). */
  region: { id: string; name: string; lang: string };
  contact: ContactModel;
  messages: Messages;
  /** Present when the locale file has a flyer block and a QR target is known. */
  flyer?: FlyerModel;
  meta: { title: string; author: string; subject: string; keywords: string[] };
}

export interface SvgNode {
  tag: string;
  attrs: Record<string, string>;
  children: SvgNode[];
}

/** Brand tokens as templates see them: colours, the font family to use, the parsed logo. */
export interface BrandModel {
  organisation: string;
  colors: BrandFile['colors'];
  /** The same colours in CMYK (and the logo's others), for print versions: the render stage draws with them (colours.ts); templates never read them. */
  cmyk?: BrandFile['cmyk'];
  font: string;
  logo: SvgNode;
  footer: string;
  /** brand.yaml's own word divisions (hyphenation.ts), for the languages the variant prints in (resolveBrand). */
  hyphenation?: Record<string, string[]>;
}

/** The languages a sheet prints text in: its own, and the source language of any part it falls back to. */
export function languagesOf(model: SheetModel): Set<string> {
  const langs = new Set<string>([model.lang]);
  if (model.flyer?.lang) langs.add(model.flyer.lang);
  for (const section of model.sections) {
    if (section.lang) langs.add(section.lang);
    for (const block of section.blocks) if (block.lang) langs.add(block.lang);
  }
  return langs;
}
