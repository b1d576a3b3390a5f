import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { outputErrorOf } from '../findings.js';
import type { VariantKey } from '../model.js';
import { displayPath } from '../paths.js';
import { EXTRA_KINDS, type ExtraFiles } from './outputs.js';

/**
 * Stage 5, write: every file lands by rename from a temporary file in the same folder, so out/
 * only ever holds complete PDFs and a complete manifest, whatever happens to the process mid-run
 * (an error, Ctrl-C, a kill). Files are not synced to the disk (that would cost every build):
 * after a power cut a PDF may be truncated, which the next build finds (isIntact compares its
 * hash with the manifest's) and renders again.
 */

export interface ManifestEntry extends VariantKey, ExtraFiles {
  /** Path relative to the output folder, with forward slashes. */
  file: string;
  pages: number;
  bytes: number;
  sha256: string;
  /** Hash of everything the PDF was made from; an unchanged hash means nothing to render. */
  inputHash: string;
  /** Set when the content fits only with one of the template's tighter settings (1, 2 …). */
  tightness?: number;
  /** Set when the last build of this variant failed: the file is from an earlier one (index.html says so). */
  outdated?: true;
  /**
   * The content folder that wrote it (withdraw.ts: contentIdOf); absent in older manifests, where
   * the manifest's own `content` stands for all. Two content folders may build into one out/: a
   * full build of one withdraws only what it wrote itself.
   */
  content?: string;
}

export interface Manifest {
  /** The content folder it was written from, as a hash (withdraw.ts: contentIdOf). */
  content?: string;
  variants: ManifestEntry[];
  /** Set when out/ held a manifest.json that is no JSON of ours (cut short, edited by hand). */
  unreadable?: true;
}

export const MANIFEST = 'manifest.json';

/** Temporary files of writes in progress, removed if the process is interrupted. */
const pendingWrites = new Set<string>();

/**
 * `mkdir -p`, a folder at a time. Node 20's recursive mkdirSync loops for ever where the system
 * answers ENOENT though the parent exists (--out /proc/x hung at full CPU, deaf to Ctrl-C); here
 * that is an error like any refused write. A link on the way, broken or not, is left to the write
 * through it, which names what is wrong.
 */
export function makeFolders(dir: string): void {
  const present = (p: string) => {
    try {
      lstatSync(p);
      return true;
    } catch {
      return false;
    }
  };
  const missing: string[] = [];
  for (let at = path.resolve(dir); !present(at) && path.dirname(at) !== at; at = path.dirname(at)) missing.push(at);
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made meanwhile by another build: fine.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw error;
    }
  }
}

/** Writes `file` whole or not at all; a write the system refuses is an OutputError. */
export function writeAtomic(file: string, bytes: Buffer | string): void {
  // Hidden, and named after its process: a build killed outright (SIGKILL, power cut) can leave
  // one behind, and the next build removes it (removeStaleTemporaries).
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  pendingWrites.add(tmp);
  try {
    makeFolders(path.dirname(file));
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (error) {
    // A file where a folder belongs is named itself, not the PDF that could not go below it.
    const code = (error as NodeJS.ErrnoException).code;
    const blocking = code === 'EEXIST' || code === 'ENOTDIR' ? fileInTheWay(path.dirname(file)) : undefined;
    throw (blocking ? outputErrorOf(`${displayPath(file)} (${displayPath(blocking)} is a file, where a folder belongs)`, error) : outputErrorOf(displayPath(file), error)) ?? error;
  } finally {
    pendingWrites.delete(tmp);
    if (existsSync(tmp)) rmSync(tmp, { force: true });
  }
}

/** The nearest of `dir` and the folders above it that exists as a file, if any. */
function fileInTheWay(dir: string): string | undefined {
  for (let at = dir; at !== path.dirname(at); at = path.dirname(at)) {
    if (existsSync(at)) return statSync(at).isFile() ? at : undefined;
  }
  return undefined;
}

export function removePendingWrites(): void {
  for (const tmp of pendingWrites) rmSync(tmp, { force: true });
  pendingWrites.clear();
}

/** What a run in progress must still write when it is interrupted (a build: its manifest so far). */
const interruptHooks = new Set<() => void>();

/** Registers `fn` for finishInterrupted; call the returned function once it is no longer needed. */
export function onInterrupt(fn: () => void): () => void {
  interruptHooks.add(fn);
  return () => interruptHooks.delete(fn);
}

/**
 * For Ctrl-C and SIGTERM: half-written files go, and what was finished is recorded, so out/ and
 * its manifest agree (a PDF replaced under an old manifest entry would be published with the old
 * entry's hash and thumbnail until the next build). Says whether a build was running.
 */
export function finishInterrupted(): boolean {
  removePendingWrites();
  const hooked = interruptHooks.size > 0;
  for (const fn of interruptHooks) fn();
  interruptHooks.clear();
  return hooked;
}

const TEMPORARY = /^\..+\.(\d+)\.[a-z0-9]+\.tmp$/;

/** Whether a process of this id runs (one of another user counts: it cannot be signalled). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files left by a process that no longer runs (only a hard kill leaves any). */
export function removeStaleTemporaries(outDir: string): void {
  if (!existsSync(outDir)) return;
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    const m = TEMPORARY.exec(entry.name);
    if (entry.isFile() && m && !isRunning(Number(m[1]))) rmSync(path.join(entry.parentPath, entry.name), { force: true });
  }
}

