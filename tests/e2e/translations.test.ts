import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/exit-codes.js';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';
import { readPdf, unhyphenated } from '../helpers/pdf.js';

/** Fallback, --strict and translation status, on temporary copies of the content. */

const sheetDir = (dir: string) => path.join(dir, 'content/sheets/zoom-datenschutz');
const edit = (file: string, fn: (text: string) => string) => writeFileSync(file, fn(readFileSync(file, 'utf8')));
const enFile = 'zoom-datenschutz/kiel/zoom-datenschutz-kiel-en-infoblatt.pdf';

/** Removes the section `id` (and its text) from a translation file. */
function dropSection(file: string, id: string): void {
  edit(file, (text) => text.replace(new RegExp(`  - id: ${id}\\n[^]*?(?=\\n  - id: |$)`), '').trimEnd() + '\n');
}

describe('a section missing from a translation', () => {
  it('is printed in the source language, with a warning naming the section', async () => {
    const dir = tempDir(contentDir);
    dropSection(path.join(sheetDir(dir), 'en.yaml'), 'fazit');
    const r = runCli(['build', '--template', 'infoblatt', '--region', 'kiel', '--locale', 'en'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/content\/sheets\/zoom-datenschutz\/en\.yaml:\d+:1  warning  sections: the section "fazit" is missing from en\.yaml, so the de text is printed instead/);
    const text = unhyphenated((await readPdf(readFileSync(path.join(dir, 'out', enFile)))).text);
    expect(text).toContain('Zoom hat nach Bekanntwerden der Sicherheitslücken');
    expect(text).toContain('Why does IG Metall use Zoom?');
  });

  it('keeps the source language’s quotes and hyphenation, as does a region’s override without this language', async () => {
    const dir = tempDir(contentDir);
    dropSection(path.join(sheetDir(dir), 'en.yaml'), 'fazit');
    edit(path.join(dir, 'content/regions/kiel.yaml'), (t) => `${t}overrides:\n  zoom-datenschutz:\n    de:\n      sections:\n        aufzeichnung:\n          append: Wir in Kiel zeichnen "nie" auf.\n`);
    const { validateContent } = await import('../../src/pipeline/validate.js');
    const { loadContent } = await import('../../src/pipeline/load.js');
    const { resolveVariant } = await import('../../src/pipeline/resolve.js');
    const { templateIds } = await import('../../templates/index.js');
    const content = validateContent(loadContent(path.join(dir, 'content')), templateIds);
    const model = resolveVariant(content, { sheet: 'zoom-datenschutz', region: 'kiel', locale: 'en', template: 'infoblatt' }).model!;
    const section = (id: string) => model.sections.find((x) => x.id === id)!;
    // The missing section, heading and all, is German; of the translated one only the override's paragraph.
    expect(section('fazit').lang).toBe('de');
    expect(section('fazit').blocks.every((b) => b.lang === 'de')).toBe(true);
    expect(section('aufzeichnung').lang).toBeUndefined();
    expect(section('aufzeichnung').blocks.map((b) => b.lang ?? 'en').slice(-2)).toEqual(['en', 'de']);
    expect(section('warum-zoom').blocks.some((b) => b.lang)).toBe(false);

    const r = runCli(['build', '--template', 'infoblatt', '--region', 'kiel', '--locale', 'en'], { cwd: dir });
    expect(r.status).toBe(0);
    const text = (await readPdf(readFileSync(path.join(dir, 'out', enFile)))).text;
    expect(text).toContain('Wir in Kiel zeichnen „nie“ auf.');
    expect(text).not.toContain('“nie”');
  });

  it('a flyer block missing from a translation keeps the source language’s quotes too', async () => {
    const dir = tempDir(contentDir);
    edit(path.join(sheetDir(dir), 'en.yaml'), (t) => t.replace(/\nflyer:\n(?: {2}.*\n|\n)*/, '\n'));
    const r = runCli(['build', '--template', 'flyer', '--region', 'kiel', '--locale', 'en'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const text = (await readPdf(readFileSync(path.join(dir, 'out', enFile.replace('infoblatt', 'flyer'))))).text;
    expect(text).toContain('Gegen „Zoom-Bombing“');
    expect(text).not.toContain('“Zoom-Bombing”');
  });

  it('when a region’s source-language addition makes another language’s PDF too long, the finding names the addition', () => {
    const dir = tempDir(contentDir);
    const long = Array.from({ length: 12 }, () => 'In Kiel gilt eine eigene Vereinbarung mit dem Betriebsrat über Aufzeichnungen, die wir hier ausführlich beschreiben.').join(' ');
    edit(path.join(dir, 'content/regions/kiel.yaml'), (t) => `${t}overrides:\n  zoom-datenschutz:\n    de:\n      sections:\n        fazit:\n          append: |\n            ${long}\n\n            ${long}\n`);
    const r = runCli(['build', '--template', 'infoblatt', '--region', 'kiel', '--locale', 'en'], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    // Not the English text, which fits in every other region: Kiel's German addition, printed here too.
    expect(r.stderr).toMatch(/content\/regions\/kiel\.yaml:\d+:5  error  overrides\.zoom-datenschutz\.de: zoom-datenschutz · kiel · en · infoblatt: runs to 3 pages/);
    expect(r.stderr).toContain('are printed in the "en" PDF too, since they have no "en" version');
    // The flyer and the poster print no sections: their fit is never blamed on section additions.
    edit(path.join(sheetDir(dir), 'en.yaml'), (t) => t.replace(/(\n {4}- )([^\n]+)/g, (_m, lead: string, point: string) => `${lead}${point} ${point} ${point} ${point}`));
    const short = runCli(['build', '--template', 'flyer', '--region', 'kiel', '--locale', 'en'], { cwd: dir });
    expect(short.status).toBe(ExitCode.content);
    expect(short.stderr).toMatch(/content\/sheets\/zoom-datenschutz\/en\.yaml:\d+:1  error  flyer: zoom-datenschutz · kiel · en · flyer: runs to 3 pages/);
    expect(short.stderr).not.toMatch(/kiel\.yaml:\d+:\d+ {2}error/);
    // Nor is the flyer told that the region's German addition is printed in it.
    expect(short.stderr).not.toContain('is printed in the en PDF');
  });

  it('fails that language’s variants with --strict, and only those', () => {
    const dir = tempDir(contentDir);
    dropSection(path.join(sheetDir(dir), 'en.yaml'), 'fazit');
    const r = runCli(['build', '--template', 'infoblatt', '--region', 'kiel', '--strict', '--json'], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    // It says what happens with --strict, not what would happen without it.
    expect(r.stderr).toMatch(/en\.yaml:\d+:1  error  sections: the section "fazit" is missing from en\.yaml \(--strict: the en PDFs are not built\)/);
    // translations --strict points to translating, not to --mark-current, for a missing part.
    const t = runCli(['translations', '--strict'], { cwd: dir });
    expect(t.stderr).toContain('A missing part needs its translation');
    expect(t.stderr).not.toContain('--mark-current --sheet ID');
    const status = JSON.parse(r.stdout).variants.map((v: { locale: string; status: string }) => [v.locale, v.status]);
    expect(status).toEqual([['de', 'built'], ['en', 'failed'], ['tr', 'built']]);
    // Marking the whole file says which part it could not mark.
    const marked = runCli(['translations', '--mark-current', '--sheet', 'zoom-datenschutz', '--locale', 'en'], { cwd: dir });
    // (dropSection cut the file at fazit, the flyer block after it too.)
    expect(marked.stderr).toContain('(flyer, fazit are missing from en.yaml, so not marked)');
    // A language the sheet lacks gets no far-fetched suggestion ("pl" is not "de").
    const pl = runCli(['translations', '--mark-current', '--locale', 'pl'], { cwd: dir });
    expect(pl.status).toBe(ExitCode.usage);
    expect(pl.stderr).toContain('there is no locale "pl"; locales: de, en, tr');
    // With pl.yaml there, the message says what to do.
    cpSync(path.join(sheetDir(dir), 'en.yaml'), path.join(sheetDir(dir), 'pl.yaml'));
    expect(runCli(['translations', '--mark-current', '--locale', 'pl'], { cwd: dir }).stderr).toMatch(/pl\.yaml is there, but "pl" is not in locales in sheet\.yaml: add it there first/);
  });
});

describe('translation status', () => {
  it('reports every translation complete for the shipped content', () => {
    const r = runCli(['translations', '--strict', '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout).translations as Array<{ locale: string; units: Array<{ state: string }> }>;
    expect(report.map((t) => t.locale)).toEqual(['en', 'tr']);
    expect(report.flatMap((t) => t.units.map((u) => u.state)).every((s) => s === 'complete')).toBe(true);
  });

  it('finds a translation outdated when its source section changes, without any history', () => {
    const dir = tempDir(contentDir);
    edit(path.join(sheetDir(dir), 'de.yaml'), (t) => t.replace('Die Nutzung ist intuitiv und leicht zu erlernen.', 'Die Nutzung ist intuitiv, leicht zu erlernen und barrierearm.'));
    const r = runCli(['translations', '--json'], { cwd: dir });
    const report = JSON.parse(r.stdout).translations as Array<{ locale: string; units: Array<{ unit: string; state: string; reason?: string }> }>;
    for (const t of report) {
      expect(t.units.filter((u) => u.state !== 'complete')).toEqual([{ unit: 'warum-zoom', isSection: true, state: 'outdated', reason: 'changed' }]);
    }
    // The report ends with the exact command for each translation, ready to copy.
    const plain = runCli(['translations'], { cwd: dir });
    expect(plain.stderr).toContain('  npx infoblatt translations --mark-current --sheet zoom-datenschutz --locale en --section warum-zoom\n');
    expect(plain.stderr).toContain('  npx infoblatt translations --mark-current --sheet zoom-datenschutz --locale tr --section warum-zoom\n');
    const strict = runCli(['translations', '--strict'], { cwd: dir });
    expect(strict.status).toBe(ExitCode.content);
    // It says why it fails: the report above it reads the same without --strict.
    expect(strict.stderr).toContain('--strict: 2 parts outdated (zoom-datenschutz · en; zoom-datenschutz · tr), so this run fails (exit 1).');

    // Building warns (and --strict fails) until the translation is marked current again.
    const build = runCli(['build', '--template', 'infoblatt', '--region', 'kiel'], { cwd: dir });
    expect(build.status).toBe(0);
    expect(build.stderr).toMatch(/en\.yaml:\d+:9  warning  sections\[\d+\]\.id: the en translation of section "warum-zoom" is outdated: the de text changed after it was translated/);
    expect(runCli(['build', '--template', 'infoblatt', '--region', 'kiel', '--strict'], { cwd: dir }).status).toBe(ExitCode.content);

    const lockFile = path.join(sheetDir(dir), 'translations.lock.yaml');
    const lockBefore = readFileSync(lockFile, 'utf8').split('\n');
    const mark = runCli(['translations', '--mark-current', '--sheet', 'zoom-datenschutz', '--locale', 'en', '--section', 'warum-zoom'], { cwd: dir });
    expect(mark.status).toBe(0);
    // Only that part's line changes in the lock file: a reviewer's diff shows what was marked.
    const lockAfter = readFileSync(lockFile, 'utf8').split('\n');
    expect(lockAfter.length).toBe(lockBefore.length);
    expect(lockAfter.filter((line, i) => line !== lockBefore[i]).map((l) => l.trim().split(':')[0])).toEqual(['warum-zoom']);
    const after = JSON.parse(runCli(['translations', '--json'], { cwd: dir }).stdout).translations as Array<{ locale: string; units: Array<{ state: string }> }>;
    expect(after.find((t) => t.locale === 'en')!.units.every((u) => u.state === 'complete')).toBe(true);
    expect(after.find((t) => t.locale === 'tr')!.units.some((u) => u.state === 'outdated')).toBe(true);
  });

  it('hints at marking only the outdated part, with the content folder the command was given', () => {
    const dir = tempDir(contentDir);
    edit(path.join(sheetDir(dir), 'de.yaml'), (t) => t.replace('title: Zoom-Meeting und Datenschutz', 'title: Zoom-Meetings und Datenschutz'));
    // Run from elsewhere, as CI or an office with its own folder does: the hint must work as printed.
    const content = path.join(dir, 'content');
    const r = runCli(['check', '--content', content, '--locale', 'en', '--region', 'kiel', '--template', 'infoblatt']);
    expect(r.stderr).toContain(`then run: npx infoblatt translations --mark-current --sheet zoom-datenschutz --locale en --section title --content ${content}`);
    // Before, the hint for the title had no --section, and marked every part current, the outdated ones too.
    edit(path.join(sheetDir(dir), 'de.yaml'), (t) => t.replace('Die Nutzung ist intuitiv und leicht zu erlernen.', 'Die Nutzung ist intuitiv.'));
    expect(runCli(['translations', '--mark-current', '--sheet', 'zoom-datenschutz', '--locale', 'en', '--section', 'title', '--content', content]).status).toBe(0);
    const en = (JSON.parse(runCli(['translations', '--json', '--content', content]).stdout).translations as Array<{ locale: string; units: Array<{ unit: string; state: string }> }>)
      .find((t) => t.locale === 'en')!;
    expect(en.units.filter((u) => u.state !== 'complete').map((u) => u.unit)).toEqual(['warum-zoom']);
  });

  it('names a translation never marked as reviewed once, with the command that marks it all', () => {
    const dir = tempDir(contentDir);
    // A new translation: the lock has no record of English.
    edit(path.join(sheetDir(dir), 'translations.lock.yaml'), (t) => t.replace(/^en:\n(?: {2}.*\n)+/m, ''));
    const r = runCli(['check', '--locale', 'en', '--region', 'kiel', '--template', 'infoblatt'], { cwd: dir });
    const warnings = r.stderr.split('\n').filter((l) => l.includes('  warning  '));
    expect(warnings).toEqual([expect.stringMatching(/en\.yaml:\d+:1 {2}warning {2}the en translation has never been marked as reviewed \(\d+ parts\)$/)]);
    expect(r.stderr).toContain('hint: Check en.yaml against de.yaml, then mark it all at once: npx infoblatt translations --mark-current --sheet zoom-datenschutz --locale en');
    // The report offers the same command, not one naming all twelve parts.
    const report = runCli(['translations'], { cwd: dir }).stderr;
    expect(report).toContain('  npx infoblatt translations --mark-current --sheet zoom-datenschutz --locale en\n');
    expect(runCli(['translations', '--mark-current', '--sheet', 'zoom-datenschutz', '--locale', 'en'], { cwd: dir }).status).toBe(0);
    expect(runCli(['check', '--locale', 'en', '--region', 'kiel', '--template', 'infoblatt'], { cwd: dir }).stderr).not.toContain('warning');
  });

  it('refuses to mark while the lock file has errors, which would drop the other languages’ records', () => {
    const dir = tempDir(contentDir);
    const lockFile = path.join(sheetDir(dir), 'translations.lock.yaml');
    edit(lockFile, (t) => t.replace(/^(\s+title: )(\w+)$/m, '$1short'));
    const before = readFileSync(lockFile, 'utf8');
    const r = runCli(['translations', '--mark-current', '--sheet', 'zoom-datenschutz', '--locale', 'en'], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    expect(r.stderr).toMatch(/translations\.lock\.yaml:\d+:\d+  error/);
    expect(r.stderr).toContain('has errors (above), so nothing is marked');
    expect(readFileSync(lockFile, 'utf8')).toBe(before);
    // The report says why every part reads as outdated, and offers no command that would refuse.
    const report = runCli(['translations'], { cwd: dir });
    // A report the lock file's errors leave partial fails, as any with a file it cannot read.
    expect(report.status).toBe(ExitCode.content);
    expect(report.stderr).toContain('translations.lock.yaml has errors (listed below), so every part reads as never marked');
    // Parts never marked are counted as unreviewed, not as outdated.
    expect(report.stdout).toMatch(/^zoom-datenschutz · en \(from de\): 0 complete, 0 missing, 0 outdated, \d+ not yet reviewed$/m);
    expect(report.stdout).toContain('  ! title  not yet reviewed\n');
    expect(report.stderr).not.toContain('--mark-current');
  });

  it('fails when a sheet’s file cannot be read, since its report would be partial; a region’s error is not its business', () => {
    const dir = tempDir(contentDir);
    edit(path.join(sheetDir(dir), 'tr.yaml'), (t) => t.replace(/^title: (.*)$/m, 'title: "$1'));
    const broken = runCli(['translations'], { cwd: dir });
    expect(broken.status).toBe(ExitCode.content);
    expect(broken.stderr).toMatch(/content\/sheets\/zoom-datenschutz\/tr\.yaml:\d+:\d+  error/);
    expect(broken.stderr).toContain('the report leaves out what they hold');
    expect(broken.stdout).toContain('zoom-datenschutz · tr: tr.yaml has errors (listed below), so its state is unknown');
    // A file with errors needs mending, not translating.
    expect(broken.stderr).not.toContain('needs its translation');
    expect(JSON.parse(runCli(['translations', '--json'], { cwd: dir }).stdout)).toMatchObject({ missingFiles: [], unreadableFiles: [{ sheet: 'zoom-datenschutz', locale: 'tr' }] });

    // The source text with errors: no translation of it can be judged, also with --strict and --json.
    const source = tempDir(contentDir);
    edit(path.join(sheetDir(source), 'de.yaml'), (t) => t.replace(/^title: (.*)$/m, 'title: Zoom-Meeting: Datenschutz'));
    for (const args of [['translations'], ['translations', '--strict']]) {
      const r = runCli(args, { cwd: source });
      expect(r.status, r.stderr).toBe(ExitCode.content);
      expect(r.stdout).toContain('zoom-datenschutz · de: de.yaml, the source text, has errors (listed below), so no translation of it can be judged');
      expect(r.stderr).toMatch(/content\/sheets\/zoom-datenschutz\/de\.yaml:\d+:\d+  error/);
    }
    expect(JSON.parse(runCli(['translations', '--json'], { cwd: source }).stdout)).toMatchObject({ unreadableFiles: [{ sheet: 'zoom-datenschutz', locale: 'de' }] });

    // An error that leaves the text readable (an unknown placeholder) is listed, but the report is whole.
    const placeholder = tempDir(contentDir);
    edit(path.join(sheetDir(placeholder), 'tr.yaml'), (t) => t.replace(/^title: (.*)$/m, 'title: $1 {contact.fax}'));
    const listed = runCli(['translations', '--strict'], { cwd: placeholder });
    expect(listed.status).toBe(0);
    expect(listed.stderr).toMatch(/tr\.yaml:\d+:\d+  error  title: .*contact\.fax/);

    // Marking against a sheet.yaml that cannot be read: its error, not a complaint about the options.
    const sheetBroken = tempDir(contentDir);
    edit(path.join(sheetDir(sheetBroken), 'sheet.yaml'), (t) => t.replace(/^date: .*$/m, 'date: [2020'));
    const marking = runCli(['translations', '--mark-current', '--sheet', 'zoom-datenschutz', '--locale', 'en'], { cwd: sheetBroken });
    expect(marking.status).toBe(ExitCode.content);
    expect(marking.stderr).toMatch(/sheet\.yaml has errors \(above\), so nothing is marked/);
    expect(marking.stderr).not.toContain('needs one --locale');

    // A sheet.yaml that cannot be read lists no languages: its finding, not "there is no locale".
    const sheet = tempDir(contentDir);
    edit(path.join(sheetDir(sheet), 'sheet.yaml'), (t) => t.replace(/^date: .*$/m, 'date: [2020'));
    const unreadable = runCli(['translations', '--locale', 'tr'], { cwd: sheet });
    expect(unreadable.status).toBe(ExitCode.content);
    expect(unreadable.stderr).toMatch(/sheet\.yaml:\d+:\d+  error/);
    expect(unreadable.stderr).not.toContain('there is no locale');

    const region = tempDir(contentDir);
    edit(path.join(region, 'content/regions/kiel.yaml'), (t) => t.replace(/^(\s+postcode: ).*$/m, '$1"24"'));
    const fine = runCli(['translations', '--strict'], { cwd: region });
    expect(fine.status).toBe(0);
    expect(fine.stderr).not.toContain('kiel.yaml');
    expect(runCli(['check', '--region', 'kiel'], { cwd: region }).status).toBe(ExitCode.content);
  });

  it('refuses to mark without a language, or the source language', () => {
    expect(runCli(['translations', '--mark-current', '--sheet', 'zoom-datenschutz']).status).toBe(ExitCode.usage);
    expect(runCli(['translations', '--mark-current', '--sheet', 'zoom-datenschutz', '--locale', 'de']).stderr).toContain('source language');
    // A misspelt language is a usage error, not an empty report.
    const typo = runCli(['translations', '--locale', 'tk']);
    expect(typo.status).toBe(ExitCode.usage);
    expect(typo.stderr).toContain('there is no locale "tk" (did you mean "tr"?)');
  });
});

describe('a region override without a translation', () => {
  it('prints the source-language practice with a warning rather than dropping it', async () => {
    const dir = tempDir(contentDir);
    edit(path.join(dir, 'content/regions/muenchen.yaml'), (t) => t.replace(/\n    en:\n[^]*?(?=\n    tr:)/, ''));
    const r = runCli(['build', '--template', 'infoblatt', '--region', 'muenchen', '--locale', 'en'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning  overrides.zoom-datenschutz.de.sections.aufzeichnung: the override of section "aufzeichnung" has no "en" version, so the "de" text is printed in the en PDF');
    const text = unhyphenated((await readPdf(readFileSync(path.join(dir, 'out/zoom-datenschutz/muenchen/zoom-datenschutz-muenchen-en-infoblatt.pdf')))).text);
    expect(text).toContain('eine Woche lang');
    // --strict makes it an error: the English PDF is not built.
    const strict = runCli(['build', '--strict', '--template', 'infoblatt', '--region', 'muenchen', '--locale', 'en', '--out', 'strict'], { cwd: dir });
    expect(strict.status).toBe(ExitCode.content);
    expect(strict.stderr).toContain('error  overrides.zoom-datenschutz.de.sections.aufzeichnung: the override of section "aufzeichnung" has no "en" version');
    expect(existsSync(path.join(dir, 'strict/zoom-datenschutz/muenchen/zoom-datenschutz-muenchen-en-infoblatt.pdf'))).toBe(false);
  });
});
