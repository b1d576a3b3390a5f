import type { Messages, SheetModel } from '../src/model.js';

/**
 * Everything a template prints that is not content, per language. A template never contains a
 * word of its own; a new language starts here.
 */
export const catalogues: Record<string, Messages> = {
  de: {
    contact: 'Kontakt',
    phone: 'Telefon',
    email: 'E-Mail',
    web: 'Internet',
    hours: 'Erreichbar',
    pageOf: 'Seite {page} von {pages}',
    asOf: 'Stand: {date}',
    keyPoints: 'Das Wichtigste in Kürze',
    learnMore: 'Mehr erfahren',
    scanHint: 'Code mit dem Handy scannen – dort steht alles ausführlich.',
    logo: 'Logo: {organisation}',
    qrCode: 'QR-Code zur Webseite {address}',
  },
  en: {
    contact: 'Contact',
    phone: 'Phone',
    email: 'Email',
    web: 'Web',
    hours: 'Office hours',
    pageOf: 'Page {page} of {pages}',
    asOf: 'As of {date}',
    keyPoints: 'The key points',
    learnMore: 'Learn more',
    scanHint: 'Scan the code with your phone to read the full text.',
    logo: 'Logo: {organisation}',
    qrCode: 'QR code for the web page {address}',
  },
  tr: {
    contact: 'İletişim',
    phone: 'Telefon',
    email: 'E-posta',
    web: 'İnternet',
    // "Mesai", as Turkish office signs write it: "Çalışma saatleri" made the label column so wide that
    // München's web address wrapped.
    hours: 'Mesai',
    pageOf: 'Sayfa {page} / {pages}',
    asOf: 'Güncelleme: {date}',
    keyPoints: 'En önemli noktalar',
    learnMore: 'Daha fazla bilgi',
    scanHint: 'Ayrıntılı bilgi için kodu telefonunuzla okutun.',
    logo: 'Logo: {organisation}',
    qrCode: '{address} web sayfasının QR kodu',
  },
};

/** "Stand: 5. Mai 2020", "Updated: 5 May 2020": the date line of every template. */
export const asOfLine = (model: SheetModel): string => model.messages.asOf.replace('{date}', model.dateText);