/** Stable, documented output path: <sheet>/<region>/<sheet>-<region>-<locale>-<template>.pdf */
export function outputPath(key: VariantKey): string {
  return `${key.sheet}/${key.region}/${key.sheet}-${key.region}-${key.locale}-${key.template}.pdf`;
}

/** One key per variant, for maps of variants (the manifest, the last build's entries). */
export const variantId = (k: VariantKey) => `${k.sheet}\0${k.region}\0${k.locale}\0${k.template}`;

/** A PDF written under out/, as the manifest describes it. */
export interface WrittenFile {
  /** Path relative to the output folder, with forward slashes. */
  file: string;
  pages: number;
  bytes: number;
  sha256: string;
}

/**
 * Whether a file the manifest lists is still the one written: there, and with the same bytes. The
 * hash, not just the size, because a run killed after replacing a PDF (before it wrote the
 * manifest) can leave a new PDF of the same size under the old entry. ~5 ms for 63 PDFs.
 */
export function isIntact(outDir: string, written: Pick<WrittenFile, 'file' | 'bytes' | 'sha256'>): boolean {
  const file = path.join(outDir, written.file);
  if (!existsSync(file) || statSync(file).size !== written.bytes) return false;
  return createHash('sha256').update(readFileSync(file)).digest('hex') === written.sha256;
}

export function writeOutput(outDir: string, file: string, pdf: Buffer, pages: number): WrittenFile {
  writeAtomic(path.join(outDir, file), pdf);
  return { file, pages, bytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') };
}

export function writePdf(outDir: string, key: VariantKey, pdf: Buffer, pages: number, inputHash: string): ManifestEntry {
  return { sheet: key.sheet, region: key.region, locale: key.locale, template: key.template, ...writeOutput(outDir, outputPath(key), pdf, pages), inputHash };
}

export function readManifest(outDir: string): Manifest {
  const file = path.join(outDir, MANIFEST);
  if (!existsSync(file)) return { variants: [] };
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { content?: unknown; variants?: unknown };
    if (!Array.isArray(json.variants)) return { variants: [], unreadable: true };
    // Only entries of our own shape: one edited by hand ({"sheet": "x"}, null) crashed the build,
    // and a file outside out/ ("../…") must never be read, replaced or removed as one of ours.
    const variants = json.variants.filter(isEntry);
    return { ...(typeof json.content === 'string' && { content: json.content }), variants };
  } catch {
    // A manifest we cannot read is rebuilt from scratch rather than trusted (and the build says so).
    return { variants: [], unreadable: true };
  }
}

/** Every file a manifest entry names: its PDF, then its print and archival versions. */
export const entryFiles = (e: ManifestEntry): WrittenFile[] => [e, ...EXTRA_KINDS.flatMap((kind) => (e[kind] ? [e[kind]!] : []))];

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
/** A path written by outputPath: relative, inside out/, with forward slashes. */
export const isOutputFile = (v: unknown): v is string => isString(v) && !v.startsWith('/') && !v.includes('\\') && v.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
const isWritten = (v: unknown): v is WrittenFile => {
  const w = v as Partial<WrittenFile> | null;
  return typeof w === 'object' && w !== null && isOutputFile(w.file) && isCount(w.pages) && isCount(w.bytes) && isString(w.sha256);
};

function isEntry(v: unknown): v is ManifestEntry {
  if (!isWritten(v)) return false;
  const e = v as Partial<ManifestEntry>;
  return isString(e.sheet) && isString(e.region) && isString(e.locale) && isString(e.template) && isString(e.inputHash)
    && EXTRA_KINDS.every((kind) => e[kind] === undefined || isWritten(e[kind]));
}

/**
 * Entries of this run replace earlier ones for the same variant; earlier entries of variants not
 * built this time (e.g. another --region) are kept while their PDF still exists, unless
 * `withdrawn` names them (variants no longer in the content).
 */
export function writeManifest(outDir: string, entries: ManifestEntry[], withdrawn: ReadonlySet<string> = new Set(), content?: string, failed: ReadonlySet<string> = new Set()): Manifest {
  const last = readManifest(outDir);
  const kept = last.variants.filter((e) => !withdrawn.has(variantId(e)) && existsSync(path.join(outDir, e.file)))
    // An entry of an older manifest belongs to the folder the manifest names.
    .map((e) => (e.content === undefined && last.content !== undefined ? { ...e, content: last.content } : e));
  const merged = new Map(kept.map((e) => [variantId(e), failed.has(variantId(e)) ? { ...e, outdated: true as const } : e]));
  for (const e of entries) merged.set(variantId(e), content ? { ...e, content } : e);
  const variants = [...merged.values()].sort((a, b) => a.file.localeCompare(b.file));
  const manifest: Manifest = { ...(content && { content }), variants };
  writeAtomic(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
