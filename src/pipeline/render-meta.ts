import { createHash } from 'node:crypto';
import type { BrandModel, SheetModel } from '../model.js';
import { UsageError } from '../findings.js';
import { toolInfo } from '../tool-info.js';

/**
 * What the orchestrator (and the preview) need to know about rendering without loading react-pdf:
 * the pinned creation date, what a PDF's bytes depend on, and the page count of a finished PDF.
 */

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org) wins over the sheet's date when set. A value that is
 * no time is the caller's mistake (usage error), as the specification asks, not a date ignored.
 */
export function creationDate(sheetDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  return sourceDateEpoch(env) ?? new Date(`${sheetDate}T00:00:00Z`);
}

/**
 * The time SOURCE_DATE_EPOCH sets, if any. Build and preview call it before they change anything,
 * so that a wrong value stops them at the start, not halfway with out/'s record already gone.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (!epoch) return undefined;
  const date = new Date(Number(epoch) * 1000);
  if (!/^\d+$/.test(epoch) || Number.isNaN(date.getTime())) {
    throw new UsageError(`SOURCE_DATE_EPOCH is "${epoch}", which is no time: it must be whole seconds since 1970 (e.g. the last commit's: git log -1 --format=%ct), or unset`);
  }
  return date;
}

/**
 * Page count from the page tree of a PDF whose dictionaries are not compressed: pdfkit's output,
 * and pdf-lib's print versions, which print.ts saves without object streams for this reason.
 */
export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

/** Before the first `npm run build` there is no fingerprint, and nothing counts as unchanged. */
const unbuilt = `unbuilt-${Date.now()}`;

/**
 * Everything a PDF depends on: the resolved model (content after overrides, placeholders and
 * fallbacks), the brand (with the parsed logo and the font family), the creation date and the
 * tool itself, whose fingerprint covers the compiled code, the templates and the font files.
 */
export function hashInputs(model: SheetModel, brand: BrandModel): string {
  return createHash('sha256')
    .update(toolInfo().fingerprint ?? unbuilt)
    .update(JSON.stringify(model))
    .update(JSON.stringify(brand))
    .update(creationDate(model.date).toISOString())
    .digest('hex');
}
