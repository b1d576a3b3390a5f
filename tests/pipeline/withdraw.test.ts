import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, runCli, tempDir } from '../helpers/cli.js';

/**
 * What is taken out of the content is taken out of out/ (src/pipeline/withdraw.ts): a web server
 * publishing out/ must not go on serving a region that was removed. On the minimal tree with a
 * second region and a second template, so each build is a few small PDFs.
 */

interface Entry { file: string; region: string; template: string; print?: { file: string } }
const manifest = (out: string) => (JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { variants: Entry[] }).variants;
const pdfsUnder = (out: string) => readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf')).sort();

function setUp() {
  const dir = tempDir(path.join(fixtures, 'minimal'));
  const content = path.join(dir, 'content');
  const regions = path.join(content, 'regions');
  writeFileSync(path.join(regions, 'zweitort.yaml'), readFileSync(path.join(regions, 'testort.yaml'), 'utf8').replace('name: Testort', 'name: Zweitort'));
  const sheet = path.join(content, 'sheets/kurz/sheet.yaml');
  writeFileSync(sheet, readFileSync(sheet, 'utf8').replace('templates: [infoblatt]', 'templates: [infoblatt, aushang]'));
  const text = path.join(content, 'sheets/kurz/de.yaml');
  writeFileSync(text, `${readFileSync(text, 'utf8')}flyer:\n  headline: Kurz gesagt\n  points: [Eins, Zwei, Drei]\n  link: https://example.org/kurz\n`);
  const out = path.join(dir, 'out');
  const build = (...args: string[]) => runCli(['build', '--content', content, '--out', out, ...args], { cwd: dir });
  const first = build('--print');
  expect(first.status, first.stderr).toBe(0);
  expect(pdfsUnder(out)).toHaveLength(8);
  return { dir, content, out, sheet, build };
}

