import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/exit-codes.js';
import { contentDir, fixtures, runCli, tempDir } from '../helpers/cli.js';

function brokenMinimal(): string {
  const dir = tempDir(path.join(fixtures, 'minimal'));
  const region = path.join(dir, 'content/regions/testort.yaml');
  writeFileSync(region, `${readFileSync(region, 'utf8')}  email: testort@\n  web: http://example.org\n`);
  return dir;
}

describe('infoblatt check', () => {
  it('passes clean content with exit 0, writes nothing, and says how many variants can be built', () => {
    const dir = tempDir(path.join(fixtures, 'minimal'));
    const r = runCli(['check'], { cwd: dir });
    expect(r.status).toBe(ExitCode.ok);
    expect(r.stderr).toContain('checked content: no problems; the variant can be built');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('after a build, knows the page counts of unchanged variants from the manifest instead of laying them out again', () => {
    const dir = tempDir(path.join(fixtures, 'minimal'));
    expect(runCli(['build'], { cwd: dir }).status).toBe(ExitCode.ok);
    const r = runCli(['check'], { cwd: dir });
    expect(r.status).toBe(ExitCode.ok);
    expect(r.stderr).toContain('the variant can be built (unchanged since the last build in out)');
  });

  it('text: one line per finding with file:line:column, severity and YAML path, a hint line, and a count', () => {
    const r = runCli(['check'], { cwd: brokenMinimal() });
    expect(r.status).toBe(ExitCode.content);
    expect(r.stderr).toContain('content/regions/testort.yaml:7:10  error  contact.email: "testort@" is not an e-mail address\n    hint: Write a plain address such as hamburg@example.org.');
    expect(r.stderr).toContain('content/regions/testort.yaml:8:8  error  contact.web: "http://example.org" is not a web address starting with https://');
    expect(r.stderr).toContain('2 errors in the content');
    expect(r.stdout).toBe('');
  });

  it('github: workflow annotations on stdout, with file, line and column', () => {
    const r = runCli(['check', '--format', 'github'], { cwd: brokenMinimal() });
    expect(r.status).toBe(ExitCode.content);
    expect(r.stdout.trim().split('\n')).toEqual([
      '::error file=content/regions/testort.yaml,line=7,col=10::contact.email: "testort@" is not an e-mail address%0AWrite a plain address such as hamburg@example.org.',
      '::error file=content/regions/testort.yaml,line=8,col=8::contact.web: "http://example.org" is not a web address starting with https://%0AWrite a full address starting with https://, e.g. https://www.example.org/hamburg.',
    ]);
  });

  it('json: one object per finding on stdout, for other tools', () => {
    const r = runCli(['check', '--format', 'json'], { cwd: brokenMinimal() });
    expect(r.status).toBe(ExitCode.content);
    const findings = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(findings).toHaveLength(2);
    expect(findings[0]).toEqual({
      severity: 'error', file: 'content/regions/testort.yaml', line: 7, column: 10, path: 'contact.email',
      message: '"testort@" is not an e-mail address', hint: 'Write a plain address such as hamburg@example.org.',
    });
    // --json, as build, list and translations take it, is the same.
    const json = runCli(['check', '--json'], { cwd: brokenMinimal() });
    expect([json.status, json.stdout]).toEqual([r.status, r.stdout]);
  });

  it('a wrong option is a usage error (exit 2)', () => {
    expect(runCli(['check', '--format', 'xml']).status).toBe(ExitCode.usage);
    expect(runCli(['check', '--content', '/nonexistent']).status).toBe(ExitCode.usage);
    expect(runCli(['check', '--region', 'hamburgg']).stderr).toContain('did you mean "hamburg"');
  });

  it('warnings pass; --strict makes an outdated translation an error', () => {
    const dir = tempDir(contentDir);
    const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
    writeFileSync(de, readFileSync(de, 'utf8').replace('heading: Fazit', 'heading: Unser Fazit'));
    const loose = runCli(['check', '--region', 'kiel', '--locale', 'en', '--out', path.join(dir, 'none')], { cwd: dir });
    expect(loose.status).toBe(ExitCode.ok);
    expect(loose.stderr).toMatch(/en\.yaml:\d+:\d+  warning  sections\[\d+\]\.id: the en translation of section "fazit" is outdated/);
    const strict = runCli(['check', '--strict', '--region', 'kiel', '--locale', 'en', '--format', 'json', '--out', path.join(dir, 'none')], { cwd: dir });
    expect(strict.status).toBe(ExitCode.content);
    expect(JSON.parse(strict.stdout)).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringContaining('section "fazit" is outdated') }));
  });
});

