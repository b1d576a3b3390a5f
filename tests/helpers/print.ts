import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import { tempDir } from './cli.js';

/** A rectangle in PDF points, lower left origin: [x0, y0, x1, y1]. */
export type Box = [number, number, number, number];

const asBox = (r: { x: number; y: number; width: number; height: number }): Box => [r.x, r.y, r.x + r.width, r.y + r.height];

/** MediaBox, BleedBox and TrimBox of every page, as pdf-lib reads them (boxes inherit from MediaBox). */
export async function pageBoxes(file: string): Promise<Array<{ media: Box; bleed: Box; trim: Box }>> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  return doc.getPages().map((p) => ({ media: asBox(p.getMediaBox()), bleed: asBox(p.getBleedBox()), trim: asBox(p.getTrimBox()) }));
}

/** Every text run on every page with its extent in PDF user space (pdf.js), for "nothing outside the trim". */
export async function textRuns(file: string): Promise<Array<Array<{ str: string; x0: number; x1: number; y0: number; y1: number; size: number }>>> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.flatMap((item) => {
      if (!('str' in item) || item.str.trim() === '') return [];
      const [, , , , x, y] = item.transform as number[];
      // Baseline y; descenders reach about a fifth of the size below it.
      return [{ str: item.str, x0: x!, x1: x! + item.width, y0: y! - 0.22 * item.height, y1: y! + 0.8 * item.height, size: item.height }];
    }));
  }
  await doc.destroy();
  return pages;
}

/** Renders one page to pixels (pdftoppm) and reads the QR code on it (jsQR), or undefined. */
export function decodeQr(file: string, page = 1, dpi = 150): string | undefined {
  const dir = tempDir();
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', '-png', file, path.join(dir, 'qr')]);
  const png = PNG.sync.read(readFileSync(path.join(dir, 'qr.png')));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height)?.data;
}

/** One page rendered at `dpi` over its whole MediaBox. */
export function pagePixels(file: string, page: number, dpi: number): PNG {
  const dir = tempDir();
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', '-png', file, path.join(dir, 'p')]);
  return PNG.sync.read(readFileSync(path.join(dir, 'p.png')));
}

/** What each page draws: its content streams decoded and joined (pdfkit writes one operator a line), and its colour space resources as text. */
export async function pageDrawing(file: string): Promise<Array<{ content: string; colourSpaces: Record<string, string>; graphicsStates: Record<string, string> }>> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const text = (o: PDFObject | undefined): string => {
    const resolved = o && doc.context.lookup(o);
    if (resolved instanceof PDFRawStream) return Buffer.from(decodePDFRawStream(resolved).decode()).toString('latin1');
    if (resolved instanceof PDFArray) return resolved.asArray().map(text).join('\n');
    return resolved ? resolved.toString() : '';
  };
  return doc.getPages().map((page) => {
    const resources = (kind: string) => Object.fromEntries((page.node.Resources()?.lookupMaybe(PDFName.of(kind), PDFDict)?.entries() ?? []).map(([name, value]) => {
      const resolved = doc.context.lookup(value);
      // An array with its parts resolved: [/Separation /All /DeviceCMYK <<function>>].
      return [name.decodeText(), resolved instanceof PDFArray ? resolved.asArray().map((v) => String(doc.context.lookup(v))).join(' ') : String(resolved)];
    }));
    return { content: text(page.node.Contents()), colourSpaces: resources('ColorSpace'), graphicsStates: resources('ExtGState') };
  });
}

/** Every colour a content stream sets with scn/SCN, in order, as [operator, ...numbers]. */
export function colourOperations(content: string): Array<[string, ...number[]]> {
  return content.split('\n').flatMap((line) => {
    const m = /^((?:-?[\d.]+ ){3,4})(scn|SCN)$/.exec(line.trim());
    return m ? [[m[2]!, ...m[1]!.trim().split(' ').map(Number)] as [string, ...number[]]] : [];
  });
}

/**
 * One page as the press would print it: Ghostscript (a test tool only, Debian's ghostscript) renders
 * it into four 8-bit ink planes, cyan, magenta, yellow and black, honouring overprint, as a RIP
 * does. No anti-aliasing, so every pixel is the ink of one paint.
 */
export function inkPlanes(file: string, page: number, dpi = 72): { width: number; height: number; at(x: number, y: number): [number, number, number, number] } {
  const out = path.join(tempDir(), 'page.pam');
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pamcmyk32', `-r${dpi}`, `-dFirstPage=${page}`, `-dLastPage=${page}`, `-sOutputFile=${out}`, file]);
  const pam = readFileSync(out);
  const start = pam.indexOf('ENDHDR\n') + 7;
  const header = pam.subarray(0, start).toString('latin1');
  const width = Number(/WIDTH (\d+)/.exec(header)![1]);
  const height = Number(/HEIGHT (\d+)/.exec(header)![1]);
  return {
    width,
    height,
    at: (x, y) => {
      const i = start + (y * width + x) * 4;
      return [pam[i]!, pam[i + 1]!, pam[i + 2]!, pam[i + 3]!];
    },
  };
}
