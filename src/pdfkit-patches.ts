import PDFDocument from 'pdfkit';

/**
 * Two changes to pdfkit's document class, which react-pdf renders through.
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
 */

interface Doc {
  initFonts(defaultFont?: unknown, defaultFontFamily?: unknown, defaultFontSize?: number): void;
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: number): unknown;
  font(src: unknown, family?: unknown, size?: number): Doc;
  [fonts]?: Map<object, unknown>;
}

const fonts = Symbol('infoblatt embedded fonts by font object');
let installed = false;

export function patchPdfkit(): void {
  if (installed) return;
  installed = true;
  const proto = PDFDocument.prototype as unknown as Doc;
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
