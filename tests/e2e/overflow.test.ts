import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';

/**
 * Text that cannot break and is wider than its box is a content error with the place it is
 * written, in `build` and `check` alike: a street name in a region's file, and a kicker word
 * in the sheet's text that the word list keeps whole. The other variants are built.
 */

function contentWith(edit: (file: string, text: string) => string, file: string): string {
  const dir = tempDir(contentDir);
  const target = path.join(dir, 'content', file);
  writeFileSync(target, edit(file, readFileSync(target, 'utf8')));
  return dir;
}

describe('text wider than its box', () => {
  it('a region detail: the variant fails, with the file, line and column of the value', () => {
    // A street name is never hyphenated (names break only at their own hyphens); the flyer's and
    // the poster's contact columns are narrower than the info sheet's for it.
    const street = 'Donaudampfschifffahrtsgesellschaftsstraße';
    const dir = contentWith((_, t) => t.replace('street: Legienstraße 22', `street: ${street} 22`), 'regions/kiel.yaml');
    const r = runCli(['build', '--region', 'kiel', '--locale', 'de', '--json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`content/regions/kiel\\.yaml:6:\\d+ {2}error {2}contact\\.street: zoom-datenschutz · kiel · de, in 2 templates \\(aushang, flyer\\): "${street}" is wider than its line`));
    expect(r.stderr).toContain('hint: Shorten it, or write it with spaces where it may break');
    const variants = JSON.parse(r.stdout).variants as Array<{ template: string; status: string; reason?: string }>;
    expect(variants.map((v) => `${v.template} ${v.status}`)).toEqual(['aushang failed', 'flyer failed', 'infoblatt built']);
    expect(variants.find((v) => v.template === 'flyer')!.reason).toBe('not built: text runs past its box (see below)');
    const check = runCli(['check', '--region', 'kiel', '--locale', 'de'], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('zoom-datenschutz · kiel · de, in 2 templates (aushang, flyer): "Donaudampfschifffahrtsgesellschaftsstraße" is wider than its line and runs past its box');
    // In every language: still one finding at the street, naming the six variants it breaks.
    const every = JSON.parse(runCli(['check', '--region', 'kiel', '--format', 'json'], { cwd: dir }).stdout) as Array<{ path: string; message: string }>;
    expect(every.filter((f) => f.path === 'contact.street').map((f) => f.message)).toEqual([
      `zoom-datenschutz · kiel, in 6 variants (languages de, en, tr; templates aushang, flyer): "${street}" is wider than its line and runs past its box`,
    ]);
  });

  it('a word of the sheet: the finding points at it in the text of that language', () => {
    const long = 'Videokonferenzdatenschutzvereinbarungsbestimmungen';
    const dir = contentWith((_, t) => t.replace(/^kicker: .*$/m, `kicker: ${long} der IG Metall {region.name}`), 'sheets/zoom-datenschutz/de.yaml');
    // A display line divides a word wider than its line, unless the word list keeps it whole.
    const brand = path.join(dir, 'content/brand.yaml');
    writeFileSync(brand, readFileSync(brand, 'utf8').replace('    - Explorer\n', `    - Explorer\n    - ${long}\n`));
    const r = runCli(['build', '--region', 'hamburg', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir });
    expect(r.status).toBe(1);
    const line = readFileSync(path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('kicker:')) + 1;
    expect(r.stderr).toMatch(new RegExp(`content/sheets/zoom-datenschutz/de\\.yaml:${line}:\\d+ {2}error {2}kicker: .*"${long.toLocaleUpperCase('de')}" is wider than its line`));
    expect(r.stderr).toContain('hint: Shorten it, or break it with a hyphen');
    // In several regions it is one finding that names them, not one per region.
    const all = runCli(['check', '--region', 'hamburg,kiel,leipzig', '--locale', 'de', '--template', 'infoblatt', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(all.stdout) as Array<{ message: string }>;
    expect(findings.map((f) => f.message)).toEqual([`zoom-datenschutz · de · infoblatt, in 3 regions (hamburg, kiel, leipzig): "${long.toLocaleUpperCase('de')}" is wider than its line and runs past its box`]);
  });
});
