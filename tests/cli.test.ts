import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../src/exit-codes.js';
import { contentDir, fixtures, root, runCli, runCliAsync, tempDir } from './helpers/cli.js';

/** The command as people and CI meet it: exit codes, messages, what lands in out/. */

const hamburgFile = 'zoom-datenschutz/hamburg/zoom-datenschutz-hamburg-de-infoblatt.pdf';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** Page-1 pictures for out/index.html (tests/publish/index.test.ts checks them). */
const notThumbnail = (file: string) => !file.startsWith('_thumbnails/');

describe('infoblatt build: usage errors (exit 2)', () => {
  it('names an unknown region and lists the real ones', () => {
    const r = runCli(['build', '--template', 'infoblatt', '--region', 'hamburgg', '--out', tempDir()]);
    expect(r.status).toBe(ExitCode.usage);
    expect(r.stderr).toContain('there is no region "hamburgg" (did you mean "hamburg"?); regions: frankfurt, hamburg, kiel, koeln, leipzig, lueneburg, muenchen');
  });

  it('answers --json with JSON on stdout for a usage mistake too, so a script reading it is not left with nothing', () => {
    for (const args of [['build', '--json', '--region', 'nowhere'], ['list', '--json', '--frobnicate']]) {
      const r = runCli(args);
      expect(r.status).toBe(ExitCode.usage);
      expect(JSON.parse(r.stdout)).toEqual({ ok: false, exitCode: ExitCode.usage, error: expect.stringMatching(/there is no region "nowhere"|unknown option '--frobnicate'/) });
    }
    // check's --format json is JSON output as well.
    const check = runCli(['check', '--format', 'json', '--region', 'nowhere']);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: false, exitCode: ExitCode.usage });
    // Without --json, stdout stays empty.
    expect(runCli(['build', '--region', 'nowhere']).stdout).toBe('');
  });

  it('refuses an empty folder name ("--out $OUT" with OUT unset) instead of writing out/ into the current folder', () => {
    const dir = tempDir();
    for (const option of ['--out', '--content']) {
      const r = runCli(['build', option, '', '--region', 'hamburg', '--locale', 'de', '--template', 'flyer', ...(option === '--out' ? ['--content', contentDir] : [])], { cwd: dir });
      expect(r.status, r.stderr).toBe(ExitCode.usage);
      expect(r.stderr).toContain(`${option} was given an empty folder name (an unset variable?)`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 0 for --help and --version, which are no mistakes (a script may ask for them)', () => {
    const help = runCli(['--help']);
    expect([help.status, help.stdout]).toEqual([ExitCode.ok, expect.stringContaining('Usage: infoblatt')]);
    expect(runCli(['build', '--help']).status).toBe(ExitCode.ok);
    const version = runCli(['--version']);
    expect([version.status, version.stdout.trim()]).toEqual([ExitCode.ok, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version]);
  });

  it('rejects unknown options and commands, and a missing content folder', () => {
    expect(runCli(['build', '--template', 'infoblatt', '--colour']).status).toBe(ExitCode.usage);
    expect(runCli(['bild']).stderr).toContain('Did you mean build?');
    const r = runCli(['build', '--template', 'infoblatt', '--content', '/nonexistent/content']);
    expect(r.status).toBe(ExitCode.usage);
    expect(r.stderr).toContain('there is no content folder /nonexistent/content (use --content DIR');
  });

  it('names the folder it looked in, and the content folder nearby, when --content is wrong', () => {
    // Run from content/regions/: "content" is looked for there, and the content folder is above.
    const fromRegions = runCli(['check'], { cwd: path.join(contentDir, 'regions') });
    expect(fromRegions.status).toBe(ExitCode.usage);
    expect(fromRegions.stderr).toContain(`there is no content folder ${path.join(contentDir, 'regions', 'content')} (did you mean --content ${contentDir}?)`);
    // A region file given as the content folder.
    const file = runCli(['check', '--content', path.join(contentDir, 'regions/kiel.yaml')]);
    expect(file.stderr).toContain(`${path.join(contentDir, 'regions/kiel.yaml')} is a file, not a content folder (did you mean --content content?)`);
  });

  it('rejects a SOURCE_DATE_EPOCH that is no time, without a stack trace', () => {
    for (const epoch of ['yesterday', '99999999999999999']) {
      const r = runCli(['check', '--region', 'kiel', '--locale', 'de', '--template', 'infoblatt'], { env: { SOURCE_DATE_EPOCH: epoch } });
      expect(r.status, r.stderr).toBe(ExitCode.usage);
      expect(r.stderr).toContain(`SOURCE_DATE_EPOCH is "${epoch}", which is no time`);
      expect(r.stderr).not.toContain('internal error');
    }
  });

  it('leaves the last build and its record alone on a SOURCE_DATE_EPOCH that is no time', () => {
    const out = tempDir();
    const args = ['build', '--region', 'kiel', '--locale', 'de', '--template', 'flyer', '--out', out];
    expect(runCli(args).status).toBe(ExitCode.ok);
    expect(runCli(args, { env: { SOURCE_DATE_EPOCH: 'yesterday' } }).status).toBe(ExitCode.usage);
    // The record still holds: the same build again is answered from it.
    const again = runCli([...args, '--json']);
    expect((JSON.parse(again.stdout) as { replayed: boolean }).replayed).toBe(true);
  });
});

