import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import path from 'node:path';
import { ExitCode } from '../exit-codes.js';
import { UsageError } from '../findings.js';
import { checkSelection } from '../pipeline/plan.js';
import { displayPath } from '../paths.js';
import { commandLine } from '../command-line.js';
import type { UnitStatus } from '../content/translations.js';
import { collect, log, print, printFindings, printJson, readContent, withSelectors } from './output.js';

const symbol: Record<UnitStatus['state'], string> = { complete: '✓', missing: '✗', outdated: '!' };

export function translationsCommand(cli: Command): void {
  withSelectors(cli.command('translations').description('report which parts of each translation are complete, missing or outdated; --mark-current records a reviewed translation'), ['sheet', 'locale'])
    .option('--content <dir>', 'content folder', 'content')
    .addOption(new Option('--section <id>', 'with --mark-current: only these parts (section ids, or title, kicker, lead, flyer)').argParser(collect))
    .option('--mark-current', 'record that the translation (or the --section parts) has been checked against the current source text')
    .option('--strict', 'exit 1 when anything is missing or outdated')
    .option('--json', 'print JSON')
    .action(async (opts: { content: string; sheet?: string[]; locale?: string[]; section?: string[]; markCurrent?: boolean; strict?: boolean; json?: boolean }) => {
      // Else the whole report prints and the parts named are ignored, which reads as if they were marked.
      if (opts.section?.length && !opts.markCurrent) throw new UsageError('--section goes with --mark-current (it names the parts to mark); the report always covers every part');
      const content = await readContent(opts.content);
      checkSelection('sheet', opts.sheet, content.sheetIds);
      const selected = content.sheetIds.filter((id) => !opts.sheet?.length || opts.sheet.includes(id));
      const sheets = selected.flatMap((id) => content.sheets.get(id) ?? []);
      // A sheet.yaml that cannot be read lists no languages: "--locale tr" is then no usage error,
      // the sheet's findings (below) are what the person needs to see.
      const unreadableSheets = selected.filter((id) => !content.sheets.has(id));
      // A lock file with errors reads as empty: every part looks outdated, and marking would rewrite
      // it with one language only and drop every other language's record.
      const lockBroken = sheets.filter((s) => !s.lockIntact);
      // A translation file there but not in locales: say so, rather than only "there is no locale".
      for (const locale of opts.locale ?? []) {
        const file = sheets.map((s) => path.join(content.root, 'sheets', s.id, `${locale}.yaml`)).find((f) => !content.languages.includes(locale) && existsSync(f));
        if (file) throw new UsageError(`${displayPath(file)} is there, but "${locale}" is not in locales in sheet.yaml: add it there first (then the translation is built and can be marked)`);
      }
      if (unreadableSheets.length === 0) checkSelection('locale', opts.locale, content.languages);

      // Loaded only now, as readContent loads what reading content needs: other commands start without them.
      const [{ markTranslation }, { neverReviewed }] = await Promise.all([import('./mark-current.js'), import('../content/translations.js')]);
      if (opts.markCurrent) return await markTranslation(content, { sheetIds: selected, locales: opts.locale ?? [], sections: opts.section ?? [], json: opts.json });

      const report = sheets.flatMap((sheet) =>
        [...sheet.status].filter(([locale]) => !opts.locale?.length || opts.locale.includes(locale)).map(([locale, units]) => ({ sheet: sheet.id, locale, source: sheet.meta.source_locale, units })),
      );
      // A translation file that is there but has errors is not missing: it needs mending, not translating.
      // (Of the languages asked for: `--locale en --strict` failed for a missing tr.yaml.)
      const absent = sheets.flatMap((s) => s.meta.locales.filter((l) => l !== s.meta.source_locale && !s.texts.has(l) && (!opts.locale?.length || opts.locale.includes(l))).map((l) => ({ sheet: s.id, locale: l })));
      const unreadable = (m: { sheet: string; locale: string }) => content.broken.has(path.join(content.root, 'sheets', m.sheet, `${m.locale}.yaml`));
      const missingFiles = absent.filter((m) => !unreadable(m));
      // A source text with errors: no translation of it can be judged (its parts are unknown).
      const sourceBroken = sheets.filter((s) => unreadable({ sheet: s.id, locale: s.meta.source_locale })).map((s) => ({ sheet: s.id, locale: s.meta.source_locale }));
      const unreadableFiles = [...sourceBroken, ...absent.filter(unreadable)];
      const units = report.flatMap((r) => r.units);
      const outdated = units.filter((u) => u.state === 'outdated' && !u.untranslated).length;
      const untranslated = units.filter((u) => u.untranslated).length;
      const missing = units.filter((u) => u.state === 'missing').length;
      const incomplete = outdated + missing + untranslated + missingFiles.length > 0;
      const unmarkable = new Set(lockBroken.map((s) => s.id));
      if (opts.json) printJson({ translations: report, missingFiles, unreadableFiles });
      else {
        for (const r of report) {
          const count = (s: UnitStatus['state']) => r.units.filter((u) => u.state === s).length;
          // A part never marked is not out of date but unreviewed: counted apart, so a new
          // translation does not read as eleven outdated parts.
          const unreviewed = r.units.filter((u) => u.state === 'outdated' && u.reason === 'unrecorded' && !u.untranslated).length;
          const untranslated = r.units.filter((u) => u.untranslated).length;
          const changed = r.units.filter((u) => u.state === 'outdated' && u.reason === 'changed' && !u.untranslated).length;
          const complete = r.units.filter((u) => u.state === 'complete' && !u.untranslated).length;
          print(`${r.sheet} · ${r.locale} (from ${r.source}): ${complete} complete, ${count('missing')} missing, ${changed} outdated${unreviewed ? `, ${unreviewed} not yet reviewed` : ''}${untranslated ? `, ${untranslated} not translated` : ''}`);
          for (const u of r.units) {
            // (--json keeps "outdated" with reason "unrecorded", and a part's state beside
            // "untranslated": its fields are a documented contract.)
            const line = u.untranslated ? `! ${unitName(u)}  not translated: the text is the same as in ${r.source}.yaml`
              : u.state === 'outdated' && u.reason === 'unrecorded' ? `! ${unitName(u)}  not yet reviewed`
              : `${symbol[u.state]} ${unitName(u)}  ${u.state}${u.reason === 'changed' ? `  the ${r.source} text changed since it was translated` : ''}`;
            print(`  ${line}`);
          }
        }
        for (const m of missingFiles) print(`${m.sheet} · ${m.locale}: ${m.locale}.yaml is missing`);
        for (const m of unreadableFiles) {
          print(sourceBroken.includes(m)
            ? `${m.sheet} · ${m.locale}: ${m.locale}.yaml, the source text, has errors (listed below), so no translation of it can be judged`
            : `${m.sheet} · ${m.locale}: ${m.locale}.yaml has errors (listed below), so its state is unknown`);
        }
        // Marking helps with outdated parts only; a missing part needs its translation first.
        const needsTranslating = missing + untranslated + missingFiles.length > 0;
        if (missing + missingFiles.length > 0) log('\nA missing part needs its translation: copy it from the source file, translate it, keep its id.');
        if (untranslated > 0) log(`${missing + missingFiles.length > 0 ? '' : '\n'}A part not translated still has the source's text: translate it (or leave it out until then: it is printed from the source).`);
        for (const s of lockBroken) log(`\n${displayPath(s.lockFile)} has errors (listed below), so every part reads as never marked: mend it (or restore it from version control) before marking.`);
        const toMark = (r: (typeof report)[number]) => r.units.filter((u) => u.state === 'outdated' && !u.untranslated).map((u) => u.unit);
        if (report.some((r) => !unmarkable.has(r.sheet) && toMark(r).length > 0)) {
          // The exact command for each translation, with the parts that are outdated: copied as it is.
          log(`${needsTranslating ? '' : '\n'}After checking the outdated parts against the source, record them with:`);
          for (const r of report.filter((r) => !unmarkable.has(r.sheet))) {
            const parts = toMark(r);
            if (parts.length > 0) log(`  ${commandLine(`translations --mark-current --sheet ${r.sheet} --locale ${r.locale}${neverReviewed(r.units) ? '' : ` --section ${parts.join(',')}`}`)}`);
          }
        }
        // --strict fails the run, and says so: the lines above look the same either way.
        if (opts.strict && incomplete) log(`\n--strict: ${incompleteSummary(report, { outdated, missing, 'not translated': untranslated }, missingFiles.length)}, so this run fails (exit ${ExitCode.content}).`);
      }
      // What cannot be read cannot be reported on: a sheet.yaml, a translation or a lock file that
      // cannot be read leaves parts or the whole sheet out of the report, so the run fails, and CI
      // does not take a partial report for a complete one. Other errors in the sheets' files (an
      // unknown placeholder) are listed but change no translation's state; they, and a region
      // file's errors, fail check and build.
      const sheetDirs = selected.map((id) => displayPath(path.join(content.root, 'sheets', id)) + path.sep);
      const errors = content.findings.filter((f) => f.severity === 'error' && sheetDirs.some((dir) => f.file.startsWith(dir)));
      const partial = unreadableSheets.length + unreadableFiles.length + lockBroken.length > 0;
      if (partial && !opts.json) log(`\nSome of the sheets' files cannot be read (errors below): the report leaves out what they hold, so this run fails (exit ${ExitCode.content}).`);
      else if (errors.length > 0 && !opts.json) log(`\nThe sheets' files have errors (below), which the translations' state does not depend on; check and build fail on them.`);
      printFindings(errors);
      if (partial || (opts.strict && incomplete)) process.exitCode = ExitCode.content;
    });
}

/** "2 parts outdated and 1 part missing (zoom-datenschutz · en; zoom-datenschutz · tr), 1 translation file missing" and the like. */
function incompleteSummary(report: Array<{ sheet: string; locale: string; units: UnitStatus[] }>, counts: Record<string, number>, missingFiles: number): string {
  const where = report.filter((r) => r.units.some((u) => u.state !== 'complete' || u.untranslated)).map((r) => `${r.sheet} · ${r.locale}`);
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${n === 1 ? 'part' : 'parts'} ${what}`).join(' and ');
  const files = missingFiles ? `${missingFiles} translation ${missingFiles === 1 ? 'file' : 'files'} missing` : '';
  return [parts && `${parts} (${where.join('; ')})`, files].filter(Boolean).join(', ');
}

const unitName = (u: UnitStatus) => (u.isSection ? `section ${u.unit}` : u.unit);
