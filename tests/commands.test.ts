import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../src/exit-codes.js';
import { contentDir, runCli, tempDir } from './helpers/cli.js';

describe('infoblatt list', () => {
  it('prints the whole matrix with each variant’s output path', () => {
    const r = runCli(['list', '--json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout).variants as Array<{ region: string; locale: string; file: string }>;
    expect(rows).toHaveLength(63); // 7 regions × 3 languages × 3 templates
    expect(rows).toContainEqual(expect.objectContaining({ region: 'lueneburg', locale: 'tr', file: 'zoom-datenschutz/lueneburg/zoom-datenschutz-lueneburg-tr-infoblatt.pdf' }));
    const table = runCli(['list', '--region', 'hamburg']).stdout;
    expect(table).toContain('zoom-datenschutz  hamburg  de      infoblatt  zoom-datenschutz/hamburg/zoom-datenschutz-hamburg-de-infoblatt.pdf');
    expect(table).toContain('9 variants');
  });
});

describe('infoblatt new region', () => {
  it('writes a commented starter that validates once its fields are filled in', () => {
    const dir = tempDir(contentDir);
    const r = runCli(['new', 'region', 'bad-kreuznach'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('wrote content/regions/bad-kreuznach.yaml');
    expect(r.stderr).toContain('npx infoblatt build --region bad-kreuznach');
    expect(r.stderr).toContain('npx infoblatt check --region bad-kreuznach');
    const file = path.join(dir, 'content/regions/bad-kreuznach.yaml');

    // As written, every empty field is named.
    const empty = runCli(['build', '--region', 'bad-kreuznach'], { cwd: dir });
    expect(empty.status).toBe(ExitCode.content);
    for (const field of ['name', 'office', 'street', 'postcode', 'city']) expect(empty.stderr).toMatch(new RegExp(`bad-kreuznach\\.yaml:\\d+:\\d+  error  [a-z.]*${field}: "${field}" is empty`));

    const filled = readFileSync(file, 'utf8')
      .replace('name: ""', 'name: Bad Kreuznach')
      .replace('office: ""', 'office: IG Metall Bad Kreuznach')
      .replace('street: ""', 'street: Kurhausstraße 1')
      .replace('postcode: ""', 'postcode: "55543"')
      .replace('city: ""', 'city: Bad Kreuznach');
    writeFileSync(file, filled);
    const built = runCli(['build', '--region', 'bad-kreuznach', '--locale', 'de'], { cwd: dir });
    expect(built.stderr).not.toContain('error');
    expect(built.status).toBe(0);
  });

  it('refuses ids that are not slugs and files that exist', () => {
    const dir = tempDir(contentDir);
    expect(runCli(['new', 'region', 'Bad Kreuznach'], { cwd: dir }).status).toBe(ExitCode.usage);
    const again = runCli(['new', 'region', 'hamburg'], { cwd: dir });
    expect(again.status).toBe(ExitCode.usage);
    expect(again.stderr).toContain('exists already');
  });
});
