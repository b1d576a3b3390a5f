import type { ValidContent } from '../pipeline/validate.js';
import { indexWords } from '../publish/index-words.js';
import { labelsOf, type Labels } from '../publish/labels.js';
import { templateSpecs } from '../../templates/index.js';

/** The preview's menus: the index page's labels, and the templates by name and format. */
export interface MenuLabels extends Labels {
  templates: Record<string, string>;
}

/**
 * Labels for the menus after a reload. A file with errors names nothing, so its last good name
 * stays (the menu keeps "Region Hamburg" while hamburg.yaml is mended, not "hamburg"); templates
 * read as the English index calls them ("Poster (A3)", not "aushang"), as the page is English.
 */
export function menuLabels(content: ValidContent, previous?: MenuLabels): MenuLabels {
  const now = labelsOf(content);
  const words = indexWords('en').templates;
  const templates = Object.fromEntries(Object.entries(templateSpecs).map(([id, spec]) => {
    const word = words[id] ?? id;
    return [id, `${word.charAt(0).toUpperCase()}${word.slice(1)} (${spec.format.name})`];
  }));
  return {
    sheets: { ...previous?.sheets, ...now.sheets },
    regions: { ...previous?.regions, ...now.regions },
    locales: { ...previous?.locales, ...now.locales },
    templates,
  };
}
