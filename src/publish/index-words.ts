import type { ExtraKind } from '../pipeline/outputs.js';
import { forLocale } from '../locale.js';

/**
 * The words of the published index (out/index.html), per language: the page is read by the press
 * office and the regional offices, so it speaks the language their sheets are written in (the
 * source language most sheets have, the first sheet's on a tie: contentLanguages), English where
 * a language has no entry here.
 */
export interface IndexWords {
  lang: string;
  /** "{organisation}: info sheets". */
  title: string;
  /** "{count} PDFs, grouped …" (`one` for a single PDF). */
  intro: { one: string; many: string };
  empty: string;
  noPreview: string;
  /** The thumbnail's alt text: "Page 1 ({template}, {language})". */
  pageOne: string;
  pages: { one: string; many: string };
  download: string;
  /** Beside a PDF the last build could not make anew (the build's log says why): the file is an earlier one. */
  outdated: string;
  extra: Record<ExtraKind, string>;
  /** Template ids as people call them. */
  templates: Record<string, string>;
}

const words: Record<string, IndexWords> = {
  de: {
    lang: 'de',
    title: '{organisation}: Infoblätter',
    intro: { one: '1 PDF, nach Blatt, Region und Sprache geordnet. Ein Klick aufs Bild öffnet es.', many: '{count} PDFs, nach Blatt, Region und Sprache geordnet. Ein Klick aufs Bild öffnet das PDF.' },
    empty: 'Noch ist kein PDF erstellt.',
    noPreview: 'keine Vorschau',
    pageOne: 'Seite 1 ({template}, {language})',
    pages: { one: '1 Seite', many: '{count} Seiten' },
    download: 'Herunterladen',
    outdated: 'Veraltet: konnte nicht neu erstellt werden.',
    extra: { print: 'Für die Druckerei', archive: 'Archivfassung (PDF/A)' },
    templates: { infoblatt: 'Infoblatt', flyer: 'Flyer', aushang: 'Aushang' },
  },
  en: {
    lang: 'en',
    title: '{organisation}: info sheets',
    intro: { one: '1 PDF, grouped by sheet, region and language. Click the picture to open it.', many: '{count} PDFs, grouped by sheet, region and language. Click a picture to open a PDF.' },
    empty: 'No PDF has been built yet.',
    noPreview: 'no preview',
    pageOne: 'Page 1 ({template}, {language})',
    pages: { one: '1 page', many: '{count} pages' },
    download: 'Download',
    outdated: 'Outdated: could not be made anew.',
    extra: { print: 'For the print shop', archive: 'Archival copy (PDF/A)' },
    templates: { infoblatt: 'info sheet', flyer: 'flyer', aushang: 'poster' },
  },
  tr: {
    lang: 'tr',
    title: '{organisation}: bilgi notları',
    intro: { one: '1 PDF; not, bölge ve dile göre sıralı. Açmak için resme tıklayın.', many: '{count} PDF; not, bölge ve dile göre sıralı. Bir PDF’i açmak için resmine tıklayın.' },
    empty: 'Henüz PDF oluşturulmadı.',
    noPreview: 'önizleme yok',
    pageOne: 'Sayfa 1 ({template}, {language})',
    pages: { one: '1 sayfa', many: '{count} sayfa' },
    download: 'İndir',
    outdated: 'Güncel değil: yeniden oluşturulamadı.',
    extra: { print: 'Matbaa için', archive: 'Arşiv kopyası (PDF/A)' },
    templates: { infoblatt: 'bilgi notu', flyer: 'broşür', aushang: 'afiş' },
  },
};

export function indexWords(locale: string | undefined): IndexWords {
  return forLocale(words, locale) ?? words.en!;
}

export const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