describe('infoblatt build: files it cannot write (exit 73)', () => {
  const one = ['--locale', 'de', '--template', 'flyer'];

  it('names the folder and the reason when out/ cannot be made, without a stack trace', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes'), 'a file where the output folder should go\n');
    const r = runCli(['build', ...one, '--region', 'kiel', '--out', path.join(dir, 'notes', 'out')]);
    expect(r.status, r.stderr).toBe(ExitCode.output);
    expect(r.stderr).toContain(`cannot write ${path.join(dir, 'notes', 'out')}: a part of the path is a file, not a folder (ENOTDIR). Move or rename what is in the way, or write elsewhere (--out for the PDFs).`);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    // A folder the system will not make though its parent exists: Node's own "mkdir -p" looped for
    // ever there (at full CPU, deaf to SIGTERM). Limited in time, so that a relapse fails, not hangs.
    if (existsSync('/proc/self')) {
      const proc = spawnSync(process.execPath, [path.join(root, 'bin/infoblatt.js'), 'build', ...one, '--region', 'kiel', '--out', '/proc/infoblatt-out'], { encoding: 'utf8', timeout: 60_000 });
      expect(proc.status, proc.stderr).toBe(ExitCode.output);
      expect(proc.stderr).toContain('cannot write /proc/infoblatt-out: a part of the path does not exist');
    }
  });

  it('fails only the variants whose files cannot be written, and records the others', () => {
    const out = tempDir();
    mkdirSync(path.join(out, 'zoom-datenschutz'), { recursive: true });
    writeFileSync(path.join(out, 'zoom-datenschutz', 'kiel'), 'in the way\n');
    const r = runCli(['build', ...one, '--region', 'kiel,hamburg', '--out', out]);
    expect(r.status, r.stderr).toBe(ExitCode.output);
    // The file in the way is named, not only the PDF that could not go below it.
    expect(r.stderr).toMatch(/✗ zoom-datenschutz · kiel · de · flyer {2}not written: cannot write .*zoom-datenschutz-kiel-de-flyer\.pdf \(\S*zoom-datenschutz\/kiel is a file, where a folder belongs\): a part of the path is a file, not a folder \(ENOTDIR\)\. Move or rename what is in the way/);
    expect(r.stderr).not.toMatch(/internal error|a bug in infoblatt/);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { variants: Array<{ region: string }> };
    expect(manifest.variants.map((v) => v.region)).toEqual(['hamburg']);
    expect(filesUnder(out).filter((f) => f.endsWith('.pdf'))).toEqual(['zoom-datenschutz/hamburg/zoom-datenschutz-hamburg-de-flyer.pdf']);
  });

  it('lists a new screen PDF as it is when its print version cannot be written, never under the old entry', () => {
    const out = tempDir();
    const args = ['build', ...one, '--region', 'kiel', '--out', out];
    expect(runCli(args).status).toBe(ExitCode.ok);
    const screen = path.join(out, 'zoom-datenschutz', 'kiel', 'zoom-datenschutz-kiel-de-flyer.pdf');
    const before = readFileSync(screen);
    // A folder where the print version goes; another date gives the screen version new bytes.
    mkdirSync(path.join(out, 'zoom-datenschutz', 'kiel', 'zoom-datenschutz-kiel-de-flyer-print.pdf', 'x'), { recursive: true });
    const r = runCli([...args, '--print'], { env: { SOURCE_DATE_EPOCH: '1600000000' } });
    expect(r.status, r.stderr).toBe(ExitCode.output);
    expect(r.stderr).toMatch(/✗ zoom-datenschutz · kiel · de · flyer {2}not written: cannot write \S*zoom-datenschutz-kiel-de-flyer-print\.pdf: a folder of that name is in the way/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    const after = readFileSync(screen);
    expect(after.equals(before)).toBe(false);
    const [entry] = (JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { variants: Array<{ sha256: string; bytes: number; print?: unknown }> }).variants;
    expect(entry).toMatchObject({ sha256: createHash('sha256').update(after).digest('hex'), bytes: after.length });
    expect(entry!.print).toBeUndefined();
  });

  it('refuses to write to an out/ folder another build is writing to, and takes over a lock its holder left', () => {
    const out = tempDir();
    // This test's own process is running: its lock is held.
    const lock = (pid: number) => writeFileSync(path.join(out, '.infoblatt-build.lock'), `${JSON.stringify({ host: hostname(), pid, token: 'test' })}\n`);
    lock(process.pid);
    const busy = runCli(['build', ...one, '--region', 'kiel', '--out', out]);
    expect(busy.status, busy.stderr).toBe(ExitCode.output);
    expect(busy.stderr).toContain(`another build (process ${process.pid}) is writing to ${out} at the moment`);
    expect(filesUnder(out).filter((f) => f.endsWith('.pdf'))).toEqual([]);
    // A process that has ended holds nothing.
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    lock(ended);
    const built = runCli(['build', ...one, '--region', 'kiel', '--out', out]);
    expect(built.status, built.stderr).toBe(ExitCode.ok);
    expect(existsSync(path.join(out, '.infoblatt-build.lock'))).toBe(false);
  });

  it('lets one of three builds started together write, and stops the others', async () => {
    const out = tempDir();
    // Four variants hold the lock for seconds: the three starts overlap even on a slow machine.
    const runs = await Promise.all([0, 1, 2].map(() => runCliAsync(['build', ...one, '--region', 'kiel,hamburg,koeln,leipzig', '--out', out])));
    expect(runs.map((r) => r.status).sort()).toEqual([ExitCode.ok, ExitCode.output, ExitCode.output]);
    for (const r of runs.filter((x) => x.status === ExitCode.output)) expect(r.stderr).toMatch(/another build \(process \d+\) is writing to/);
    expect(existsSync(path.join(out, '.infoblatt-build.lock'))).toBe(false);
  });
});

