import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, symlinkSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/exit-codes.js';
import { STAMP_FILE } from '../../src/pipeline/unchanged.js';
import { contentDir, root, runCli, tempDir } from '../helpers/cli.js';

/**
 * Stage 0: a build identical to the last one is replayed without loading anything; any change to
 * its inputs or its output, and the build runs as usual. On temporary copies of the content,
 * three variants each (Kiel's info sheet), through the real command.
 */

const select = ['--template', 'infoblatt', '--region', 'kiel'];
const pdf = 'zoom-datenschutz/kiel/zoom-datenschutz-kiel-en-infoblatt.pdf';

interface Report {
  replayed: boolean;
  variants: Array<{ locale: string; status: string; sha256: string }>;
  findings: Array<{ severity: string; message: string }>;
}

function build(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Report & { stderr: string; status: number | null } {
  const r = runCli(['build', ...select, ...args, '--json'], { cwd: dir, env });
  expect(r.stderr).not.toContain('internal error');
  return { ...(JSON.parse(r.stdout) as Report), stderr: r.stderr, status: r.status };
}

/**
 * A content copy, built once for the whole file: a section missing from en.yaml gives a warning
 * to replay. Each test gets a copy of that folder, content and out/ together, somewhere else: as
 * a checkout moved or restored elsewhere, it must replay as it would where it was built.
 */
let golden: string | undefined;
function built(): string {
  if (!golden) {
    golden = tempDir(contentDir);
    const en = path.join(golden, 'content/sheets/zoom-datenschutz/en.yaml');
    writeFileSync(en, readFileSync(en, 'utf8').replace(/  - id: fazit\n[^]*?(?=\n  - id: |$)/, '').trimEnd() + '\n');
    const first = build(golden);
    expect(first.status).toBe(ExitCode.ok);
    expect(first.replayed).toBe(false);
    expect(first.variants.map((v) => v.status)).toEqual(['built', 'built', 'built']);
  }
  const dir = tempDir();
  cpSync(golden, dir, { recursive: true });
  return dir;
}

describe('a build identical to the last one', () => {
  it('is replayed: same variants, same warnings, nothing loaded or rendered', () => {
    const dir = built();
    // Moved elsewhere with its out/, the build is the one recorded there.
    expect(build(dir).replayed).toBe(true);
    const first = JSON.parse(runCli(['build', ...select, '--json', '--force'], { cwd: dir }).stdout) as Report;
    expect(existsSync(path.join(dir, 'out', STAMP_FILE))).toBe(true);
    const again = build(dir);
    expect(again.replayed).toBe(true);
    expect(again.variants.map((v) => [v.locale, v.status])).toEqual([['de', 'unchanged'], ['en', 'unchanged'], ['tr', 'unchanged']]);
    expect(again.variants.map((v) => v.sha256)).toEqual(first.variants.map((v) => v.sha256));
    expect(again.findings).toEqual(first.findings);
    expect(again.findings.some((f) => f.severity === 'warning' && f.message.includes('"fazit" is missing'))).toBe(true);
    expect(again.stderr).toContain('warning  sections: the section "fazit" is missing from en.yaml');
    expect(again.stderr).toContain('nothing to render: all 3 variants are unchanged, as is everything they are made from');
  });

  it('is not replayed after any change to the content, even one no variant uses', () => {
    const dir = built();
    appendFileSync(path.join(dir, 'content/regions/koeln.yaml'), '\n# a comment\n');
    const again = build(dir);
    expect(again.replayed).toBe(false);
    // The per-variant input hashes still find that nothing needs rendering.
    expect(again.variants.map((v) => v.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(again.stderr).toContain('nothing to render: all 3 variants are unchanged (use --force');
    // …and the next identical build is replayed again.
    expect(build(dir).replayed).toBe(true);
  });

  it('is not replayed with other options, another SOURCE_DATE_EPOCH, or --force', () => {
    const dir = built();
    // Right after the build it would replay: only the epoch differs (after a failed build, as it
    // stood at first, nothing could replay, and the check could not fail).
    expect(build(dir, [], { SOURCE_DATE_EPOCH: '1600000000' }).replayed).toBe(false);
    expect(build(dir, ['--locale', 'de,en,tr'], { SOURCE_DATE_EPOCH: '1600000000' }).replayed).toBe(false); // another selection, though the same variants
    expect(build(dir, ['--strict']).status).toBe(ExitCode.content);
    const forced = build(dir, ['--force']);
    expect(forced.replayed).toBe(false);
    expect(forced.variants.map((v) => v.status)).toEqual(['built', 'built', 'built']);
    // Run from another folder: its messages name files from there, so they are not the record's.
    const elsewhere = runCli(['build', ...select, '--json', '--content', '.', '--out', '../out'], { cwd: path.join(dir, 'content') });
    expect((JSON.parse(elsewhere.stdout) as Report).replayed).toBe(false);
    expect(elsewhere.stderr).toContain('sheets/zoom-datenschutz/en.yaml');
    expect(elsewhere.stderr).not.toContain('content/sheets/zoom-datenschutz/en.yaml');
    // Asked for print versions, a build right after one without them makes them.
    const print = build(dir, ['--print']);
    expect(print.replayed).toBe(false);
    expect(readdirSync(path.join(dir, 'out'), { recursive: true }).map(String).filter((f) => f.endsWith('-print.pdf'))).toHaveLength(3);
  });

  it('is not replayed when a file it reported is gone or changed; the build puts it back', () => {
    const dir = built();
    const file = path.join(dir, 'out', pdf);
    const bytes = readFileSync(file);
    rmSync(file);
    const again = build(dir);
    expect(again.replayed).toBe(false);
    expect(again.variants.find((v) => v.locale === 'en')?.status).toBe('built');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    rmSync(path.join(dir, 'out/index.html'));
    expect(build(dir).replayed).toBe(false);
    expect(existsSync(path.join(dir, 'out/index.html'))).toBe(true);
  });

  it('is not replayed when a PDF was replaced by another of the same size; the build renders it again', () => {
    const dir = built();
    const file = path.join(dir, 'out', pdf);
    const bytes = readFileSync(file);
    const other = Buffer.from(bytes);
    other[other.length - 20]! ^= 1;
    writeFileSync(file, other);
    const again = build(dir);
    expect(again.replayed).toBe(false);
    expect(again.variants.map((v) => [v.locale, v.status])).toEqual([['de', 'unchanged'], ['en', 'built'], ['tr', 'unchanged']]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('leaves no record after a build that failed, so the next one runs in full', () => {
    const dir = built();
    const region = path.join(dir, 'content/regions/kiel.yaml');
    const good = readFileSync(region, 'utf8');
    writeFileSync(region, good.replace(/postcode: "?\d+"?/, 'postcode: 24103x'));
    const failed = build(dir);
    expect(failed.status).toBe(ExitCode.content);
    expect(existsSync(path.join(dir, 'out', STAMP_FILE))).toBe(false);
    writeFileSync(region, good);
    const fixed = build(dir);
    expect(fixed.replayed).toBe(false);
    expect(fixed.status).toBe(ExitCode.ok);
  });

  it('hashes links in the content folder without following them out of it or round in circles', () => {
    const dir = built();
    // As a pull request can add them: two links to "..", which Node's recursive walk followed
    // without end, and a link to a file outside that never ends either.
    mkdirSync(path.join(dir, 'content/misc'));
    symlinkSync('..', path.join(dir, 'content/misc/a'));
    symlinkSync('..', path.join(dir, 'content/misc/b'));
    symlinkSync('/dev/zero', path.join(dir, 'content/notes.txt'));
    const run = () => spawnSync(process.execPath, [path.join(root, 'bin/infoblatt.js'), 'build', ...select, '--json'], { cwd: dir, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
    const first = run();
    expect(first.error, 'the build did not finish within 30 s').toBeUndefined();
    expect(first.status, first.stderr).toBe(ExitCode.ok);
    expect((JSON.parse(first.stdout) as Report).replayed).toBe(false);
    expect((JSON.parse(run().stdout) as Report).replayed).toBe(true);
    // A link to a file inside the folder counts with its target's bytes: editing the target is a change.
    symlinkSync('regions/koeln.yaml', path.join(dir, 'content/koeln-link.yaml'));
    expect((JSON.parse(run().stdout) as Report).replayed).toBe(false);
    expect((JSON.parse(run().stdout) as Report).replayed).toBe(true);
    appendFileSync(path.join(dir, 'content/regions/koeln.yaml'), '\n# edited through its link\n');
    expect((JSON.parse(run().stdout) as Report).replayed).toBe(false);
  });

  it('keeps its record through a usage mistake, which changes nothing in out/', () => {
    const dir = built();
    const mistake = runCli(['build', '--region', 'atlantis'], { cwd: dir });
    expect(mistake.status).toBe(ExitCode.usage);
    expect(existsSync(path.join(dir, 'out', STAMP_FILE))).toBe(true);
    expect(build(dir).replayed).toBe(true);
  });
});
