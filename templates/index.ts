import type { Template, TemplateSpec } from './template.js';

/**
 * Every template the tool ships, with what it promises: page format and how many pages it may
 * have (`check` and `build` enforce the limit). Only these declarations are loaded eagerly:
 * validating content or a build with nothing to render never imports react-pdf.
 */
const mm = (v: number) => Math.round(((v * 72) / 25.4) * 100) / 100;

export const templateSpecs: Readonly<Record<string, TemplateSpec>> = {
  infoblatt: {
    description: 'A4 portrait info sheet: masthead, title, lead, sections, contact box',
    format: { name: 'A4', width: mm(210), height: mm(297) },
    maxPages: 2,
  },
  flyer: {
    description: 'A5 portrait flyer, front and back: headline, lead, key points, contact, QR code',
    format: { name: 'A5', width: mm(148), height: mm(210) },
    maxPages: 2,
    flyer: { maxPoints: 6 },
  },
  aushang: {
    description: 'A3 portrait notice-board poster, one page: large title, key points, QR code, contact line',
    format: { name: 'A3', width: mm(297), height: mm(420) },
    maxPages: 1,
    flyer: { maxPoints: 5 },
  },
};

export const templateIds: readonly string[] = Object.keys(templateSpecs);

export async function loadTemplate(id: string): Promise<Template> {
  switch (id) {
    case 'infoblatt':
      return (await import('./infoblatt.js')).infoblatt;
    case 'flyer':
      return (await import('./flyer.js')).flyer;
    case 'aushang':
      return (await import('./aushang.js')).aushang;
    default:
      throw new Error(`unknown template ${id}`);
  }
}
