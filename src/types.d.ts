declare module 'fontkit' {
  export function create(buffer: Buffer): unknown;
}

/** The encoder core of the `qrcode` package, without its PNG, SVG and terminal renderers. */
declare module 'qrcode/lib/core/qrcode.js' {
  export function create(
    text: string,
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): { version: number; modules: { size: number; get(row: number, col: number): number | boolean } };
}

declare module 'pdfkit' {
  /** Only what src/pdfkit-patches.ts touches; react-pdf uses pdfkit itself. */
  const PDFDocument: { prototype: object };
  export default PDFDocument;
}
