import { createTypographer } from '../content/typography.js';
import { localize } from '../pipeline/resolve.js';
import type { ValidContent } from '../pipeline/validate.js';

/**
 * Names people recognise instead of ids, for the published index and the preview's menus:
 * a sheet's title in its source language, a region's name, a language's own name ("Deutsch").
 * Anything the content does not name (a broken file, an entry from an earlier run) keeps its id.
 */

export interface Labels {
  sheets: Record<string, string>;
  regions: Record<string, string>;
  locales: Record<string, string>;
}

export function labelsOf(content: ValidContent): Labels {
  const labels: Labels = { sheets: {}, regions: {}, locales: {} };
  for (const [id, sheet] of content.sheets) {
    const title = sheet.texts.get(sheet.meta.source_locale)?.title;
    // A title with a placeholder reads differently per region: the id says more than "{…}".
    // With the language's quotes and apostrophes, as the PDFs print it ("so geht’s", not "so geht's").
    if (title && !title.includes('{')) labels.sheets[id] = createTypographer(sheet.meta.source_locale)(title, '').replace(/\u00a0/g, ' ');
    for (const locale of sheet.meta.locales) labels.locales[locale] = languageName(locale);
  }
  const locale = content.sourceLocale ?? 'de';
  for (const [id, region] of content.regions) labels.regions[id] = localize(region.data.name, locale, locale);
  return labels;
}

/** The language's name in that language: "Deutsch", "English", "Türkçe". */
function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : code;
  } catch {
    return code;
  }
}

export const labelOf = (table: Record<string, string>, id: string): string => table[id] ?? id;
