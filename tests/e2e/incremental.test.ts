import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';
import { sharedMatrix, sharedPrint } from '../helpers/shared-build.js';

/** The matrix: identical bytes whatever the number of threads, and nothing rendered twice. */

function pdfBytes(out: string): Map<string, Buffer> {
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.pdf'));
  return new Map(files.map((e) => [path.relative(out, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))]));
}

describe('infoblatt build of the whole matrix', () => {
  // The one-thread build is the run's shared matrix (tests/helpers/shared-build.ts): read only.
  const { out: one, run: runOne } = sharedMatrix();
  const two = tempDir();
  const runTwo = runCli(['build', '--out', two, '--jobs', '2', '--json']);

  it('renders every sheet × region × locale × template', () => {
    expect(runOne.status).toBe(0);
    const variants = JSON.parse(runOne.stdout).variants as Array<{ status: string }>;
    expect(variants).toHaveLength(7 * 3 * 3); // regions × languages × templates
    expect(variants.every((v) => v.status === 'built')).toBe(true);
  });

  it('gives byte-identical PDFs with one thread and with two', () => {
    expect(runTwo.status).toBe(0);
    const a = pdfBytes(one);
    const b = pdfBytes(two);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, bytes] of a) expect([file, bytes.equals(b.get(file)!)]).toEqual([file, true]);
  });

  it('gives the same bytes with and without the shaping and layout caches', () => {
    const plain = tempDir();
    const env = { INFOBLATT_SHAPING_CACHE: 'off', INFOBLATT_LAYOUT_CACHE: 'off' };
    expect(runCli(['build', '--out', plain, '--locale', 'tr,de', '--region', 'muenchen,hamburg'], { env }).status).toBe(0);
    const built = pdfBytes(one);
    expect(pdfBytes(plain).size).toBe(2 * 2 * 3);
    for (const [file, bytes] of pdfBytes(plain)) expect([file, bytes.equals(built.get(file)!)]).toEqual([file, true]);
  });

  it('never writes to a cached text layout, in any version (frozen layouts, same bytes)', () => {
    const frozen = tempDir();
    // Two regions, so that layouts are reused across them; German (Hamburg's own paragraphs) and Turkish.
    const r = runCli(['build', '--out', frozen, '--region', 'kiel,hamburg', '--locale', 'de,tr', '--print', '--archive'], { env: { INFOBLATT_LAYOUT_CACHE: 'check' } });
    expect(r.stderr).not.toContain('TypeError');
    expect(r.status).toBe(0);
    const built = pdfBytes(one);
    const screen = [...pdfBytes(frozen)].filter(([file]) => !/-(print|pdfa)\.pdf$/.test(file));
    expect(screen).toHaveLength(2 * 2 * 3);
    for (const [file, bytes] of screen) expect([file, bytes.equals(built.get(file)!)]).toEqual([file, true]);
    // The print and archival versions too, against the same build without the check.
    const print = pdfBytes(sharedPrint().out);
    expect(print.size).toBe(2 * 3 * 3 * 3);
    expect(pdfBytes(frozen).size).toBe(2 * 2 * 3 * 3);
    for (const [file, bytes] of pdfBytes(frozen)) expect([file, bytes.equals(print.get(file)!)]).toEqual([file, true]);
  });

  it('renders nothing the second time and says so; --force renders all', () => {
    // Into a copy of the shared output, which other test files read meanwhile.
    const copy = tempDir();
    cpSync(one, copy, { recursive: true });
    const again = runCli(['build', '--out', copy, '--json']);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('nothing to render: all 63 variants are unchanged');
    expect(JSON.parse(again.stdout).variants.every((v: { status: string }) => v.status === 'unchanged')).toBe(true);
    const forced = runCli(['build', '--template', 'infoblatt', '--out', copy, '--force', '--region', 'kiel', '--json']);
    expect(JSON.parse(forced.stdout).variants.map((v: { status: string }) => v.status)).toEqual(['built', 'built', 'built']);
  });

  it('renders again exactly the variants whose inputs changed', () => {
    const dir = tempDir(contentDir);
    const out = path.join(dir, 'out');
    expect(runCli(['build', '--template', 'infoblatt', '--region', 'kiel,koeln'], { cwd: dir }).status).toBe(0);
    const region = path.join(dir, 'content/regions/kiel.yaml');
    writeFileSync(region, readFileSync(region, 'utf8').replace('Legienstraße 22', 'Legienstraße 24'));
    const r = runCli(['build', '--template', 'infoblatt', '--region', 'kiel,koeln', '--json'], { cwd: dir });
    const status = JSON.parse(r.stdout).variants.map((v: { region: string; locale: string; status: string }) => `${v.region}/${v.locale} ${v.status}`);
    expect(status).toEqual(['kiel/de built', 'kiel/en built', 'kiel/tr built', 'koeln/de unchanged', 'koeln/en unchanged', 'koeln/tr unchanged']);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).variants as Array<{ inputHash: string }>;
    expect(manifest).toHaveLength(6);
    expect(manifest.every((e) => /^[0-9a-f]{64}$/.test(e.inputHash))).toBe(true);

    // The brand is part of every variant: its German footer renders the German ones, a colour all.
    const brand = path.join(dir, 'content/brand.yaml');
    const statuses = () => JSON.parse(runCli(['build', '--template', 'infoblatt', '--region', 'kiel,koeln', '--json'], { cwd: dir }).stdout).variants
      .map((v: { region: string; locale: string; status: string }) => `${v.region}/${v.locale} ${v.status}`);
    writeFileSync(brand, readFileSync(brand, 'utf8').replace('Informationen für Mitglieder', 'Informationen für unsere Mitglieder'));
    expect(statuses()).toEqual(['kiel/de built', 'kiel/en unchanged', 'kiel/tr unchanged', 'koeln/de built', 'koeln/en unchanged', 'koeln/tr unchanged']);
    writeFileSync(brand, readFileSync(brand, 'utf8').replace(/muted: "#[0-9A-Fa-f]{6}"/, 'muted: "#606060"'));
    expect(statuses()).toEqual(['kiel/de built', 'kiel/en built', 'kiel/tr built', 'koeln/de built', 'koeln/en built', 'koeln/tr built']);
  });

  it('renders a region\'s flyer and poster again only when something they print changed, not for an addition to a section', () => {
    const dir = tempDir(contentDir);
    const build = () => JSON.parse(runCli(['build', '--region', 'hamburg', '--locale', 'de', '--json'], { cwd: dir }).stdout).variants
      .map((v: { template: string; status: string }) => `${v.template} ${v.status}`);
    expect(build()).toEqual(['aushang built', 'flyer built', 'infoblatt built']);
    const region = path.join(dir, 'content/regions/hamburg.yaml');
    writeFileSync(region, readFileSync(region, 'utf8').replace('Aufzeichnungen stattfinden.', 'Aufzeichnungen stattfinden, auch nicht bei Webinaren.'));
    expect(build()).toEqual(['aushang unchanged', 'flyer unchanged', 'infoblatt built']);
    writeFileSync(region, readFileSync(region, 'utf8').replace('Besenbinderhof 60', 'Besenbinderhof 62'));
    expect(build()).toEqual(['aushang built', 'flyer built', 'infoblatt built']);
  });
});
