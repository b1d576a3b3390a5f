import type { Template } from './template.js';

/**
 * Every template the tool ships, by id (the ids sheets list under `templates:`). Only the ids are
 * loaded eagerly: validating content or a build with nothing to render never imports react-pdf.
 */
export const templateIds: readonly string[] = ['infoblatt'];

export async function loadTemplate(id: string): Promise<Template> {
  switch (id) {
    case 'infoblatt':
      return (await import('./infoblatt.js')).infoblatt;
    default:
      throw new Error(`unknown template ${id}`);
  }
}
