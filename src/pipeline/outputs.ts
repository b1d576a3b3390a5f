import { rmSync } from 'node:fs';
import path from 'node:path';
import { outputErrorOf } from '../findings.js';
import type { VariantKey } from '../model.js';
import { displayPath } from '../paths.js';
import { countPages } from './render-meta.js';
import { isIntact, outputPath, writeOutput, type WrittenFile } from './write.js';

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
  return outputPath(key).replace(/\.pdf$/, `${suffix[kind]}.pdf`);
}

/** A print or archival file as the manifest lists it, under its screen version's entry. */
export type ExtraFile = WrittenFile;

export interface ExtraPlan {
  /** Versions to render this run. */
  render: ExtraKind[];
  /** Versions from the last build that are still current (same inputs, file intact). */
  keep: Partial<Record<ExtraKind, ExtraFile>>;
}

/**
 * Which print and archival versions a variant needs this run: the wanted ones that are missing or
 * were made from other inputs. Versions not asked for this time are kept while still current; a
 * version made from older inputs is removed, so out/ never holds a print file that no longer
 * matches its screen version.
 */
export function planExtras(outDir: string, before: (ExtraFiles & { inputHash: string }) | undefined, inputHash: string, wanted: readonly ExtraKind[], force: boolean): ExtraPlan {
  const plan: ExtraPlan = { render: [], keep: {} };
  for (const kind of EXTRA_KINDS) {
    const old = before?.[kind];
    const current = old !== undefined && before?.inputHash === inputHash && isIntact(outDir, old);
    if (wanted.includes(kind) && (force || !current)) plan.render.push(kind);
    else if (current) plan.keep[kind] = old;
  }
  return plan;
}

/**
 * Removes a variant's print and archival files that are neither current nor rendered now. By
 * their path, not by the manifest: a build interrupted before its manifest was written can leave
 * one the manifest never listed.
 */
export function removeStaleExtras(outDir: string, key: VariantKey, plan: ExtraPlan): void {
  for (const kind of EXTRA_KINDS) {
    if (!plan.keep[kind] && !plan.render.includes(kind)) removeOutdated(outDir, kindPath(key, kind));
  }
}

/** Removes a file made from older inputs; one that cannot go (open in a viewer) is the user's to close. */
function removeOutdated(outDir: string, file: string): void {
  try {
    rmSync(path.join(outDir, file), { force: true });
  } catch (error) {
    throw outputErrorOf(`${displayPath(path.join(outDir, file))} (an outdated version, to be removed)`, error) ?? error;
  }
}

export type ExtraFiles = Partial<Record<ExtraKind, ExtraFile>>;

export function writeExtra(outDir: string, key: VariantKey, kind: ExtraKind, pdf: Buffer): ExtraFile {
  const file = kindPath(key, kind);
  try {
    return writeOutput(outDir, file, pdf, countPages(pdf));
  } catch (error) {
    // The version still there was made from older inputs: none is better than one that no longer
    // matches its screen version (as far as it can go; the write's error is the one to report).
    try {
      removeOutdated(outDir, file);
    } catch {
      // Reported through the write's error below.
    }
    throw error;
  }
}
