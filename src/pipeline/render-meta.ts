/**
 * What the orchestrator needs to know about rendering without loading react-pdf: the pinned
 * creation date and the page count of a finished PDF.
 */

/** SOURCE_DATE_EPOCH (reproducible-builds.org) wins over the sheet's date when set. */
export function creationDate(sheetDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${sheetDate}T00:00:00Z`);
}

/** Page count from the page tree of a PDF that pdfkit wrote (its dictionaries are not compressed). */
export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
