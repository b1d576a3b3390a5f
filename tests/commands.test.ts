import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../src/exit-codes.js';
import { contentDir, runCli, tempDir } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';

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
  it('writes a commented starter that validates once its fields are filled in', async () => {
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

    // The optional fields used as the file says ("remove the # at the start of a line"): the
    // notes beside them stay comments, and the web address becomes a link as written.
    const optional = filled.split('\n').map((line) => line.replace(/^  # (phone|email|web|hours): /, '  $1: ')).join('\n');
    expect(optional).toMatch(/^ {2}web: https:\/\/www\.example\.org\/bad-kreuznach +# https only$/m);
    writeFileSync(file, optional);
    const withOptional = runCli(['build', '--region', 'bad-kreuznach', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir });
    expect(withOptional.stderr).not.toContain('error');
    expect(withOptional.status).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(dir, 'out/zoom-datenschutz/bad-kreuznach/zoom-datenschutz-bad-kreuznach-de-infoblatt.pdf')));
    expect(pdf.links).toContain('https://www.example.org/bad-kreuznach');
    expect(pdf.text).not.toContain('https only');
  });

  it('refuses ids that are not slugs and files that exist', () => {
    const dir = tempDir(contentDir);
    const spaced = runCli(['new', 'region', 'Bad Kreuznach'], { cwd: dir });
    expect(spaced.status).toBe(ExitCode.usage);
    expect(spaced.stderr).toContain('did you mean "bad-kreuznach"?');
    expect(runCli(['new', 'region', 'bremen-süd'], { cwd: dir }).stderr).toContain('did you mean "bremen-sued"? The display name, umlauts and all, goes into the file\'s "name:".');
    expect(runCli(['new', 'region', 'Bremen'], { cwd: dir }).stderr).toContain('(did you mean "bremen"?)');
    expect(runCli(['new', 'region', ''], { cwd: dir }).stderr).toContain('"" is not a region id: use lowercase a–z, digits and hyphens, e.g. bremen or bad-kreuznach');
    // The file's name given for the id; a name with no letter a–z to make one of.
    expect(runCli(['new', 'region', 'bremen.yaml'], { cwd: dir }).stderr).toContain('(did you mean "bremen"?)');
    expect(runCli(['new', 'region', '東京'], { cwd: dir }).stderr).toContain('"東京" is not a region id: use lowercase a–z, digits and hyphens, e.g. bremen or bad-kreuznach');
    // A region asked for by its display name: the id, and how its file is named.
    const umlaut = runCli(['build', '--region', 'lüneburg'], { cwd: dir });
    expect(umlaut.status).toBe(ExitCode.usage);
    expect(umlaut.stderr).toContain('there is no region "lüneburg" (did you mean "lueneburg"?)');
    expect(umlaut.stderr).toContain('the file is named by its id: regions/lueneburg.yaml');
    // A region file not read for its name, asked for by the id it looks like; a file given for an id.
    writeFileSync(path.join(dir, 'content/regions/Bremen.yaml'), readFileSync(path.join(dir, 'content/regions/kiel.yaml')));
    writeFileSync(path.join(dir, 'content/regions/verden.yaml.txt'), readFileSync(path.join(dir, 'content/regions/kiel.yaml')));
    // A backup beside the region's own file is no mistake.
    writeFileSync(path.join(dir, 'content/regions/kiel.yaml.orig'), readFileSync(path.join(dir, 'content/regions/kiel.yaml')));
    expect(runCli(['build', '--region', 'bremen'], { cwd: dir }).stderr).toContain('there is no region "bremen"; regions: frankfurt, hamburg, kiel, koeln, leipzig, lueneburg, muenchen. regions/Bremen.yaml looks like it, but is not read: rename it to bremen.yaml');
    expect(runCli(['build', '--region', 'verden'], { cwd: dir }).stderr).toContain('regions/verden.yaml.txt looks like it, but is not read: rename it to verden.yaml');
    const check = runCli(['check', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir });
    expect(check.stderr).toContain('content/regions/verden.yaml.txt:1:1  error  "verden.yaml.txt" is ignored, so this region is not built: region files end in .yaml');
    expect(check.stderr).toContain('"Bremen" is not a valid region id (the file name is the id), so this region is not built');
    expect(check.stderr).not.toContain('kiel.yaml.orig');
    expect(runCli(['build', '--region', 'content/regions/kiel.yaml'], { cwd: dir }).stderr).toContain('there is no region "content/regions/kiel.yaml" (did you mean "kiel"?)');
    // Longer ids made file names the file system refused when the build wrote the PDFs.
    const long = runCli(['new', 'region', 'a'.repeat(65)], { cwd: dir });
    expect([long.status, long.stderr]).toEqual([ExitCode.usage, expect.stringContaining(`the region id "${'a'.repeat(40)}…" is 65 characters long; region ids may be at most 64`)]);
    expect(runCli(['new', 'sheet', 'a'.repeat(65)], { cwd: dir }).stderr).toContain('is 65 characters long; sheet ids may be at most 64');
    const again = runCli(['new', 'region', 'hamburg'], { cwd: dir });
    expect(again.status).toBe(ExitCode.usage);
    expect(again.stderr).toContain('exists already');
  });
});

