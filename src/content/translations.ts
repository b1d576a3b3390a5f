import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { schemaLine } from './schema-files.js';
import { sheetTextSchema, type SheetTextFile } from './schema.js';
import { quoteMarksOf } from './typography.js';

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
  /** The part's text is the source's, unchanged (untranslatedParts), whatever the lock file says. */
  untranslated?: true;
}

export function hashText(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 12);
}

/**
 * What a translator translates, without what only changes the source's spelling in the file: a
 * line broken anew inside a paragraph (or `>` for `|`), spaces at line ends or doubled inside a
 * line, and quotation marks typed straight where the typographer sets `locale`'s own ("Zoom" for
 * „Zoom“ in German). A translator's walk found every such edit marking both translations
 * outdated. What changes the printed text still counts: a hard line break (two spaces or "\\" at
 * a line end), a line break before a list item or heading, indentation at a line's start (list
 * nesting), quotation marks of another style (German prints «…» as typed).
 */
export function meaningOf(text: string, locale?: string): string {
  let t = text
    // A hard break, marked before the spaces at line ends go.
    .replace(/(?: {2,}|\\)\n/g, '\u2028\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/([^\n])\n(?![ \t]*(?:\n|[-*+][ \t]|\d+[.)][ \t]|#))[ \t]*/g, '$1 ')
    .replace(/(?<=\S)[ \t]{2,}/g, ' ')
    .trim();
  if (locale) {
    const { double, single } = quoteMarksOf(locale);
    t = t.replace(new RegExp(`[${double.join('')}]`, 'g'), '"').replace(new RegExp(`[${single.join('')}’]`, 'g'), "'");
  }
  return t;
}

/**
 * Hashes of the source text's parts, keyed like the lock file: of their meaning (meaningOf), or
 * with `asRecordedBefore` of the text itself, as records made before meaningOf were taken.
 */
export function sourceHashes(source: SheetTextFile, asRecordedBefore = false, locale?: string): LockEntry & { sections: Record<string, string> } {
  const h = (...parts: string[]) => hashText(...(asRecordedBefore ? parts : parts.map((part) => meaningOf(part, locale))));
  return {
    title: h(source.title),
    kicker: h(source.kicker),
    lead: h(source.lead),
    ...(source.flyer && { flyer: h(source.flyer.headline, ...source.flyer.points) }),
    sections: Object.fromEntries(source.sections.map((s) => [s.id, h(s.heading, s.body)])),
  };
}

/**
 * Parts of a translation whose text is the source's, unchanged: pasted to be translated later,
 * or never translated at all. Their record in the lock file says nothing about that (it hashes
 * the source), so a translator's walk found a German section in tr.yaml reported "complete".
 * Only parts long enough that the same words in two languages are no coincidence: the lead, each
 * section's text, the flyer's points (a title such as "Zoom & Co." may well stay as it is).
 */
export function untranslatedParts(source: SheetTextFile, translation: SheetTextFile): string[] {
  const same = (a: string, b: string) => a.length >= MIN_COMPARED && meaningOf(a) === meaningOf(b);
  const bySource = new Map(source.sections.map((s) => [s.id, s]));
  return [
    ...(same(translation.lead, source.lead) ? ['lead'] : []),
    ...(source.flyer && translation.flyer && same(translation.flyer.points.join('\n'), source.flyer.points.join('\n')) ? ['flyer'] : []),
    ...translation.sections.filter((t) => bySource.has(t.id) && same(t.body, bySource.get(t.id)!.body)).map((t) => t.id),
  ];
}

/** Shorter texts may read the same in two languages (a name, an address, "Webex"). */
const MIN_COMPARED = 40;

/**
 * `asTyped`: the source with its spaces as typed (SourceFile.asTyped). Hashes recorded before
 * runs of spaces were set as one (source.ts: tidyText) were taken from it; a part whose record
 * matches it is as current as one that matches the text now, so an update does not mark reviewed
 * translations outdated. Marking writes the hashes of the text now.
 */
export function translationStatus(source: SheetTextFile, translation: SheetTextFile, lock: LockEntry | undefined, asTyped?: SheetTextFile, sourceLocale?: string): UnitStatus[] {
  // A record matches the meaning now, or (made by an earlier version) the text now or as typed.
  const accepted = [sourceHashes(source, false, sourceLocale), sourceHashes(source, true), ...(asTyped ? [safeHashes(asTyped)] : [])].filter((h) => h !== undefined);
  const present = new Set(translation.sections.map((s) => s.id));
  const judge = (unit: string, isSection: boolean, hashes: Array<string | undefined>, recorded: string | undefined, exists: boolean): UnitStatus => {
    if (!exists) return { unit, isSection, state: 'missing' };
    if (recorded === undefined) return { unit, isSection, state: 'outdated', reason: 'unrecorded' };
    return hashes.includes(recorded) ? { unit, isSection, state: 'complete' } : { unit, isSection, state: 'outdated', reason: 'changed' };
  };
  const field = (name: 'title' | 'kicker' | 'lead' | 'flyer') => accepted.map((h) => h[name]);
  const same = new Set(untranslatedParts(source, translation));
  return [
    judge('title', false, field('title'), lock?.title, true),
    judge('kicker', false, field('kicker'), lock?.kicker, true),
    judge('lead', false, field('lead'), lock?.lead, true),
    ...(source.flyer ? [judge('flyer', false, field('flyer'), lock?.flyer, translation.flyer !== undefined)] : []),
    ...source.sections.map((s) => judge(s.id, true, accepted.map((h) => h.sections[s.id]), recordOf(lock?.sections, s.id), present.has(s.id))),
  ].map((u) => (same.has(u.unit) ? { ...u, untranslated: true } : u));
}

/**
 * A section's record in the lock entry. Own keys only: a section "constructor" with no record found
 * Object's constructor, and was reported "the de text changed" instead of "not yet reviewed".
 */
function recordOf(sections: Record<string, string> | undefined, id: string): string | undefined {
  return sections && Object.hasOwn(sections, id) ? sections[id] : undefined;
}

/**
 * The hashes of the text as typed (before tidyText), which is not checked by itself: none where
 * it is not a text file's shape. (Checked, not caught: a bug in the hashing must not pass as an
 * old record.)
 */
function safeHashes(text: SheetTextFile): ReturnType<typeof sourceHashes> | undefined {
  return sheetTextSchema.safeParse(text).success ? sourceHashes(text, true) : undefined;
}

/**
 * A translation none of whose parts was ever marked (a new file): reported as one finding and
 * marked with one command, not part by part (a walk counted twelve findings, each with its command).
 */
export function neverReviewed(units: readonly UnitStatus[]): boolean {
  return units.filter((u) => u.reason === 'unrecorded').length > 1 && units.every((u) => u.state === 'missing' || u.reason === 'unrecorded');
}

/** The lock entry after marking `units` (all present ones when empty) of a translation current. */
export function markCurrent(source: SheetTextFile, translation: SheetTextFile, previous: LockEntry | undefined, units: readonly string[], sourceLocale?: string): LockEntry {
  const now = sourceHashes(source, false, sourceLocale);
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
