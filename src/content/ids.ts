/**
 * How ids and language codes are spelt, as plain patterns: the schema (zod), the loader (which
 * finds a sheet's language files by name), the editors' schema lines and `infoblatt new` share
 * them, and the last three need no zod for it.
 */

/** Ids (regions, sheets, sections, templates): lowercase a–z, digits, single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The longest id of a region or a sheet. Both are folder and file names of the output,
 * out/<sheet>/<region>/<sheet>-<region>-<locale>-<template>-print.pdf, and a file system takes at
 * most 255 bytes per name: a region id of 245 characters passed the check and failed the build when
 * writing (ENAMETOOLONG). Two ids of 64, a language code and a template id stay well below it.
 */
export const MAX_ID_LENGTH = 64;

/** The id a name would have: "Lübeck" → "luebeck", "Bremen Süd" → "bremen-sued". */
export function slugFor(name: string): string {
  const map: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
  return name.toLowerCase().replace(/[äöüß]/g, (c) => map[c]!).normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'region';
}

/** Language codes: de, en, tr, pt-BR. */
export const LOCALE = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

/** A sheet's record of what each translation was made from (content/translations.ts). */
export const LOCK_FILE = 'translations.lock.yaml';

/** A sheet's text in one language, `<code>.yaml`; the code is the first group. */
export const LOCALE_FILE = new RegExp(`^(${LOCALE.source.slice(1, -1)})\\.yaml$`);
