import {
  PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFOperator, PDFOperatorNames,
  lineTo, moveTo, popGraphicsState, pushGraphicsState, setLineWidth, stroke,
} from 'pdf-lib';
import { mm } from '../units.js';

/**
 * The print version's last step (pdf-lib): the template has already drawn the page with 3 mm of
 * bleed on every side (colour that touches the edge runs into it). Here the page gets room for
 * crop marks around the bleed, the TrimBox (the finished size) and the BleedBox, and the marks.
 *
 *   MediaBox  ┌──────────────────────────┐   trim + 10 mm on every side: crop marks live here
 *   BleedBox  │  ┌────────────────────┐  │   trim + 3 mm: what the printer prints
 *   TrimBox   │  │  ┌──────────────┐  │  │   the finished page (A5, A3, A4)
 *
 * Crop marks: 0.25 pt lines on the trim lines, from 4 mm to 9 mm outside the trim, so they start
 * 1 mm outside the bleed and never print onto the page. They are drawn in the registration colour
 * (the separation "All"), so every printing plate carries them and the printer can line the
 * plates up by them; in black alone they would show on the black plate only. Nothing else is
 * changed: fonts, text, colours and links stay as react-pdf wrote them, and no date or ID is
 * added (the output stays byte-identical for identical inputs).
 */

export const BLEED = mm(3);
/** Distance from the trim to the edge of the sheet, holding bleed and crop marks. */
export const SLUG = mm(10);
const MARK_FROM = mm(4);
const MARK_TO = mm(9);
const MARK_WIDTH = 0.25;
/** The page's resource name for the registration colour. */
const REGISTRATION = 'Registration';

export interface PrintBoxes {
  media: [number, number, number, number];
  bleed: [number, number, number, number];
  trim: [number, number, number, number];
}

/** The boxes of a page whose rendered size (trim + 2 × bleed) is width × height. */
function printBoxes(width: number, height: number, bleed = BLEED): PrintBoxes {
  const trimW = width - 2 * bleed;
  const trimH = height - 2 * bleed;
  return {
    media: [0, 0, trimW + 2 * SLUG, trimH + 2 * SLUG],
    bleed: [SLUG - bleed, SLUG - bleed, SLUG + trimW + bleed, SLUG + trimH + bleed],
    trim: [SLUG, SLUG, SLUG + trimW, SLUG + trimH],
  };
}

/** The eight crop marks of a trim box, as [x1, y1, x2, y2] lines. */
export function cropMarks([x0, y0, x1, y1]: [number, number, number, number]): Array<[number, number, number, number]> {
  const lines: Array<[number, number, number, number]> = [];
  for (const [x, sx] of [[x0, -1], [x1, 1]] as const) {
    for (const [y, sy] of [[y0, -1], [y1, 1]] as const) {
      lines.push([x + sx * MARK_FROM, y, x + sx * MARK_TO, y]);
      lines.push([x, y + sy * MARK_FROM, x, y + sy * MARK_TO]);
    }
  }
  return lines;
}

export async function makePrintReady(pdf: Uint8Array, bleed = BLEED): Promise<Buffer> {
  // updateMetadata: false keeps pdfkit's Info dictionary as it is (no fresh ModDate, no new Producer).
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const all = doc.context.register(doc.context.obj([
    PDFName.of('Separation'), PDFName.of('All'), PDFName.of('DeviceCMYK'),
    doc.context.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 }),
  ]));
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const boxes = printBoxes(width, height, bleed);
    const shift = SLUG - bleed;
    page.translateContent(shift, shift);
    // Links keep their place on the moved page.
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray);
      if (!rect) continue;
      const moved = rect.asArray().map((v, j) => (v as PDFNumber).asNumber() + shift * (j < 4 ? 1 : 0));
      annot.set(PDFName.of('Rect'), doc.context.obj(moved));
    }
    const [, , mw, mh] = boxes.media;
    page.setMediaBox(0, 0, mw, mh);
    const box = (b: PrintBoxes['bleed']) => [b[0], b[1], b[2] - b[0], b[3] - b[1]] as const;
    page.setBleedBox(...box(boxes.bleed));
    page.setTrimBox(...box(boxes.trim));
    // A content stream of its own after the moved content, in the sheet's coordinates (pdf-lib's
    // drawing methods would write into the stream that translateContent has moved).
    const marks = cropMarks(boxes.trim).flatMap(([x1, y1, x2, y2]) => [moveTo(x1, y1), lineTo(x2, y2)]);
    const resources = page.node.normalizedEntries().Resources;
    const spaces = resources.lookupMaybe(PDFName.of('ColorSpace'), PDFDict) ?? doc.context.obj({});
    spaces.set(PDFName.of(REGISTRATION), all);
    resources.set(PDFName.of('ColorSpace'), spaces);
    const registration = [
      PDFOperator.of(PDFOperatorNames.StrokingColorspace, [PDFName.of(REGISTRATION)]),
      PDFOperator.of(PDFOperatorNames.StrokingColor, [PDFNumber.of(1)]),
    ];
    // In the tagged PDF the marks are no content: an artifact of the page (as cut marks are, ISO 32000-1, 14.8.2.2).
    const artifact = PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Artifact'), '<< /Type /Page >>']);
    const ops = [artifact, pushGraphicsState(), ...registration, setLineWidth(MARK_WIDTH), ...marks, stroke(), popGraphicsState(), PDFOperator.of(PDFOperatorNames.EndMarkedContent)];
    page.node.addContentStream(doc.context.register(doc.context.flateStream(ops.join('\n'))));
  }
  // Without object streams: countPages reads the page tree as plain text, in the print version too.
  return Buffer.from(await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
}