describe('a selection of regions', () => {
  it("is not failed by another region's file, and says that file has findings", () => {
    const dir = tempDir(contentDir);
    const hamburg = path.join(dir, 'content/regions/hamburg.yaml');
    writeFileSync(hamburg, readFileSync(hamburg, 'utf8').replace(/postcode: "?\d+"?/, 'postcode: 2000x'));
    const kiel = runCli(['check', '--region', 'kiel', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir });
    expect(kiel.status, kiel.stderr).toBe(ExitCode.ok);
    expect(kiel.stderr).toContain('(1 error in content/regions/hamburg.yaml that the selected variants do not use, not counted here; run without --region or --sheet to see it)');
    expect(kiel.stderr).not.toContain('hamburg.yaml:');
    // For tools: stdout holds this run's findings only; the note goes to stderr all the same.
    const json = runCli(['check', '--region', 'kiel', '--locale', 'de', '--template', 'infoblatt', '--format', 'json'], { cwd: dir });
    expect([json.status, JSON.parse(json.stdout)]).toEqual([ExitCode.ok, []]);
    expect(json.stderr).toContain('(1 error in content/regions/hamburg.yaml that the selected variants do not use');
    const built = runCli(['build', '--region', 'kiel', '--locale', 'de', '--template', 'infoblatt', '--json'], { cwd: dir });
    expect(built.status).toBe(ExitCode.ok);
    expect(JSON.parse(built.stdout).elsewhere).toEqual([expect.objectContaining({ file: 'content/regions/hamburg.yaml', path: 'contact.postcode' })]);
    // Hamburg's own run, and the run of every region, fail on it.
    expect(runCli(['check', '--region', 'hamburg', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir }).status).toBe(ExitCode.content);
    expect(runCli(['check', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir }).status).toBe(ExitCode.content);
  });

  it("of sheets is not failed by a region's overrides of another sheet", () => {
    const dir = tempDir(contentDir);
    const zoom = path.join(dir, 'content/sheets/zoom-datenschutz');
    const kurz = path.join(dir, 'content/sheets/kurz');
    mkdirSync(kurz);
    writeFileSync(path.join(kurz, 'sheet.yaml'), readFileSync(path.join(zoom, 'sheet.yaml'), 'utf8').replace('id: zoom-datenschutz', 'id: kurz').replace(/locales: .*/, 'locales: [de]'));
    writeFileSync(path.join(kurz, 'de.yaml'), readFileSync(path.join(zoom, 'de.yaml'), 'utf8'));
    const hamburg = path.join(dir, 'content/regions/hamburg.yaml');
    writeFileSync(hamburg, readFileSync(hamburg, 'utf8').replace('overrides:\n', 'overrides:\n  kurz:\n    de:\n      sections:\n        aufzeichnug:\n          append: x\n'));
    const zoomOnly = runCli(['check', '--sheet', 'zoom-datenschutz', '--region', 'hamburg', '--locale', 'de', '--template', 'flyer'], { cwd: dir });
    expect(zoomOnly.status, zoomOnly.stderr).toBe(ExitCode.ok);
    expect(zoomOnly.stderr).toContain('(1 error in content/regions/hamburg.yaml that the selected variants do not use');
    expect(runCli(['check', '--sheet', 'kurz', '--region', 'hamburg', '--template', 'flyer'], { cwd: dir }).status).toBe(ExitCode.content);
  });

  it('shows the errors that stop a selected variant, also where they are in overrides of another sheet', () => {
    const dir = tempDir(contentDir);
    const kiel = path.join(dir, 'content/regions/kiel.yaml');
    // Overrides of a sheet that does not exist make the whole region file one with errors.
    writeFileSync(kiel, `${readFileSync(kiel, 'utf8')}overrides:\n  alter-bogen:\n    de:\n      sections:\n        intro:\n          append: Hallo\n`);
    const r = runCli(['check', '--sheet', 'zoom-datenschutz', '--region', 'kiel', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    // It said "not built: kiel.yaml has errors" and filed the error as one "the selected variants do not use".
    expect(r.stderr).toMatch(/content\/regions\/kiel\.yaml:\d+:\d+ {2}error {2}overrides\.alter-bogen/);
    expect(r.stderr).not.toContain('that the selected variants do not use');
  });
});

describe('selectors while a sheet.yaml has errors', () => {
  it('--locale names a language of the broken sheet: the finding is shown, not "there is no locale"', () => {
    const dir = tempDir(path.join(fixtures, 'minimal'));
    const sheet = path.join(dir, 'content/sheets/kurz/sheet.yaml');
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace('date: 2021-03-09', 'date: 2021-02-29'));
    for (const command of ['check', 'build']) {
      const r = runCli([command, '--locale', 'de'], { cwd: dir });
      expect(r.status, r.stderr).toBe(ExitCode.content);
      expect(r.stderr).toMatch(/content\/sheets\/kurz\/sheet\.yaml:2:7  error  date: /);
    }
    // A language no sheet.yaml lists is still a usage error.
    expect(runCli(['check', '--locale', 'fr'], { cwd: dir }).status).toBe(ExitCode.usage);
  });
});