describe('a variant taken out of the content', () => {
  it('a removed region: its PDFs, print files, folder and index entries go at the next build of everything', () => {
    const { dir, content, out, sheet, build } = setUp();
    rmSync(path.join(content, 'regions/zweitort.yaml'));
    // With a selector, nothing is withdrawn: the build does not see the whole content.
    expect(build('--region', 'testort').status).toBe(0);
    expect(pdfsUnder(out)).toHaveLength(8);
    // Nor by check, which writes nothing: out/ and its index stay as they are.
    const manifestBefore = readFileSync(path.join(out, 'manifest.json'), 'utf8');
    const checked = runCli(['check', '--content', content, '--out', out], { cwd: dir });
    expect(checked.status, checked.stderr).toBe(0);
    expect(pdfsUnder(out)).toHaveLength(8);
    expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe(manifestBefore);

    // What a build killed outright (SIGKILL) left half-written: the next build removes it.
    const leftover = path.join(out, 'kurz/testort/.kurz-testort-de-infoblatt.pdf.4194305.abc123.tmp');
    writeFileSync(leftover, '%PDF-1.7 cut short');
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(leftover)).toBe(false);
    expect(r.stderr).toContain('removed from');
    expect(r.stderr).toContain('kurz/zweitort/kurz-zweitort-de-infoblatt.pdf, kurz/zweitort/kurz-zweitort-de-infoblatt-print.pdf');
    expect(pdfsUnder(out).filter((f) => f.includes('zweitort'))).toEqual([]);
    expect(existsSync(path.join(out, 'kurz/zweitort'))).toBe(false);
    expect(manifest(out).map((e) => e.region)).toEqual(['testort', 'testort']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toContain('zweitort');
    // The thumbnails of the withdrawn PDFs go too: one per remaining PDF.
    expect(readdirSync(path.join(out, '_thumbnails'))).toHaveLength(2);
    // The testort print files stay listed (their inputs did not change).
    expect(manifest(out).every((e) => e.print !== undefined)).toBe(true);

    // A withdrawn PDF that cannot be removed (a viewer holds it on Windows; a folder in the way
    // here) fails the build, and every later one, until it is gone: it was said once, then forgotten.
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace('templates: [infoblatt, aushang]', 'templates: [infoblatt]'));
    const poster = path.join(out, 'kurz/testort/kurz-testort-de-aushang.pdf');
    rmSync(poster);
    mkdirSync(path.join(poster, 'held'), { recursive: true });
    for (let run = 0; run < 2; run++) {
      const stuck = build();
      expect(stuck.status, stuck.stderr).toBe(73);
      expect(stuck.stderr).toMatch(/cannot remove the withdrawn PDF \S*kurz-testort-de-aushang\.pdf: .*until then every build tries again, and fails/);
    }
    expect(manifest(out).map((e) => e.template)).toEqual(['infoblatt']);
    rmSync(poster, { recursive: true });
    const freed = build();
    expect(freed.status, freed.stderr).toBe(0);
    expect(existsSync(path.join(out, '.infoblatt-unremoved.json'))).toBe(false);
  });

  it('a removed template goes the same way; the --json report lists the files', () => {
    const { out, sheet, build } = setUp();
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace('templates: [infoblatt, aushang]', 'templates: [infoblatt]'));
    const r = build('--json');
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { withdrawn: string[] }).withdrawn.filter((f) => !f.endsWith('-print.pdf'))).toEqual(['kurz/testort/kurz-testort-de-aushang.pdf', 'kurz/zweitort/kurz-zweitort-de-aushang.pdf']);
    expect(manifest(out).map((e) => e.template)).toEqual(['infoblatt', 'infoblatt']);
  });

  it('is not withdrawn while the content has errors: a sheet.yaml with a typo must not take its sheet offline', () => {
    const { out, sheet, build } = setUp();
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace('locales: [de]', 'locales: [de'));
    expect(build().status).toBe(1);
    expect(pdfsUnder(out)).toHaveLength(8);
    expect(manifest(out)).toHaveLength(4);
  });

  it('is not withdrawn by a build of another content folder into the same out/', () => {
    const { dir, out, build } = setUp();
    // Another content folder, the same regions but a sheet of another id.
    const other = path.join(dir, 'other');
    cpSync(path.join(dir, 'content'), other, { recursive: true });
    renameSync(path.join(other, 'sheets/kurz'), path.join(other, 'sheets/lang'));
    const sheet = path.join(other, 'sheets/lang/sheet.yaml');
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace('id: kurz', 'id: lang'));
    const r = runCli(['build', '--content', other, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('removed from');
    expect(pdfsUnder(out).filter((f) => f.startsWith('kurz/'))).toHaveLength(8);
    // And back: the first folder does not withdraw the other's PDFs either,
    expect(build().stderr).not.toContain('removed from');
    expect(pdfsUnder(out).filter((f) => f.startsWith('lang/'))).toHaveLength(4);
    // …nor at its next full build, when the manifest last named it (it took them for its own).
    const region = path.join(dir, 'content/regions/zweitort.yaml');
    writeFileSync(region, readFileSync(region, 'utf8').replace('Teststraße 1', 'Teststraße 2'));
    expect(build().stderr).not.toContain('removed from');
    expect(pdfsUnder(out).filter((f) => f.startsWith('lang/'))).toHaveLength(4);
    // What it did write is still its own to withdraw.
    rmSync(region);
    const withdrawn = build();
    expect(withdrawn.stderr).toContain('removed from');
    expect(pdfsUnder(out).filter((f) => f.includes('zweitort'))).toEqual(['lang/zweitort/lang-zweitort-de-aushang.pdf', 'lang/zweitort/lang-zweitort-de-infoblatt.pdf']);
  });

  it('is withdrawn from a manifest of the older id, and by a checkout elsewhere whose out/ links to a folder the workspaces share', async () => {
    const { dir, content, out, sheet, build } = setUp();
    // Manifests written before the id was a path seen from out/ named the folder by its real path.
    const { legacyContentIdOf } = await import('../../src/pipeline/withdraw.js');
    const file = path.join(out, 'manifest.json');
    const legacy = legacyContentIdOf(content);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { content: string; variants: Array<{ content: string }> };
    writeFileSync(file, JSON.stringify({ ...json, content: legacy, variants: json.variants.map((v) => ({ ...v, content: legacy })) }));
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace('templates: [infoblatt, aushang]', 'templates: [infoblatt]'));
    expect(build().status).toBe(0);
    expect(pdfsUnder(out).filter((f) => f.includes('aushang'))).toEqual([]);
    // A CI runner's other workspace, with out/ a link to the folder the workspaces publish from.
    const shared = path.join(tempDir(), 'shared-out');
    renameSync(out, shared);
    symlinkSync(shared, out);
    const moved = path.join(tempDir(), 'another workspace');
    cpSync(dir, moved, { recursive: true, verbatimSymlinks: true });
    rmSync(path.join(moved, 'content/regions/zweitort.yaml'));
    const r = runCli(['build', '--json'], { cwd: moved });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { withdrawn: string[] }).withdrawn.filter((f) => !f.endsWith('-print.pdf'))).toEqual(['kurz/zweitort/kurz-zweitort-de-infoblatt.pdf']);
    expect(pdfsUnder(shared).filter((f) => f.includes('zweitort'))).toEqual([]);
  });

  it('deletes by the documented names only: a manifest path pointing elsewhere is never followed', () => {
    const { dir, content, out, build } = setUp();
    const victim = path.join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    const manifestFile = path.join(out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { variants: Array<Record<string, unknown>> };
    manifest.variants.push({ sheet: 'alt', region: 'testort', locale: 'de', template: 'infoblatt', file: '../victim.txt', pages: 1, bytes: 7, sha256: 'x', inputHash: 'y' });
    manifest.variants.push({ sheet: '..', region: '..', locale: 'de', template: 'x', file: 'x.pdf', pages: 1, bytes: 1, sha256: 'x', inputHash: 'y' });
    // The withdrawn region's print files, unlisted (as a build killed outright leaves them).
    for (const entry of manifest.variants) if (entry.region === 'zweitort') delete entry.print;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    rmSync(path.join(content, 'regions/zweitort.yaml'));
    const orphan = path.join(out, 'kurz/zweitort/kurz-zweitort-de-aushang-print.pdf');
    expect(existsSync(orphan)).toBe(true);
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(existsSync(orphan)).toBe(false);
    expect(JSON.parse(readFileSync(manifestFile, 'utf8')).variants.map((e: Entry) => e.file)).toEqual(['kurz/testort/kurz-testort-de-aushang.pdf', 'kurz/testort/kurz-testort-de-infoblatt.pdf']);
  });
});


