import { Document } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { TemplateProps, TemplateSpec } from '../template.js';

/** Millimetres to PDF points. */
export const mm = (v: number) => (v * 72) / 25.4;

/**
 * The page of a template: its trimmed format from the registry, grown by the bleed on every side
 * in the print version. `inset(x)` is a distance from the trim edge as seen from the page edge.
 */
export function pageGeometry(spec: TemplateSpec, bleed: number) {
  return {
    size: [spec.format.width + 2 * bleed, spec.format.height + 2 * bleed] as [number, number],
    inset: (fromTrim: number) => fromTrim + bleed,
    bleed,
  };
}

/** The document with the metadata every template writes (title, author, language, dates, PDF/A). */
export function SheetDocument({ model, document, children }: Pick<TemplateProps, 'model' | 'document'> & { children: ReactNode }) {
  return (
    <Document
      title={model.meta.title}
      author={model.meta.author}
      subject={model.meta.subject}
      keywords={model.meta.keywords.join(', ')}
      language={model.lang}
      creator={document.creator}
      producer={document.producer}
      creationDate={document.creationDate}
      pageMode="useOutlines"
      {...(document.conformance && { conformance: document.conformance })}
    >
      {children}
    </Document>
  );
}
