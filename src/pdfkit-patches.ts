import { createHash, type Hash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { InkTable } from './colours.js';
import { requireMethods } from './patch-guard.js';

/**
 * Six changes to pdfkit's document class, which react-pdf renders through.
 *
 * 1. No default font. pdfkit selects Helvetica in every new document, parsing its metrics file
 *    (AFM) each time: ~1 ms per document. react-pdf never draws with it (it selects a font before
 *    every text run) and it is never written to the file, so the document starts without one.
 *
 * 2. A cache in pdfkit's `font()`, which react-pdf calls before every text run with a fontkit font
 *    object, not a name. pdfkit caches fonts by name only, so each call built a new embedded font
 *    (reading the font's tables) and then compared it with the one already in the document by
 *    `JSON.stringify` of the name table, only to throw the new one away: ~15 % of a warm render.
 *    Here the document remembers which embedded font it made for which font object, and a
 *    repeated call selects it directly. What pdfkit does the first time, including reusing an
 *    equal font loaded twice, is unchanged; only its internal font counter (the /F1, /F2
 *    resource names) no longer counts the discarded copies, so the bytes differ from unpatched
 *    pdfkit's but are the same on every run.
 *
 * 3. Inks for print versions (colours.ts). react-pdf turns every colour into a hex string before
 *    pdfkit sees it, so CMYK cannot be written in a template. A document made while `drawWithInks`
 *    holds a table sets each colour it draws as the table's CMYK value instead, and notes any
 *    colour the table lacks (drawn as it was) for the render stage to refuse the file.
 *    Text and shapes in black ink alone overprint, as prepress programs set them by default: the
 *    black is printed on top of what lies beneath (the contact box's tint) instead of cutting a
 *    hole into it that must meet the text exactly. Every other colour knocks out, so white text
 *    stays white. The overprint flag is set with each fill colour, since q/Q save and restore the
 *    two together.
 *
 * 4. Subset tags from the subset's glyphs. pdfkit names an embedded subset after its resource
 *    name: "/F1" became "BZZZZZ+SourceSans3-Bold" in every PDF, whatever glyphs it holds. A print
 *    shop that imposes or merges several PDFs may take two subsets of one name for the same font
 *    and drop the glyphs one lacks (the reason PDF gives subsets a tag at all). The tag is now six
 *    letters from a digest of the font's name and the subset's glyph ids: the same subset, the same
 *    tag, on every run.
 *
 * 5. Text in the XMP metadata escaped. pdfkit writes the title, author, subject and keywords into
 *    the XMP packet (PDF/A versions) as they are, so a title with "&" or "<" ("Zoom & Datenschutz")
 *    made the packet malformed XML and the archival file invalid, with no error.
 *
 * 6. A file identifier (/ID) of the document's own: pdfkit makes it from the document information
 *    (title, author, dates), so the info sheet, flyer and poster of a region and language, screen,
 *    print and archival versions alike, shared one identifier, which archives and document systems
 *    use to tell files apart. It is now a digest of the bytes written before the trailer: the same
 *    document, the same identifier, on every run.
 */

type Colour = unknown;
interface Ref {
  end(): void;
}

interface Doc {
  initColor(): void;
  _normalizeColor(color: Colour): number[] | null;
  _setColorCore(color: Colour, stroke: boolean): boolean;
  [inksOf]?: InkTable;
  [overprintOf]?: { on: Ref; off: Ref };
  ref(data: object): Ref;
  addContent(op: string): Doc;
  page: { ext_gstates: Record<string, Ref> };
  initFonts(defaultFont?: unknown, defaultFontFamily?: unknown, defaultFontSize?: number): void;
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: number): unknown;
  font(src: unknown, family?: unknown, size?: number): Doc;
  [fonts]?: Map<object, unknown>;
  info: Record<string, unknown>;
  _addInfo(): void;
  _write(data: unknown): void;
  _finalize(): void;
  _id: unknown;
  [written]?: Hash | null;
}

const written = Symbol('infoblatt digest of the bytes written');

const fonts = Symbol('infoblatt embedded fonts by font object');
const inksOf = Symbol('infoblatt inks of a print version');
const overprintOf = Symbol('infoblatt overprint states');
let installed = false;

let inks: InkTable | undefined;
const unknownInks = new Set<string>();

/**
 * Documents created from now on are drawn with these inks (undefined: in the colours as given).
 * Documents are rendered one at a time in a thread, so the table is read when one is created.
 */
export function drawWithInks(table: InkTable | undefined): void {
  inks = table;
}

/** The colours ("#rrggbb") drawn since the last call that the ink table had no value for. */
export function takeUnknownInks(): string[] {
  const list = [...unknownInks];
  unknownInks.clear();
  return list;
}