describe('removeWithdrawn', () => {
  it('removes what it can, and names a file it cannot remove, for a person to delete (it was a stack trace)', async () => {
    const { removeWithdrawn } = await import('../../src/pipeline/withdraw.js');
    const { OutputError } = await import('../../src/findings.js');
    const { mkdirSync } = await import('node:fs');
    const out = tempDir();
    mkdirSync(path.join(out, 's/r'), { recursive: true });
    writeFileSync(path.join(out, 's/r/a.pdf'), 'a');
    // Something in the way that cannot be unlinked as a file (a viewer holding it open does the same on Windows).
    mkdirSync(path.join(out, 's/r/b.pdf/inner'), { recursive: true });
    let thrown: unknown;
    try {
      removeWithdrawn(out, ['s/r/a.pdf', 's/r/b.pdf', 's/r/gone.pdf']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OutputError);
    expect((thrown as Error).message).toMatch(/^cannot remove the withdrawn PDF .*s\/r\/b\.pdf: .*\(E[A-Z]+\)\. The manifest and the index no longer list it: delete it by hand/);
    expect(existsSync(path.join(out, 's/r/a.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 's/r/b.pdf'))).toBe(true);
    // Recorded for the next build, which tries it again; once it is gone, so is the record.
    const { pendingRemovals, UNREMOVED_FILE } = await import('../../src/pipeline/withdraw.js');
    expect(pendingRemovals(out)).toEqual(['s/r/b.pdf']);
    rmSync(path.join(out, 's/r/b.pdf'), { recursive: true });
    removeWithdrawn(out, pendingRemovals(out));
    expect(existsSync(path.join(out, UNREMOVED_FILE))).toBe(false);
    // Only relative paths of PDFs inside out/ are taken from the record.
    writeFileSync(path.join(out, UNREMOVED_FILE), JSON.stringify(['../x.pdf', '/etc/passwd', 's/r/c.pdf', 's/r/notes.txt']));
    expect(pendingRemovals(out)).toEqual(['s/r/c.pdf']);
  });
});