describe('infoblatt new sheet', () => {
  it('writes sheet.yaml and a commented text that build into every region once filled in', async () => {
    const dir = tempDir(contentDir);
    const r = runCli(['new', 'sheet', 'betriebsratswahl'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('wrote content/sheets/betriebsratswahl/sheet.yaml and content/sheets/betriebsratswahl/de.yaml');
    expect(r.stderr).toContain('npx infoblatt check --sheet betriebsratswahl');
    const text = path.join(dir, 'content/sheets/betriebsratswahl/de.yaml');

    // As written, every empty field is named with its line; the other sheet still builds.
    const empty = runCli(['check', '--sheet', 'betriebsratswahl'], { cwd: dir });
    expect(empty.status).toBe(ExitCode.content);
    for (const field of ['title', 'kicker', 'lead', 'sections\\[0\\]\\.heading', 'sections\\[0\\]\\.body']) {
      expect(empty.stderr).toMatch(new RegExp(`betriebsratswahl/de\\.yaml:\\d+:\\d+  error  ${field}: "[a-z]+" is empty`));
    }
    // The paragraphs' hint shows how to write several lines, which a one-line example cannot.
    expect(empty.stderr).toContain('hint: Fill it in: write body: | and the text on the lines below, indented two spaces more than "body".');
    expect(runCli(['check', '--sheet', 'zoom-datenschutz', '--region', 'kiel'], { cwd: dir }).stderr).toContain('all 9 variants can be built');

    writeFileSync(text, readFileSync(text, 'utf8')
      .replace('title: ""', 'title: Betriebsratswahl 2026')
      .replace('kicker: ""', 'kicker: "Die IG Metall {region.name} informiert"')
      .replace('lead: ""', 'lead: Im Frühjahr wählen die Beschäftigten ihren Betriebsrat.')
      .replace('heading: ""', 'heading: Wer darf wählen?')
      .replace('body: ""', 'body: Alle Beschäftigten ab 16 Jahren.'));
    // The starter is dated today; a fixed date then shows the German form, from the PDF.
    const meta = path.join(dir, 'content/sheets/betriebsratswahl/sheet.yaml');
    expect(readFileSync(meta, 'utf8')).toMatch(/^date: \d{4}-\d\d-\d\d /m);
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/date: \d{4}-\d\d-\d\d/, 'date: 2026-03-09'));
    const built = runCli(['build', '--sheet', 'betriebsratswahl', '--json'], { cwd: dir });
    expect(built.stderr).not.toMatch(/warning|error/);
    expect(built.status).toBe(0);
    const variants = (JSON.parse(built.stdout) as { variants: Array<{ region: string; file: string; status: string }> }).variants;
    expect(variants).toHaveLength(7);
    expect(variants.every((v) => v.status === 'built')).toBe(true);
    const kiel = await readPdf(readFileSync(path.join(dir, 'out/betriebsratswahl/kiel/betriebsratswahl-kiel-de-infoblatt.pdf')));
    expect(kiel.text).toContain('Die IG Metall Kiel-Neumünster informiert'.toLocaleUpperCase('de'));
    expect(kiel.text).toContain('Stand: 9. März 2026');
  });

  it('refuses ids that are not slugs, unknown language codes and sheets that exist', () => {
    const dir = tempDir(contentDir);
    expect(runCli(['new', 'sheet', 'Betriebsratswahl 2026'], { cwd: dir }).status).toBe(ExitCode.usage);
    expect(runCli(['new', 'sheet', 'wahl', '--locale', 'Deutsch'], { cwd: dir }).status).toBe(ExitCode.usage);
    const again = runCli(['new', 'sheet', 'zoom-datenschutz'], { cwd: dir });
    expect(again.status).toBe(ExitCode.usage);
    expect(again.stderr).toContain('exists already');
  });
});
