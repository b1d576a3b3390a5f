import path from 'node:path';
import { ExitCode } from '../exit-codes.js';
import { UsageError } from '../findings.js';
import { suggest } from '../messages.js';
import { displayPath } from '../paths.js';
import type { ValidContent } from '../pipeline/validate.js';
import { writeAtomic } from '../pipeline/write.js';
import { findingJson, log, printFindings, printJson } from './output.js';

export interface MarkRequest {
  /** The sheets the command selected, readable or not. */
  sheetIds: readonly string[];
  locales: readonly string[];
  /** Parts to mark; none: every part the translation has. */
  sections: readonly string[];
  json?: boolean;
}

/**
 * `translations --mark-current`: records in the sheet's lock file that a translation (or some of
 * its parts) was checked against the source text as it is now.
 *
 * Nothing is written when a file it needs has errors (sheet.yaml, the lock file, the source text
 * or the translation): the lock would be rewritten from what could be read and lose the rest.
 * That is the content's fault (exit 1, with the file's findings); a request that cannot be met
 * as asked (no language, a part that is not there) is the command's (exit 2).
 */
export async function markTranslation(content: ValidContent, request: MarkRequest): Promise<void> {
  const sheetFile = (id: string, file: string) => path.join(content.root, 'sheets', id, file);
  const unreadable = request.sheetIds.filter((id) => !content.sheets.has(id));
  if (unreadable.length > 0) return refuse(content, unreadable.map((id) => sheetFile(id, 'sheet.yaml')), 'mend it, then mark again', request);
  const sheets = request.sheetIds.map((id) => content.sheets.get(id)!);
  if (sheets.length !== 1 || request.locales.length !== 1) throw new UsageError('--mark-current needs one --locale, and one --sheet when there are several sheets');
  const sheet = sheets[0]!;
  const locale = request.locales[0]!;
  const sourceLocale = sheet.meta.source_locale;
  if (locale === sourceLocale) throw new UsageError(`${locale} is the source language of ${sheet.id}; only translations are marked`);
  if (!sheet.lockIntact) return refuse(content, [sheet.lockFile], 'mend it (or restore it from version control), then mark again', request);
  const broken = [sourceLocale, locale].map((l) => sheetFile(sheet.id, `${l}.yaml`)).filter((file) => content.broken.has(file));
  if (broken.length > 0) return refuse(content, broken, 'mend it, then mark again', request);
  const source = sheet.texts.get(sourceLocale);
  const text = sheet.texts.get(locale);
  // A content mistake, found at sheet.yaml's list of languages: its finding, and exit 1.
  if (!source) return refuse(content, [sheetFile(sheet.id, 'sheet.yaml')], `restore ${sourceLocale}.yaml, the source text the translation is checked against`, request);
  if (!text) throw new UsageError(`${sheet.id} has no ${locale}.yaml yet: translate ${sourceLocale}.yaml into it first, then mark it`);

  // The translation's status (validate-sheet.ts) names every part of the source: complete,
  // outdated, missing from the translation, or still the source's text (untranslated).
  const units = sheet.status.get(locale);
  if (!units) throw new UsageError(`"${locale}" is not in locales in ${sheet.id}'s sheet.yaml: add it there first`);
  const byUnit = new Map(units.map((u) => [u.unit, u]));
  // Only a part both files have has a translation and something to check it against.
  const markable = units.filter((u) => u.state !== 'missing').map((u) => u.unit);
  // A part only the translation has (a section id translated along with its text).
  const onlyHere = [...(text.raw.flyer && !source.raw.flyer ? ['flyer'] : []), ...text.raw.sections.map((s) => s.id).filter((id) => !byUnit.has(id))];
  for (const part of request.sections) {
    const u = byUnit.get(part);
    // A part whose text is still the source's was not translated, let alone reviewed.
    if (u?.untranslated) throw new UsageError(`the text of "${part}" in ${locale}.yaml is the same as in ${sourceLocale}.yaml: translate it first, then mark it`);
    if (u?.state === 'missing') throw new UsageError(`"${part}" is missing from ${locale}.yaml: translate it from ${sourceLocale}.yaml (same id) first, then mark it`);
    if (u) continue;
    if (onlyHere.includes(part)) throw new UsageError(`"${part}" is in ${locale}.yaml but not in ${sourceLocale}.yaml, so there is nothing to check it against: give it the id of a ${sourceLocale} section, or remove it`);
    const near = suggest(part, markable);
    throw new UsageError(`${locale}.yaml has no part "${part}"${near ? ` (did you mean "${near}"?)` : ''}; parts: ${markable.join(', ')}`);
  }

  const { lockFileText, markCurrent } = await import('../content/translations.js');
  // Marking a whole file records the parts that were outdated or never reviewed; the records of
  // parts already current stay as they were, so the lock file's diff shows what the review covered.
  const whole = request.sections.length === 0;
  const marked = whole ? units.filter((u) => u.state === 'outdated' && !u.untranslated).map((u) => u.unit) : [...request.sections];
  const missing = whole ? units.filter((u) => u.state === 'missing').map((u) => u.unit) : [];
  const untranslated = whole ? units.filter((u) => u.untranslated).map((u) => u.unit) : [];
  if (marked.length > 0) {
    writeAtomic(sheet.lockFile, lockFileText({ ...sheet.lock, [locale]: markCurrent(source.raw, text.raw, sheet.lock[locale], marked, sourceLocale) }));
  }
  if (request.json) printJson({ marked: { sheet: sheet.id, locale, parts: marked, notMarked: [...missing, ...untranslated], lockFile: displayPath(sheet.lockFile) } });
  // Parts that cannot be marked are named, so nobody takes them for reviewed.
  const list = (parts: string[]) => `${parts.join(', ')} ${parts.length === 1 ? 'is' : 'are'}`;
  const current = units.filter((u) => u.state === 'complete' && !u.untranslated).length;
  const notes = [
    whole && marked.length > 0 && current > 0 && `the other ${current} ${current === 1 ? 'part was' : 'parts were'} current already`,
    missing.length && `${list(missing)} missing from ${locale}.yaml, so not marked`,
    untranslated.length && `${list(untranslated)} the same as in ${sourceLocale}.yaml, not translated, so not marked`,
  ].filter(Boolean);
  const note = notes.length ? ` (${notes.join('; ')})` : '';
  if (marked.length === 0) log(`nothing to mark: every translated part of ${locale}.yaml is current already${note}`);
  else log(`marked ${marked.join(', ')} as current in ${displayPath(sheet.lockFile)}${note}`);
}

/** Marks nothing: the files' findings, what to do, exit 1 (and JSON saying so with --json). */
function refuse(content: ValidContent, files: readonly string[], remedy: string, request: MarkRequest): void {
  const shown = new Set(files.map(displayPath));
  const findings = content.findings.filter((f) => shown.has(f.file));
  printFindings(findings);
  log(`${[...shown].join(', ')} ${shown.size === 1 ? 'has' : 'have'} errors (above), so nothing is marked: ${remedy}.`);
  if (request.json) printJson({ marked: null, findings: findings.map(findingJson) });
  process.exitCode = ExitCode.content;
}
