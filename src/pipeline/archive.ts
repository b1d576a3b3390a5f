import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The archival version (PDF/A-2b) is written by react-pdf itself (`conformance` on the Document,
 * passed to pdfkit): XMP metadata with pdfaid:part 2 and conformance B, an sRGB output intent with
 * the ICC profile pdfkit ships (node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc), fonts embedded,
 * no encryption.
 *
 * pdfkit 0.20.1 reads that profile with fs.readFileSync(url.href): a "file://" string, which Node
 * takes for a relative path, so every PDF/A render fails with ENOENT. Until pdfkit reads the URL
 * itself, the one call that passes such a string for pdfkit's .icc file is given the path instead.
 */

export const CONFORMANCE = 'PDF/A-2b' as const;

let patched = false;
export function patchPdfkitIccRead(): void {
  if (patched) return;
  patched = true;
  const read = fs.readFileSync;
  const fixed = function (this: unknown, file: unknown, ...rest: unknown[]) {
    if (typeof file === 'string' && file.startsWith('file://') && /\/pdfkit\/js\/data\/[^/]+\.icc$/.test(file)) file = fileURLToPath(file);
    return (read as (...a: unknown[]) => unknown).call(this, file, ...rest);
  };
  fs.readFileSync = fixed as typeof fs.readFileSync;
}
