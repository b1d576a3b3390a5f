import type { VariantKey } from '../model.js';

/**
 * The versions of a variant a build can write. The screen version is always written; the print
 * version (--print) and the archival version (--archive) only when asked, beside it:
 *
 *   out/<sheet>/<region>/<sheet>-<region>-<locale>-<template>.pdf         screen
 *   out/<sheet>/<region>/<sheet>-<region>-<locale>-<template>-print.pdf   print shop (bleed, marks, boxes)
 *   out/<sheet>/<region>/<sheet>-<region>-<locale>-<template>-pdfa.pdf    archive (PDF/A-2b)
 */
export type OutputKind = 'screen' | 'print' | 'archive';
export type ExtraKind = Exclude<OutputKind, 'screen'>;
export const EXTRA_KINDS: readonly ExtraKind[] = ['print', 'archive'];

const suffix: Record<OutputKind, string> = { screen: '', print: '-print', archive: '-pdfa' };

export function kindPath(key: VariantKey, kind: OutputKind): string {
  return `${key.sheet}/${key.region}/${key.sheet}-${key.region}-${key.locale}-${key.template}${suffix[kind]}.pdf`;
}

/** A print or archival file as the manifest lists it, under its screen version's entry. */
export interface ExtraFile {
  file: string;
  pages: number;
  bytes: number;
  sha256: string;
}
