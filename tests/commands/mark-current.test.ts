import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/exit-codes.js';
import { contentDir, runCliAsync, tempDir } from '../helpers/cli.js';

/** `translations --mark-current`: what it refuses, and how it says so. On copies of the content. */

const sheet = (dir: string, file: string) => path.join(dir, 'content/sheets/zoom-datenschutz', file);
const edit = (file: string, fn: (text: string) => string) => writeFileSync(file, fn(readFileSync(file, 'utf8')));
const mark = (dir: string, ...more: string[]) => runCliAsync(['translations', '--mark-current', '--sheet', 'zoom-datenschutz', ...more], { cwd: dir });

describe('translations --mark-current', () => {
  it('marks nothing while the translation or the source text has errors: their findings, exit 1, JSON saying so', async () => {
    const dir = tempDir(contentDir);
    const lock = readFileSync(sheet(dir, 'translations.lock.yaml'), 'utf8');
    edit(sheet(dir, 'tr.yaml'), (t) => `${t}extra: [unclosed\n`);
    edit(sheet(dir, 'de.yaml'), (t) => t.replace(/^title: (.*)$/m, 'title: Zoom: $1'));
    const [tr, en, json, strict] = await Promise.all([
      mark(dir, '--locale', 'tr'),
      mark(dir, '--locale', 'en', '--section', 'fazit'),
      mark(dir, '--locale', 'tr', '--json'),
      runCliAsync(['translations', '--strict', '--locale', 'tr'], { cwd: dir }),
    ]);
    // It was a usage error (exit 2, "has no readable tr.yaml"), though the file is there and only needs mending.
    expect(tr.status).toBe(ExitCode.content);
    expect(tr.stderr).toMatch(/content\/sheets\/zoom-datenschutz\/tr\.yaml:\d+:\d+ {2}error/);
    expect(tr.stderr).toMatch(/de\.yaml, .*tr\.yaml have errors \(above\), so nothing is marked: mend it, then mark again\./);
    expect(en.status).toBe(ExitCode.content);
    expect(en.stderr).toMatch(/de\.yaml has errors \(above\), so nothing is marked/);
    expect(en.stderr).not.toContain('tr.yaml');
    expect(json.status).toBe(ExitCode.content);
    const report = JSON.parse(json.stdout) as { marked: null; findings: Array<{ file: string; severity: string }> };
    expect(report.marked).toBeNull();
    expect(report.findings.map((f) => path.basename(f.file)).sort()).toEqual(expect.arrayContaining(['de.yaml', 'tr.yaml']));
    expect(readFileSync(sheet(dir, 'translations.lock.yaml'), 'utf8')).toBe(lock);
    // A file with errors is not a missing translation: --strict does not count it as one.
    expect(strict.status).toBe(ExitCode.content);
    expect(strict.stderr).not.toContain('translation file missing');
  });

  it('marks nothing without the source text: the finding at sheet.yaml, exit 1 (it was a usage error, exit 2)', async () => {
    const dir = tempDir(contentDir);
    const { rmSync } = await import('node:fs');
    rmSync(sheet(dir, 'de.yaml'));
    const r = await mark(dir, '--locale', 'en');
    expect(r.status).toBe(ExitCode.content);
    expect(r.stderr).toMatch(/content\/sheets\/zoom-datenschutz\/sheet\.yaml:\d+:\d+  error  locales\[0\]: locale "de" is listed but de\.yaml does not exist/);
    expect(r.stderr).toContain('sheet.yaml has errors (above), so nothing is marked: restore de.yaml, the source text the translation is checked against.');
  });

  it('refuses a part it cannot mark, naming why, and leaves the lock file as it was', async () => {
    const dir = tempDir(contentDir);
    const lock = readFileSync(sheet(dir, 'translations.lock.yaml'), 'utf8');
    // A section only the translation has: there is no source text to have checked it against.
    edit(sheet(dir, 'en.yaml'), (t) => t.replace('\nflyer:', '\n  - id: extra\n    heading: Extra\n    body: Some text.\nflyer:'));
    edit(sheet(dir, 'tr.yaml'), (t) => t.replace(/  - id: fazit\n[^]*?(?=\n\S|$)/, '').trimEnd() + '\n');
    const [extra, typo, untranslated, sectionAlone] = await Promise.all([
      mark(dir, '--locale', 'en', '--section', 'extra'),
      mark(dir, '--locale', 'en', '--section', 'fazitt'),
      mark(dir, '--locale', 'tr', '--section', 'fazit'),
      runCliAsync(['translations', '--section', 'fazit'], { cwd: dir }),
    ]);
    // It said "marked extra as current" and wrote nothing.
    expect(extra.status).toBe(ExitCode.usage);
    expect(extra.stderr).toContain('"extra" is in en.yaml but not in de.yaml, so there is nothing to check it against');
    expect(typo.status).toBe(ExitCode.usage);
    expect(typo.stderr).toContain('en.yaml has no part "fazitt" (did you mean "fazit"?)');
    expect(typo.stderr).not.toMatch(/parts: .*extra/);
    expect(untranslated.status).toBe(ExitCode.usage);
    expect(untranslated.stderr).toContain('"fazit" is missing from tr.yaml: translate it from de.yaml (same id) first, then mark it');
    // --section without --mark-current printed the whole report and ignored the section.
    expect(sectionAlone.status).toBe(ExitCode.usage);
    expect(sectionAlone.stderr).toContain('--section goes with --mark-current');
    expect(sectionAlone.stdout).toBe('');
    expect(readFileSync(sheet(dir, 'translations.lock.yaml'), 'utf8')).toBe(lock);
  });

  it('with --json, prints what it marked and what it could not', async () => {
    const dir = tempDir(contentDir);
    edit(sheet(dir, 'de.yaml'), (t) => t.replace('Die Nutzung ist intuitiv und leicht zu erlernen.', 'Die Nutzung ist intuitiv.'));
    edit(sheet(dir, 'tr.yaml'), (t) => t.replace(/  - id: fazit\n[^]*?(?=\n\S|$)/, '').trimEnd() + '\n');
    // One after the other: both write the same lock file.
    const one = await mark(dir, '--locale', 'en', '--section', 'warum-zoom', '--json');
    const whole = await mark(dir, '--locale', 'tr', '--json');
    expect(one.status).toBe(ExitCode.ok);
    expect(JSON.parse(one.stdout)).toEqual({ marked: { sheet: 'zoom-datenschutz', locale: 'en', parts: ['warum-zoom'], notMarked: [], lockFile: 'content/sheets/zoom-datenschutz/translations.lock.yaml' } });
    expect(whole.status).toBe(ExitCode.ok);
    const marked = (JSON.parse(whole.stdout) as { marked: { parts: string[]; notMarked: string[] } }).marked;
    expect(marked.notMarked).toEqual(['fazit']);
    expect(marked.parts).toContain('warum-zoom');
    expect(marked.parts).not.toContain('fazit');
    const status = JSON.parse((await runCliAsync(['translations', '--json'], { cwd: dir })).stdout) as { translations: Array<{ locale: string; units: Array<{ unit: string; state: string }> }> };
    expect(status.translations.flatMap((t) => t.units.filter((u) => u.state !== 'complete').map((u) => `${t.locale} ${u.unit} ${u.state}`))).toEqual(['tr fazit missing']);
  });

  it('does not mark a part that still has the source text, and leaves the records of current parts as they were', async () => {
    const dir = tempDir(contentDir);
    const section = (text: string, id: string) => new RegExp(`  - id: ${id}\\n[^]*?(?=\\n  - id: )`).exec(text)![0];
    const de = readFileSync(sheet(dir, 'de.yaml'), 'utf8');
    // The German section pasted into tr.yaml, to be translated later; another section changed in German.
    edit(sheet(dir, 'tr.yaml'), (t) => t.replace(section(t, 'aufzeichnung'), section(de, 'aufzeichnung')));
    edit(sheet(dir, 'de.yaml'), (t) => t.replace('Die Nutzung ist intuitiv und leicht zu erlernen.', 'Die Nutzung ist intuitiv.'));
    const report = await runCliAsync(['translations', '--locale', 'tr', '--strict'], { cwd: dir });
    // It read "✓ section aufzeichnung  complete".
    expect(report.stdout).toContain('  ! section aufzeichnung  not translated: the text is the same as in de.yaml\n');
    expect(report.stdout).toMatch(/^zoom-datenschutz · tr \(from de\): 9 complete, 0 missing, 1 outdated, 1 not translated$/m);
    expect(report.stderr).toContain('--strict: 1 part outdated and 1 part not translated (zoom-datenschutz · tr)');
    expect(report.stderr).toContain('--locale tr --section warum-zoom\n');
    expect(report.status).toBe(ExitCode.content);
    const build = await runCliAsync(['check', '--region', 'kiel', '--locale', 'tr', '--template', 'infoblatt'], { cwd: dir });
    expect(build.stderr).toMatch(/tr\.yaml:\d+:\d+ {2}warning {2}sections\[2\]\.body: the tr text of section "aufzeichnung" is the same as in de\.yaml: it is not translated/);

    const refused = await mark(dir, '--locale', 'tr', '--section', 'aufzeichnung');
    expect(refused.status).toBe(ExitCode.usage);
    expect(refused.stderr).toContain('the text of "aufzeichnung" in tr.yaml is the same as in de.yaml: translate it first');
    const lock = sheet(dir, 'translations.lock.yaml');
    const before = readFileSync(lock, 'utf8').split('\n');
    const whole = await mark(dir, '--locale', 'tr');
    expect(whole.stderr).toContain('marked warum-zoom as current in content/sheets/zoom-datenschutz/translations.lock.yaml (the other 9 parts were current already; aufzeichnung is the same as in de.yaml, not translated, so not marked)');
    // One line changed: the records of parts that were current already are left as they were.
    const after = readFileSync(lock, 'utf8').split('\n');
    expect(after.filter((line, i) => line !== before[i]).map((l) => l.trim().split(':')[0])).toEqual(['warum-zoom']);
    expect((await mark(dir, '--locale', 'tr')).stderr).toContain('nothing to mark: every translated part of tr.yaml is current already');
    expect(readFileSync(lock, 'utf8').split('\n')).toEqual(after);
    // With nothing outdated left, the part not translated alone fails --strict, in the report and the build.
    const [strictReport, strictCheck] = await Promise.all([
      runCliAsync(['translations', '--locale', 'tr', '--strict'], { cwd: dir }),
      runCliAsync(['check', '--strict', '--region', 'kiel', '--locale', 'tr', '--template', 'infoblatt'], { cwd: dir }),
    ]);
    expect(strictReport.stderr).toContain('--strict: 1 part not translated (zoom-datenschutz · tr)');
    expect(strictReport.status).toBe(ExitCode.content);
    expect(strictCheck.stderr).toMatch(/tr\.yaml:\d+:\d+ {2}error {2}sections\[2\]\.body: the tr text of section "aufzeichnung" is the same as in de\.yaml: it is not translated/);
    expect(strictCheck.status).toBe(ExitCode.content);
  });
});

describe('translations (the report)', () => {
  it('reports on the languages asked for only: a missing tr.yaml does not fail --locale en --strict', async () => {
    const dir = tempDir(contentDir);
    const { rmSync } = await import('node:fs');
    rmSync(sheet(dir, 'tr.yaml'));
    const [en, all] = await Promise.all([
      runCliAsync(['translations', '--locale', 'en', '--strict'], { cwd: dir }),
      runCliAsync(['translations', '--strict'], { cwd: dir }),
    ]);
    expect(en.status, en.stderr).toBe(ExitCode.ok);
    expect(en.stdout).not.toContain('tr.yaml');
    expect(all.status).toBe(ExitCode.content);
    expect(all.stdout).toContain('zoom-datenschutz · tr: tr.yaml is missing');
  });
});