describe('infoblatt build: content errors (exit 1)', () => {
  it('names file:line:column, the YAML path and what to do, without a stack trace, and writes no PDF', () => {
    const dir = tempDir(contentDir);
    const region = path.join(dir, 'content/regions/hamburg.yaml');
    writeFileSync(region, readFileSync(region, 'utf8').replace('postcode: "20097"', 'postcode: 20097'));
    const r = runCli(['build', '--template', 'infoblatt', '--region', 'hamburg', '--locale', 'de'], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    expect(r.stderr).toContain('content/regions/hamburg.yaml:12:13  error  contact.postcode: the postcode 20097 is read as the number 20097');
    expect(r.stderr).toContain('    hint: Put it in quotes: postcode: "20097".');
    expect(r.stderr).toContain('✗ zoom-datenschutz · hamburg · de · infoblatt  not built: content/regions/hamburg.yaml has errors');
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(filesUnder(path.join(dir, 'out'))).toEqual([]);
  });

  it('fails an empty content folder instead of building nothing', () => {
    const dir = tempDir();
    // Hidden files (a .gitkeep) leave it empty: it gets the findings that say how to start.
    writeFileSync(path.join(dir, '.gitkeep'), '');
    const r = runCli(['build', '--template', 'infoblatt', '--content', dir, '--out', path.join(dir, 'out')], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    expect(r.stderr).toContain('brand.yaml is missing');
    expect(r.stderr).toContain('there is no sheet');
    expect(r.stderr).toContain('npx infoblatt new region <id>');
  });

  it('refuses a --content folder that holds files but no content, naming the one that does', () => {
    const dir = tempDir(contentDir);
    const r = runCli(['build', '--content', 'content/regions', '--out', path.join(dir, 'out')], { cwd: dir });
    expect(r.status).toBe(ExitCode.usage);
    expect(r.stderr).toContain('content/regions is not a content folder: it has no brand.yaml, regions/ or sheets/ (did you mean --content content?)');
    expect(filesUnder(path.join(dir, 'out'))).toEqual([]);
  });

  it('fails only the variants of a language whose file is missing', () => {
    const dir = tempDir(contentDir);
    const sheet = path.join(dir, 'content/sheets/zoom-datenschutz/sheet.yaml');
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace('locales: [de, en, tr]', 'locales: [de, en, tr, fr]'));
    const r = runCli(['build', '--template', 'infoblatt', '--region', 'kiel', '--json'], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    expect(r.stderr).toMatch(/sheet\.yaml:\d+:\d+  error  locales\[3\]: locale "fr" is listed but fr\.yaml does not exist/);
    expect(r.stderr).toMatch(/sheet\.yaml:\d+:\d+  error  locales\[3\]: the templates cannot print the language "fr" yet/);
    const status = JSON.parse(r.stdout).variants.map((v: { locale: string; status: string }) => `${v.locale} ${v.status}`);
    expect(status).toEqual(['de built', 'en built', 'fr failed', 'tr built']);
    // With fr.yaml there, the variant waits for sheet.yaml's error, not for fr.yaml, which has none.
    cpSync(path.join(dir, 'content/sheets/zoom-datenschutz/en.yaml'), path.join(dir, 'content/sheets/zoom-datenschutz/fr.yaml'));
    const there = runCli(['build', '--template', 'infoblatt', '--region', 'kiel', '--locale', 'fr'], { cwd: dir });
    expect(there.stderr).toMatch(/✗ zoom-datenschutz · kiel · fr · infoblatt {2}not built: \S*sheet\.yaml has errors/);
  });

  it('stops only the variants that use a broken file', () => {
    const dir = tempDir(contentDir);
    const regions = path.join(dir, 'content/regions');
    cpSync(path.join(regions, 'hamburg.yaml'), path.join(regions, 'altona.yaml'));
    writeFileSync(path.join(regions, 'altona.yaml'), 'name: Altona\ncontact:\n  office: [kaputt\n');
    const r = runCli(['build', '--template', 'infoblatt', '--json', '--region', 'altona,hamburg', '--locale', 'de'], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    expect(r.stderr).toMatch(/content\/regions\/altona\.yaml:\d+:\d+  error  /);
    const json = JSON.parse(r.stdout);
    expect(json.variants.map((v: { region: string; status: string }) => [v.region, v.status])).toEqual([['altona', 'failed'], ['hamburg', 'built']]);
    expect(filesUnder(path.join(dir, 'out')).filter(notThumbnail)).toEqual(['index.html', 'manifest.json', hamburgFile]);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8'));
    expect(manifest.variants.map((v: { region: string }) => v.region)).toEqual(['hamburg']);
  });

  it('reports every finding of a run together, sorted by file and line', () => {
    const dir = tempDir(contentDir);
    const text = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
    writeFileSync(text, readFileSync(text, 'utf8').replace('kicker: Videokonferenzen der IG Metall {region.name}', 'kicker: Videokonferenzen der IG Metall {region.nam}'));
    const region = path.join(dir, 'content/regions/hamburg.yaml');
    writeFileSync(region, readFileSync(region, 'utf8').replace('  city: Hamburg', '  city: Hamburg\n  fax: "040 1"').replace('web: https://', 'web: http://'));
    // Two regions, one template: enough for every kind of finding, without building the whole matrix.
    const r = runCli(['build', '--region', 'hamburg,kiel', '--template', 'infoblatt'], { cwd: dir });
    expect(r.status).toBe(ExitCode.content);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('content/') && l.includes('  error  '));
    expect(lines).toEqual([
      'content/regions/hamburg.yaml:14:3  error  contact.fax: there is no fax field',
      'content/regions/hamburg.yaml:17:8  error  contact.web: "http://www.igmetall.de" is not a web address starting with https://',
      'content/sheets/zoom-datenschutz/de.yaml:5:40  error  kicker: unknown placeholder {region.nam}',
    ]);
    // Changing the German kicker also makes its translations outdated: warned, not failed.
    expect(r.stderr).toContain('3 errors, 2 warnings in the content');
  });
});

describe('infoblatt build: output', () => {
  it('builds from a content folder anywhere, with templates and fonts from the tool', () => {
    const dir = tempDir(contentDir);
    const out = path.join(dir, 'elsewhere-out');
    const r = runCli(['build', '--template', 'infoblatt', '--content', path.join(dir, 'content'), '--out', out, '--region', 'hamburg', '--locale', 'de'], { cwd: tempDir() });
    expect(r.status).toBe(0);
    expect(filesUnder(out).filter(notThumbnail)).toEqual(['.infoblatt-build.json', 'index.html', 'manifest.json', hamburgFile]);
  });

  it('stops quietly when its reader stops reading (infoblatt list | head)', async () => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'infoblatt.js'), 'list'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader is gone before the first line: every write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(ExitCode.ok);
  });

  it('goes on to its own exit code when the reader of its messages stops reading (check 2>&1 | head)', async () => {
    const dir = tempDir(path.join(fixtures, 'minimal'));
    // Many findings, more than a pipe holds once its reader is gone.
    writeFileSync(path.join(dir, 'content/regions/bad.yaml'), `name: x\n${Array.from({ length: 300 }, (_, i) => `k${i}: 1\n`).join('')}`);
    const child = spawn(process.execPath, [path.join(root, 'bin', 'infoblatt.js'), 'check'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(ExitCode.content);
  });

  it('prints machine output on stdout only with --json, logs on stderr', () => {
    const out = tempDir();
    const r = runCli(['build', '--template', 'infoblatt', '--out', out, '--json', '--region', 'hamburg', '--locale', 'de']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.variants[0]).toMatchObject({ sheet: 'zoom-datenschutz', region: 'hamburg', status: 'built', pages: 2, file: hamburgFile });
    expect(json).toMatchObject({ outputErrors: [], internalErrors: [], manifestUnreadable: false });
    // Every stage is timed, in the pipeline's order; the summary names those that ran.
    expect(Object.keys(json.timings)).toEqual(['replayCheck', 'load', 'validate', 'plan', 'resolve', 'render', 'fit', 'write', 'index', 'totalMs']);
    expect(Object.values(json.timings).every((ms) => typeof ms === 'number' && ms >= 0)).toBe(true);
    expect(json.timings.render).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/1 built in \d+\.\d\d s \(replay check \d+, load \d+, validate \d+, plan \d+, resolve \d+, render \d+, write \d+, index \d+ ms\)/);
    expect(runCli(['build', '--template', 'infoblatt', '--out', tempDir(), '--region', 'kiel', '--locale', 'en']).stdout).toBe('');
    // A manifest cut short is written anew, and the run says so (it was silently taken as empty).
    writeFileSync(path.join(out, 'manifest.json'), '{"variants": [{"sheet"');
    const again = runCli(['build', '--template', 'infoblatt', '--out', out, '--json', '--region', 'hamburg', '--locale', 'de']);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).manifestUnreadable).toBe(true);
    expect(again.stderr).toContain('manifest.json could not be read (cut short, or edited by hand) and is written anew');
    expect(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).variants).toHaveLength(1);
  });

  it('leaves no temporary or truncated file behind when interrupted', async () => {
    const out = tempDir();
    const child = spawn(process.execPath, [path.join(root, 'bin/infoblatt.js'), 'build', '--out', out, '--jobs', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    // Interrupt once the first PDF is written, while the next ones render (Ctrl-C in a terminal).
    await new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => d.toString().includes('✓') && resolve()));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', (c, sig) => resolve(c ?? sig)));
    expect(code).toBe(130);
    const pdfs = filesUnder(out).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(1);
    expect(pdfs.length).toBeLessThan(63);
    expect(filesUnder(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const file of pdfs) expect(readFileSync(path.join(out, file)).subarray(-6).toString('latin1')).toContain('%%EOF');
    // What was finished is recorded: the manifest lists exactly the PDFs there.
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { variants: Array<{ file: string }> };
    expect(manifest.variants.map((v) => v.file).sort()).toEqual(pdfs);
  });
});
