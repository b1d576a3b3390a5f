import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { schemaLine } from './schema-files.js';
import { sheetTextSchema, type SheetTextFile } from './schema.js';

/**
 * Translation status without any history: for every part of a translation (title, kicker, lead,
 * each section) the lock file records a hash of the source text it was translated from. When the
 * source text changes, its hash no longer matches and the translation is outdated until someone
 * updates it and marks it current again (`infoblatt translations --mark-current`).
 *
 *   content/sheets/<sheet>/translations.lock.yaml
 *     en:
 *       title: 3f2a…          # hash of the German title when the English one was last reviewed
 *       sections:
 *         fazit: 9c41…
 */

export interface LockEntry {
  title?: string;
  kicker?: string;
  lead?: string;
  /** The flyer block's headline and key points (not its link, which differs per language anyway). */
  flyer?: string;
  sections?: Record<string, string>;
}
export type TranslationLock = Record<string, LockEntry>;

export type UnitState = 'complete' | 'missing' | 'outdated';
export interface UnitStatus {
  /** "title", "kicker", "lead", "flyer" or a section id */
  unit: string;
  isSection: boolean;
  state: UnitState;
  /** Why outdated: the source changed, or the translation was never marked current. */
  reason?: 'changed' | 'unrecorded';
}

export function hashText(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 12);
}

/** Hashes of the source text's parts, keyed like the lock file. */
export function sourceHashes(source: SheetTextFile): LockEntry & { sections: Record<string, string> } {
  return {
    title: hashText(source.title),
    kicker: hashText(source.kicker),
    lead: hashText(source.lead),
    ...(source.flyer && { flyer: hashText(source.flyer.headline, ...source.flyer.points) }),
    sections: Object.fromEntries(source.sections.map((s) => [s.id, hashText(s.heading, s.body)])),
  };
}

/**
 * `asTyped`: the source with its spaces as typed (SourceFile.asTyped). Hashes recorded before
 * runs of spaces were set as one (source.ts: tidyText) were taken from it; a part whose record
 * matches it is as current as one that matches the text now, so an update does not mark reviewed
 * translations outdated. Marking writes the hashes of the text now.
 */
export function translationStatus(source: SheetTextFile, translation: SheetTextFile, lock: LockEntry | undefined, asTyped?: SheetTextFile): UnitStatus[] {
  const now = sourceHashes(source);
  const typed = asTyped ? safeHashes(asTyped) : undefined;
  const present = new Set(translation.sections.map((s) => s.id));
  const judge = (unit: string, isSection: boolean, current: string, recorded: string | undefined, exists: boolean, asWritten?: string): UnitStatus => {
    if (!exists) return { unit, isSection, state: 'missing' };
    if (recorded === undefined) return { unit, isSection, state: 'outdated', reason: 'unrecorded' };
    return recorded === current || recorded === asWritten ? { unit, isSection, state: 'complete' } : { unit, isSection, state: 'outdated', reason: 'changed' };
  };
  return [
    judge('title', false, now.title!, lock?.title, true, typed?.title),
    judge('kicker', false, now.kicker!, lock?.kicker, true, typed?.kicker),
    judge('lead', false, now.lead!, lock?.lead, true, typed?.lead),
    ...(now.flyer ? [judge('flyer', false, now.flyer, lock?.flyer, translation.flyer !== undefined, typed?.flyer)] : []),
    ...source.sections.map((s) => judge(s.id, true, now.sections[s.id]!, lock?.sections?.[s.id], present.has(s.id), typed?.sections[s.id])),
  ];
}

/**
 * The hashes of the text as typed (before tidyText), which is not checked by itself: none where
 * it is not a text file's shape. (Checked, not caught: a bug in the hashing must not pass as an
 * old record.)
 */
function safeHashes(text: SheetTextFile): ReturnType<typeof sourceHashes> | undefined {
  return sheetTextSchema.safeParse(text).success ? sourceHashes(text) : undefined;
}

/** The lock entry after marking `units` (all present ones when empty) of a translation current. */
export function markCurrent(source: SheetTextFile, translation: SheetTextFile, previous: LockEntry | undefined, units: readonly string[]): LockEntry {
  const now = sourceHashes(source);
  const present = new Set(translation.sections.map((s) => s.id));
  const wanted = (u: string) => units.length === 0 || units.includes(u);
  const entry: LockEntry = { ...previous, sections: { ...previous?.sections } };
  for (const field of ['title', 'kicker', 'lead'] as const) if (wanted(field)) entry[field] = now[field];
  if (now.flyer && translation.flyer && wanted('flyer')) entry.flyer = now.flyer;
  for (const [id, hash] of Object.entries(now.sections)) if (present.has(id) && wanted(id)) entry.sections![id] = hash;
  return entry;
}

/**
 * The lock file's text: languages sorted, and each entry's parts in the order of a text file
 * (title, kicker, lead, flyer, sections), so that marking a part current changes only its line;
 * an entry written before its flyer existed had "flyer" after the sections, and marking moved it.
 */
export function lockFileText(lock: TranslationLock): string {
  const ordered = (e: LockEntry): LockEntry => Object.fromEntries(
    (['title', 'kicker', 'lead', 'flyer', 'sections'] as const).filter((k) => e[k] !== undefined).map((k) => [k, e[k]]),
  ) as LockEntry;
  const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => a.localeCompare(b)).map(([l, e]) => [l, ordered(e)]));
  return `${schemaLine('sheets/sheet/translations.lock.yaml')}\n# Written by "infoblatt translations --mark-current": for each translation, a hash of the source\n# text each part was translated from. Do not edit by hand.\n${stringify(sorted)}`;
}
