import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, root, runCli, tempDir } from '../helpers/cli.js';

/** Never lose work: a build killed outright leaves every earlier PDF whole and no partial file. */

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const everything = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
const args = ['build', '--template', 'infoblatt', '--region', 'hamburg,kiel,koeln', '--out', 'out'];

/**
 * A content copy with its nine PDFs built: the earlier work a stopped build must not lose. Built
 * once for this file; each test gets a copy of the folder, content and out/ alike.
 */
let earlier: string | undefined;
function builtCopy(): string {
  if (!earlier) {
    earlier = tempDir(contentDir);
    expect(runCli(args, { cwd: earlier }).status).toBe(0);
  }
  const dir = tempDir();
  cpSync(earlier, dir, { recursive: true });
  return dir;
}

describe('a build killed mid-way (SIGKILL)', () => {
  it('leaves every earlier PDF intact, no partial file, and a manifest listing only files that exist', async () => {
    const dir = builtCopy();
    const out = path.join(dir, 'out');
    const before = new Map(everything(out).filter((f) => f.endsWith('.pdf')).map((f) => [f, sha(path.join(out, f))]));
    expect(before.size).toBe(9);

    // Change every variant, then kill the rebuild once the first new PDF has been written.
    const brand = path.join(dir, 'content/brand.yaml');
    writeFileSync(brand, readFileSync(brand, 'utf8').replace(/primary: "#[0-9A-Fa-f]{6}"/, 'primary: "#123456"'));
    const child = spawn(process.execPath, [path.join(root, 'bin/infoblatt.js'), ...args, '--jobs', '1'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    await waitFor(child, '✓');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    const after = everything(out);
    const pdfs = after.filter((f) => f.endsWith('.pdf'));
    // Every PDF is still there, each one whole: either the earlier file or a complete new one.
    expect(pdfs).toEqual([...before.keys()]);
    let replaced = 0;
    for (const f of pdfs) {
      const bytes = readFileSync(path.join(out, f));
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
      if (sha(path.join(out, f)) !== before.get(f)) replaced += 1;
    }
    expect(replaced).toBeGreaterThanOrEqual(1);
    expect(replaced).toBeLessThan(9);
    // Nothing else: no temporary or truncated file (directories aside). The killed build's lock
    // on out/ stays, naming a process that no longer runs: the next build takes it over.
    const files = after.filter((f) => statSync(path.join(out, f)).isFile());
    const published = (f: string) => f.endsWith('.pdf') || f === 'manifest.json' || f === 'index.html' || /^_thumbnails\/[0-9a-f]{64}-[0-9a-f]{12}\.png$/.test(f);
    expect(files.filter((f) => !published(f))).toEqual(['.infoblatt-build.lock']);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { variants: Array<{ file: string }> };
    for (const v of manifest.variants) expect(existsSync(path.join(out, v.file)), v.file).toBe(true);

    // The next build finishes the job and the manifest matches the files byte for byte.
    const again = runCli(args, { cwd: dir });
    expect(again.status).toBe(0);
    const final = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { variants: Array<{ file: string; sha256: string }> };
    expect(final.variants).toHaveLength(9);
    for (const v of final.variants) expect(sha(path.join(out, v.file))).toBe(v.sha256);
    expect(everything(out).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });
});

/** Resolves at the first line of `child`'s stderr that contains `text`; fails if it exits first. */
function waitFor(child: ReturnType<typeof spawn>, text: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => d.toString().includes(text) && resolve());
    child.on('exit', (code) => reject(new Error(`the build exited (${code}) before printing "${text}"`)));
  });
}

describe('a build stopped by SIGTERM (a CI job cancelled) or Ctrl-C', () => {
  it('exits 143, with a manifest that describes the files on disk, and leaves no print file that nothing lists', async () => {
    const dir = builtCopy();
    const out = path.join(dir, 'out');
    // The date is on every page (a brand colour would need its CMYK value for --print).
    const sheet = path.join(dir, 'content/sheets/zoom-datenschutz/sheet.yaml');
    const redate = (day: string) => writeFileSync(sheet, readFileSync(sheet, 'utf8').replace(/date: \d{4}-\d\d-\d\d/, `date: 2020-05-${day}`));

    // Every variant changes; the build is stopped once its first PDF (and print file) is written.
    redate('06');
    const child = spawn(process.execPath, [path.join(root, 'bin/infoblatt.js'), ...args, '--print', '--jobs', '1', '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    await waitFor(child, '✓');
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('close', (c, sig) => resolve(c ?? sig)));
    expect(code).toBe(143);
    expect(stderr).toContain('stopped; the PDFs finished so far are kept and listed in the manifest');
    // A script reading --json (build --json | jq) gets JSON that says so, not nothing.
    expect(JSON.parse(stdout)).toEqual({ ok: false, exitCode: 143, error: 'stopped by a signal' });

    // The manifest names what is on disk: a new PDF is never listed under its old hash.
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { variants: Array<{ file: string; sha256: string; print?: { file: string; sha256: string } }> };
    expect(manifest.variants).toHaveLength(9);
    for (const v of manifest.variants) expect(sha(path.join(out, v.file)), v.file).toBe(v.sha256);
    const printFiles = everything(out).filter((f) => f.endsWith('-print.pdf'));
    expect(printFiles.length).toBeGreaterThanOrEqual(1);
    expect(printFiles).toEqual(manifest.variants.flatMap((v) => (v.print ? [v.print.file] : [])).sort());
    for (const v of manifest.variants) if (v.print) expect(sha(path.join(out, v.print.file))).toBe(v.print.sha256);
    // The index page links what the manifest lists, no more and no less (it stayed as the last
    // build left it, without the new print file, until the next build).
    const linked = [...readFileSync(path.join(out, 'index.html'), 'utf8').matchAll(/href="([^"]+\.pdf)"/g)].map((m) => decodeURI(m[1]!));
    expect([...new Set(linked)].sort()).toEqual(manifest.variants.flatMap((v) => [v.file, ...(v.print ? [v.print.file] : [])]).sort());

    // A later build without --print, after another change, leaves no print file of older inputs.
    redate('07');
    expect(runCli(args, { cwd: dir }).status).toBe(0);
    expect(everything(out).filter((f) => f.endsWith('-print.pdf'))).toEqual([]);
  });
});

