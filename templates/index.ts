import { mm } from '../src/units.js';
import type { Template, TemplateSpec } from './template.js';

/** Page formats in points, to the hundredth (A4: 595.28 × 841.89). */
const format = (name: string, width: number, height: number) => ({ name, width: Math.round(mm(width) * 100) / 100, height: Math.round(mm(height) * 100) / 100 });

/**
 * Every template the tool ships, with what it promises: page format and how many pages it may
 * have (`check` and `build` enforce the limit). Only these declarations are loaded eagerly:
 * validating content or a build with nothing to render never imports react-pdf.
 */
export const templateSpecs: Readonly<Record<string, TemplateSpec>> = {
  infoblatt: {
    description: 'A4 portrait info sheet: masthead, title, lead, sections, contact box',
    format: format('A4', 210, 297),
    maxPages: 2,
    load: async () => (await import('./infoblatt.js')).infoblatt,
  },
  flyer: {
    description: 'A5 portrait flyer, front and back: headline, lead, key points, contact, QR code',
    format: format('A5', 148, 210),
    maxPages: 2,
    tighterSettings: 2,
    flyer: { maxPoints: 6 },
    load: async () => (await import('./flyer.js')).flyer,
  },
  aushang: {
    description: 'A3 portrait notice-board poster, one page: large title, key points, QR code, contact line',
    format: format('A3', 297, 420),
    maxPages: 1,
    tighterSettings: 2,
    flyer: { maxPoints: 5 },
    load: async () => (await import('./aushang.js')).aushang,
  },
};

export const templateIds: readonly string[] = Object.keys(templateSpecs);

/**
 * Whether a template prints the sheet's sections (and so a region's overrides of them): those with
 * the short form (flyer, poster) print its headline and key points instead.
 */
export const printsSections = (id: string): boolean => templateSpecs[id]?.flyer === undefined;

/** The template's page description; its module (and react-pdf with it) loads only when asked for. */
export async function loadTemplate(id: string): Promise<Template> {
  const spec = templateSpecs[id];
  // Template names are checked against templateIds when the content is validated.
  if (!spec) throw new Error(`unknown template ${id}`);
  return spec.load();
}
