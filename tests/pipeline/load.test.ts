import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.js';
import { root, runCli, tempDir } from '../helpers/cli.js';
import { ExitCode } from '../../src/exit-codes.js';
import { minimalWith } from '../helpers/content.js';

describe('loadContent', () => {
  it('never reads a file outside the content folder through a link', () => {
    const secret = path.join(tempDir(), 'secret.yaml');
    writeFileSync(secret, 'name: Geheim\ncontact: {office: x, street: y, postcode: "1", city: z}\n');
    const dir = minimalWith();
    symlinkSync(secret, path.join(dir, 'regions', 'geheim.yaml'));
    const tree = loadContent(dir);
    expect(tree.regions.has('geheim')).toBe(false);
    expect(tree.findings).toEqual([expect.objectContaining({ line: 1, column: 1, message: 'geheim.yaml is a link to a file outside the content folder, so it is not read' })]);
    expect(tree.regions.has('testort')).toBe(true);
  });

  it('follows links that stay inside the content folder, and reports a dangling one', () => {
    const dir = minimalWith();
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(path.join(dir, 'shared', 'ort.yaml'), 'name: Ort\ncontact: {office: x, street: y, postcode: "12345", city: z}\n');
    symlinkSync(path.join(dir, 'shared', 'ort.yaml'), path.join(dir, 'regions', 'ort.yaml'));
    symlinkSync(path.join(dir, 'shared', 'gone.yaml'), path.join(dir, 'regions', 'weg.yaml'));
    const tree = loadContent(dir);
    expect(tree.regions.has('ort')).toBe(true);
    expect(tree.findings.map((f) => f.message)).toEqual(['weg.yaml is a link to a file that does not exist']);
  });

  it('reports a file where regions/ or sheets/ belongs, once, instead of crashing', () => {
    for (const folder of ['regions', 'sheets']) {
      const dir = minimalWith();
      rmSync(path.join(dir, folder), { recursive: true });
      writeFileSync(path.join(dir, folder), 'name: Bremen\n');
      const tree = loadContent(dir);
      expect(tree.findings).toEqual([expect.objectContaining({
        file: expect.stringMatching(new RegExp(`${folder}$`)), line: 1, column: 1, message: `${folder} is a file, but it must be a folder`,
        hint: expect.stringContaining(`make a folder ${folder}/ in its place`),
      })]);
      // As the user meets it: a finding and exit 1, no stack trace.
      const r = runCli(['check', '--content', dir]);
      expect(r.status).toBe(ExitCode.content);
      expect(r.stderr).toContain(`${folder} is a file, but it must be a folder`);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('says what an empty content folder lacks, with the commands that make it', () => {
    // Named as given, not as "content/" (an office's folder has its own name).
    const dir = path.join(tempDir(), 'meine-inhalte');
    mkdirSync(path.join(dir, 'regions'), { recursive: true });
    mkdirSync(path.join(dir, 'sheets'));
    const found = loadContent(dir).findings.map((f) => `${path.basename(f.file)} ${f.message.replace(path.dirname(dir), '…')} | ${f.hint}`);
    expect(found).toEqual(expect.arrayContaining([
      'sheets there is no sheet: …/meine-inhalte/sheets/ is empty or missing | Create one with: npx infoblatt new sheet <id> (a folder sheets/<id>/ with sheet.yaml and the text, see the README).',
      'regions there is no region file in …/meine-inhalte/regions/ | Create one with: npx infoblatt new region <id>',
    ]));
  });

  it('names a sheet written as a file in sheets/, which would otherwise be skipped without a word', () => {
    const dir = minimalWith();
    writeFileSync(path.join(dir, 'sheets', 'Betriebsratswahl.yaml'), 'title: Wahl\n');
    writeFileSync(path.join(dir, 'sheets', 'notes.txt'), 'not content\n');
    const tree = loadContent(dir);
    expect(tree.findings).toEqual([expect.objectContaining({
      message: '"Betriebsratswahl.yaml" is ignored: a sheet is a folder, not a file',
      hint: expect.stringContaining('Make a folder sheets/betriebsratswahl/ holding sheet.yaml'),
    })]);
    expect(tree.sheets.size).toBe(1);
  });

  it('takes a backup copy of a region file for one, not for a region to rename', () => {
    const dir = minimalWith();
    const testort = readFileSync(path.join(dir, 'regions', 'testort.yaml'), 'utf8');
    for (const copy of ['testort - Kopie.yaml', 'Kopie von testort.yaml', 'testort copy 2.yaml', 'testort (1).yaml', 'testort_alt.yaml']) {
      writeFileSync(path.join(dir, 'regions', copy), testort);
    }
    const tree = loadContent(dir);
    expect(tree.regionIds).toEqual(['testort']);
    expect(tree.findings.map((f) => `${f.severity} ${f.message}`)).toEqual([
      'warning "Kopie von testort.yaml" looks like a copy of testort.yaml, so it is not built',
      'warning "testort (1).yaml" looks like a copy of testort.yaml, so it is not built',
      'warning "testort - Kopie.yaml" looks like a copy of testort.yaml, so it is not built',
      'warning "testort copy 2.yaml" looks like a copy of testort.yaml, so it is not built',
      'warning "testort_alt.yaml" looks like a copy of testort.yaml, so it is not built',
    ]);
    expect(runCli(['check', '--content', dir]).status).toBe(ExitCode.ok);
    // A new region under a name that is no id is still an error, and check says why it fails.
    writeFileSync(path.join(dir, 'regions', 'Bremen.yaml'), testort);
    const r = runCli(['check', '--content', dir]);
    expect(r.status).toBe(ExitCode.content);
    expect(r.stderr).toContain('"Bremen" is not a valid region id');
    expect(r.stderr).toMatch(/checked \S+: 1 error, 5 warnings; the variant can be built, but the errors above fail the check/);
  });

  it('names a region file or folder it may not read, instead of crashing as a bug (exit 70)', () => {
    const dir = minimalWith();
    const regions = path.join(dir, 'regions');
    writeFileSync(path.join(regions, 'zweitort.yaml'), readFileSync(path.join(regions, 'testort.yaml'), 'utf8').replace('name: Testort', 'name: Zweitort'));
    // Root reads any file: the check runs as nobody then, with everything else readable to it.
    const asRoot = process.getuid?.() === 0;
    const cache = tempDir();
    chmodSync(cache, 0o777);
    // The test run's own temporary folder included (TMPDIR, vitest.config.ts), made private.
    for (let folder = path.dirname(dir); folder.startsWith(tmpdir()); folder = path.dirname(folder)) chmodSync(folder, 0o755);
    chmodSync(path.join(regions, 'zweitort.yaml'), 0o000);
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin', 'infoblatt.js'), ...args], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, INFOBLATT_CACHE_DIR: cache, NO_COLOR: '1' }, ...(asRoot && { uid: 65534, gid: 65534 }),
    });
    const file = run(['check', '--content', dir]);
    expect(file.status, file.stderr).toBe(ExitCode.content);
    expect(file.stderr).toContain('zweitort.yaml:1:1  error  the file cannot be read: no permission to read it (EACCES)');
    // The other region is checked as ever.
    expect(file.stderr).toMatch(/1 of 2 variants cannot be built/);
    chmodSync(regions, 0o000);
    const folder = run(['check', '--content', dir]);
    expect(folder.status, folder.stderr).toBe(ExitCode.content);
    expect(folder.stderr).toContain('regions/ cannot be read (EACCES)');
    chmodSync(regions, 0o755);
    chmodSync(path.join(regions, 'zweitort.yaml'), 0o644);
    // The logo, and the content folder itself.
    chmodSync(path.join(dir, 'assets/mark.svg'), 0o000);
    const logo = run(['check', '--content', dir]);
    expect(logo.status, logo.stderr).toBe(ExitCode.content);
    expect(logo.stderr).toContain('the logo "assets/mark.svg" cannot be read (EACCES)');
    chmodSync(path.join(dir, 'assets/mark.svg'), 0o644);
    chmodSync(dir, 0o311);
    const content = run(['check', '--content', dir]);
    chmodSync(dir, 0o755);
    expect(content.status, content.stderr).toBe(ExitCode.usage);
    expect(content.stderr).toContain('cannot be read (EACCES): give read permission');
  });

  it('leaves Word\'s owner file alone, and names a second file of a region that the build does not read', () => {
    const dir = minimalWith();
    const testort = readFileSync(path.join(dir, 'regions', 'testort.yaml'), 'utf8');
    // Word writes "~$name" beside a file it has open; it is no YAML, and never ours to rename.
    writeFileSync(path.join(dir, 'regions', '~$testort.yaml'), '\x0bAnna Muster\x00\x00');
    // An editor that saved as .yml, a copy in capitals: edits there would silently not count.
    writeFileSync(path.join(dir, 'regions', 'testort.yml'), testort.replace('Teststraße 1', 'Neue Straße 2'));
    writeFileSync(path.join(dir, 'regions', 'Testort.yaml'), testort);
    const tree = loadContent(dir);
    expect(tree.regionIds).toEqual(['testort']);
    expect(tree.findings.map((f) => `${f.severity} ${f.message} | ${f.hint}`)).toEqual([
      'warning "Testort.yaml" looks like a copy of testort.yaml, so it is not built | Delete it, or keep backups outside the content folder. If it is to become a new region, rename it to that region\'s id (e.g. bremen.yaml) and change the name and contact inside.',
      'warning "testort.yml" is ignored: the region\'s file is testort.yaml | If you made changes in this file, make them in testort.yaml; then delete this one.',
    ]);
    expect(runCli(['check', '--content', dir]).status).toBe(ExitCode.ok);
  });
});