/** Fills from here on overprint (black ink alone) or knock out (every other colour); OPM 1: only the inks a colour uses replace those beneath. */
function setOverprint(doc: Doc, on: boolean): void {
  let states = doc[overprintOf];
  if (!states) {
    // Made once per document, and ended (written) at once, as pdfkit does with its opacity states.
    const state = (data: object) => {
      const ref = doc.ref({ Type: 'ExtGState', ...data });
      ref.end();
      return ref;
    };
    states = doc[overprintOf] = { on: state({ op: true, OPM: 1 }), off: state({ op: false }) };
  }
  const name = on ? 'GsOverprint' : 'GsKnockout';
  doc.page.ext_gstates[name] = on ? states.on : states.off;
  doc.addContent(`/${name} gs`);
}

const isBlackInk = (ink: readonly number[]) => ink[0] === 0 && ink[1] === 0 && ink[2] === 0 && ink[3] === 100;

const hex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;

export function patchPdfkit(): void {
  if (installed) return;
  installed = true;
  const proto = PDFDocument.prototype as unknown as Doc;
  requireMethods('pdfkit', proto, ['initColor', '_setColorCore', '_normalizeColor', '_addInfo', '_write', '_finalize', 'initFonts', 'font', 'ref', 'addContent']);
  const initColor = proto.initColor;
  proto.initColor = function (this: Doc) {
    initColor.call(this);
    if (inks) this[inksOf] = inks;
  };
  const setColor = proto._setColorCore;
  proto._setColorCore = function (this: Doc, color, stroke) {
    const table = this[inksOf];
    // Strings and RGB triples only: four numbers are CMYK already, and spot colours are objects.
    if (table && (typeof color === 'string' || (Array.isArray(color) && color.length === 3))) {
      const rgb = this._normalizeColor(color);
      if (rgb?.length === 3) {
        const ink = table.get(hex(rgb));
        if (ink) {
          color = [...ink];
          if (!stroke) setOverprint(this, isBlackInk(ink));
        } else unknownInks.add(hex(rgb));
      }
    }
    return setColor.call(this, color, stroke);
  };
  const addInfo = proto._addInfo;
  proto._addInfo = function (this: Doc) {
    const info = this.info;
    this.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? xmlText(value) : value]));
    try {
      addInfo.call(this);
    } finally {
      this.info = info;
    }
  };
  const write = proto._write;
  proto._write = function (this: Doc, data) {
    // pdfkit writes strings as latin-1 bytes (its fromBinaryString); the digest reads them alike.
    // (null: the trailer is being written, which the identifier cannot cover.)
    if (this[written] !== null) (this[written] ??= createHash('md5')).update(data instanceof Uint8Array ? data : Buffer.from(`${String(data)}\n`, 'latin1'));
    write.call(this, data);
  };
  const finalize = proto._finalize;
  proto._finalize = function (this: Doc) {
    if (this[written]) this._id = this[written].digest();
    this[written] = null;
    finalize.call(this);
  };
  const initFonts = proto.initFonts;
  proto.initFonts = function (this: Doc, _defaultFont, family, size) {
    initFonts.call(this, null, family, size);
  };
  const font = proto.font;
  proto.font = function (this: Doc, src, family, size) {
    if (src === null || typeof src !== 'object' || typeof family === 'string') return font.call(this, src, family, size);
    if (typeof family === 'number') size = family;
    const known = this[fonts]?.get(src);
    if (!known) {
      font.call(this, src, null, size);
      tagSubsetsOf(Object.getPrototypeOf(this._font) as EmbeddedFont);
      (this[fonts] ??= new Map()).set(src, this._font);
      return this;
    }
    this._fontSource = src;
    this._fontFamily = null;
    if (size != null) this.fontSize(size);
    this._font = known;
    return this;
  };
}

/** Text as XML element content: markup characters escaped, characters XML 1.0 forbids dropped. */
const xmlText = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface EmbeddedFont {
  id: string;
  font: { postscriptName?: string };
  subset?: { glyphs?: number[] };
  embed(): void;
}

/**
 * pdfkit spells the tag from the characters of the font's resource id ("F1"), each moved up by 17,
 * while it embeds the font. For the length of that call the id spells the tag wanted instead; the
 * resource name, read before and after, is unchanged. Patched on the class of the first embedded
 * font a document makes (pdfkit does not export it).
 */
const tagged = new WeakSet<object>();
function tagSubsetsOf(proto: EmbeddedFont): void {
  if (tagged.has(proto)) return;
  requireMethods('pdfkit', proto, ['embed']);
  tagged.add(proto);
  const embed = proto.embed;
  proto.embed = function (this: EmbeddedFont) {
    const glyphs = this.subset?.glyphs;
    if (!glyphs) return embed.call(this);
    const id = this.id;
    const tag = subsetTag(this.font.postscriptName ?? '', glyphs);
    this.id = `${id[0]}${[...tag].map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('')}`;
    try {
      return embed.call(this);
    } finally {
      this.id = id;
    }
  };
}

/** Six letters A–Z from a digest of the font's name and the subset's glyph ids. */
export function subsetTag(postscriptName: string, glyphs: readonly number[]): string {
  const digest = createHash('sha256').update(`${postscriptName}\u0000${glyphs.join(',')}`).digest();
  return [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}
