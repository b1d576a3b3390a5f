import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a reader of the PDF gets: text per page (as pdf.js extracts it), metadata, outline, links. */
export interface PdfFacts {
  pages: string[];
  text: string;
  info: Record<string, unknown>;
  outline: string[];
  links: string[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const links: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push(text);
    for (const a of await page.getAnnotations()) if (a.url) links.push(a.url as string);
  }
  const meta = await doc.getMetadata();
  const outline = ((await doc.getOutline()) ?? []).map((o) => o.title);
  await doc.destroy();
  // No-break spaces bind words on the page; tests look for the words.
  const normalise = (s: string) => s.replace(/\u00a0/g, ' ');
  return { pages: pages.map(normalise), text: normalise(pages.join('\n')), info: meta.info as Record<string, unknown>, outline, links };
}

/** Joins words that the line breaker split with a hyphen, so "Daten-\nschutz" reads "Datenschutz". */
export function unhyphenated(text: string): string {
  return text.replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ');
}
