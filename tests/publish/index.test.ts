import { closeSync, cpSync, existsSync, mkdirSync, openSync, readSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { fixtures, root, runCli, tempDir } from '../helpers/cli.js';

/** out/index.html: every variant with a page-1 thumbnail, self-contained, deterministic, cheap when nothing changed. */

function minimalWithTwoRegions(): string {
  const dir = tempDir(path.join(fixtures, 'minimal'));
  const regions = path.join(dir, 'content/regions');
  writeFileSync(path.join(regions, 'zweitort.yaml'), readFileSync(path.join(regions, 'testort.yaml'), 'utf8').replace('name: Testort', 'name: Zweitort'));
  return dir;
}

const build = (dir: string, out = 'out', ...args: string[]) => {
  const r = runCli(['build', '--out', out, '--json', ...args], { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { index: { written: boolean; thumbnails: number; failed: string[] }; variants: Array<{ file: string; sha256: string; status: string }> };
};

/** A thumbnail's file name: the PDF's sha256 and the fingerprint of the tool that drew it. */
const fingerprint = (JSON.parse(readFileSync(path.join(root, 'dist', 'tool.json'), 'utf8')) as { fingerprint: string }).fingerprint;
const thumbnail = (sha256: string) => `${sha256}-${fingerprint.slice(0, 12)}.png`;

/** The test brand's primary colour as [r, g, b]. */
const primary = (/primary: "#([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})"/.exec(readFileSync(path.join(fixtures, 'minimal', 'brand.yaml'), 'utf8')) ?? []).slice(1).map((h) => parseInt(h, 16));

it('speaks English for sheets written in English, and a language it has no words for', async () => {
  const { indexWords } = await import('../../src/publish/index-words.js');
  expect(indexWords('en').download).toBe('Download');
  expect(indexWords('fr').download).toBe('Download');
  expect(indexWords('de').download).toBe('Herunterladen');
  expect(indexWords('tr').extra.print).toBe('Matbaa için');
});

it('names every template the tool has in each language of the page: a new template needs its words', async () => {
  const { indexWords } = await import('../../src/publish/index-words.js');
  const { templateIds } = await import('../../templates/index.js');
  for (const lang of ['de', 'en', 'tr']) expect([lang, Object.keys(indexWords(lang).templates).sort()]).toEqual([lang, [...templateIds].sort()]);
});

it('lists a region\'s templates in the tool\'s order, sizes as the page\'s language writes them, and says what each picture shows', async () => {
  const { renderIndexHtml } = await import('../../src/publish/index-page.js');
  const { indexWords } = await import('../../src/publish/index-words.js');
  const entry = (template: string, bytes: number) => ({ sheet: 's', region: 'r', locale: 'de', template, file: `s/r/s-r-de-${template}.pdf`, pages: 1, bytes, sha256: template, inputHash: 'h' });
  const entries = [entry('aushang', 40_000), entry('flyer', 38_707), entry('infoblatt', 52_428)];
  const page = (lang: string) => renderIndexHtml({ entries, labels: { sheets: {}, regions: {}, locales: { de: 'Deutsch' } }, thumbnails: new Set(entries.map((e) => e.file)), organisation: 'O', accent: '#000000', words: indexWords(lang) });
  const german = page('de');
  // The info sheet first, as the tool lists its templates; not aushang, flyer, infoblatt by id.
  expect([...german.matchAll(/<span class="template">([^<]+)<\/span>/g)].map((m) => m[1])).toEqual(['Infoblatt', 'Flyer', 'Aushang']);
  expect(german).toContain('1 Seite · 37,8\u00a0KiB');
  expect(page('en')).toContain('1 page · 37.8\u00a0KiB');
  expect(german).toContain('alt="Seite 1 (Flyer, Deutsch)"');
});

it('titles a sheet with the quotes and apostrophes its PDFs print', () => {
  const dir = tempDir(path.join(fixtures, 'minimal'));
  const de = path.join(dir, 'content/sheets/kurz/de.yaml');
  writeFileSync(de, readFileSync(de, 'utf8').replace(/^title: .*$/m, `title: "Wahl - so geht's"`));
  build(dir);
  expect(readFileSync(path.join(dir, 'out', 'index.html'), 'utf8')).toContain('<h2>Wahl – so geht’s</h2>');
});

describe('out/index.html', () => {
  const dir = minimalWithTwoRegions();
  const first = build(dir);
  const out = path.join(dir, 'out');
  const html = readFileSync(path.join(out, 'index.html'), 'utf8');

  it('lists every variant, grouped by sheet and region, with pages, size, a thumbnail and a download link', () => {
    expect(first.index).toEqual({ written: true, thumbnails: 2, failed: [] });
    expect(html).toContain('<h2>Ein kurzes Testblatt</h2>');
    // The rules under the sheets' names in the brand's colour (this brand's is blue).
    expect(html).toContain('border-bottom: 2px solid #1F5FA8;');
    expect(html.indexOf('<h3>Testort</h3>')).toBeGreaterThan(0);
    expect(html.indexOf('<h3>Zweitort</h3>')).toBeGreaterThan(html.indexOf('<h3>Testort</h3>'));
    for (const v of first.variants) {
      expect(html).toContain(`<a href="${v.file}" download>Herunterladen</a>`);
      expect(html).toContain(`src="_thumbnails/${thumbnail(v.sha256)}"`);
      const png = PNG.sync.read(readFileSync(path.join(out, '_thumbnails', thumbnail(v.sha256))));
      expect(png.width).toBe(240);
      expect(png.height).toBeGreaterThan(300);
      // A page with a header and text (the short test sheet inks ~2 %), not a blank picture.
      let ink = 0;
      for (let i = 0; i < png.data.length; i += 4) if (Math.min(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!) < 200) ink++;
      expect(ink / (png.width * png.height)).toBeGreaterThan(0.01);
      expect(ink / (png.width * png.height)).toBeLessThan(0.5);
      // In the brand's colours: its primary colour is there, and not with red and blue swapped.
      const near = (i: number, [r, g, b]: number[]) => Math.abs(png.data[i]! - r!) + Math.abs(png.data[i + 1]! - g!) + Math.abs(png.data[i + 2]! - b!) < 40;
      let brand = 0;
      let swapped = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        if (near(i, primary)) brand++;
        if (near(i, [...primary].reverse())) swapped++;
      }
      // (The test page shows the colour in its mark, kicker and headings: ~50 pixels.)
      expect(brand).toBeGreaterThan(20);
      expect(swapped).toBeLessThan(brand / 10);
    }
    expect(html).toMatch(/Deutsch/);
    // The page speaks the sheets' source language (German here).
    expect(html).toContain('<html lang="de">');
    expect(html).toMatch(/\d+ Seiten? · \d+,\d\u00a0KiB/);
    expect(html).toContain('<span class="template">Infoblatt</span>');
  });

  it('makes no request outside out/: every link and picture is a file in out/', () => {
    const refs = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).not.toMatch(/^[a-z]+:|^\/\/|^\//i);
      expect(existsSync(path.join(out, ref)), ref).toBe(true);
    }
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
  });

  it('is deterministic: another build of the same content gives the same page and pictures', () => {
    build(dir, 'again');
    expect(readFileSync(path.join(dir, 'again', 'index.html'), 'utf8')).toBe(html);
    for (const name of readdirSync(path.join(out, '_thumbnails'))) {
      expect(readFileSync(path.join(dir, 'again', '_thumbnails', name)).equals(readFileSync(path.join(out, '_thumbnails', name)))).toBe(true);
    }
  });

  it('renders no thumbnail and leaves the page alone when nothing changed', () => {
    const before = statSync(path.join(out, 'index.html')).mtimeMs;
    expect(build(dir).index).toEqual({ written: false, thumbnails: 0, failed: [] });
    expect(statSync(path.join(out, 'index.html')).mtimeMs).toBe(before);
  });

  it('renders the thumbnail of a changed PDF only, and drops the old one', () => {
    const copy = tempDir();
    cpSync(dir, copy, { recursive: true });
    const region = path.join(copy, 'content/regions/zweitort.yaml');
    writeFileSync(region, readFileSync(region, 'utf8').replace('Teststraße 1', 'Teststraße 2'));
    // The page is replaced whole: a web server sending the old one while the build runs sends it complete.
    const page = path.join(copy, 'out', 'index.html');
    const before = { inode: statSync(page).ino, text: readFileSync(page, 'utf8') };
    const reader = openSync(page, 'r');
    const next = build(copy);
    expect(next.index).toEqual({ written: true, thumbnails: 1, failed: [] });
    expect(statSync(page).ino).not.toBe(before.inode);
    const held = Buffer.alloc(before.text.length * 2);
    expect(held.subarray(0, readSync(reader, held, 0, held.length, 0)).toString('utf8')).toBe(before.text);
    closeSync(reader);
    expect(readdirSync(path.join(copy, 'out', '_thumbnails')).sort()).toEqual(next.variants.map((v) => thumbnail(v.sha256)).sort());
  });

  it('draws the missing thumbnail of a PDF from an earlier run, and renders no PDF for it', () => {
    const copy = tempDir();
    cpSync(dir, copy, { recursive: true });
    const [gone, kept] = first.variants;
    const png = path.join(copy, 'out', '_thumbnails', thumbnail(gone!.sha256));
    const drawn = readFileSync(png);
    rmSync(png);
    const next = build(copy);
    expect(next.variants.map((v) => [v.sha256, v.status])).toEqual(first.variants.map((v) => [v.sha256, 'unchanged']));
    expect(next.index).toEqual({ written: false, thumbnails: 1, failed: [] });
    expect(readFileSync(png).equals(drawn)).toBe(true);
    expect(existsSync(path.join(copy, 'out', '_thumbnails', thumbnail(kept!.sha256)))).toBe(true);
  });

  it('draws the thumbnails again when another version of infoblatt drew them, and removes those', () => {
    const copy = tempDir();
    cpSync(dir, copy, { recursive: true });
    const thumbnails = path.join(copy, 'out', '_thumbnails');
    // As left by a build with another tool (say, one whose drawing had a bug): same PDFs.
    for (const v of first.variants) renameSync(path.join(thumbnails, thumbnail(v.sha256)), path.join(thumbnails, `${v.sha256}-0123456789ab.png`));
    const next = build(copy);
    expect(next.variants.map((v) => [v.sha256, v.status])).toEqual(first.variants.map((v) => [v.sha256, 'unchanged']));
    expect(next.index.thumbnails).toBe(first.variants.length);
    expect(readdirSync(thumbnails).sort()).toEqual(first.variants.map((v) => thumbnail(v.sha256)).sort());
  });

  it('links each variant\'s print and archival versions when the build made them, and drops the links when they are gone', () => {
    const extras = tempDir(path.join(fixtures, 'minimal'));
    const made = build(extras, 'out', '--print', '--archive');
    const page = readFileSync(path.join(extras, 'out', 'index.html'), 'utf8');
    expect(made.variants).toHaveLength(1);
    for (const v of made.variants) {
      const base = v.file.replace(/\.pdf$/, '');
      for (const [file, label] of [[`${base}-print.pdf`, 'Für die Druckerei'], [`${base}-pdfa.pdf`, 'Archivfassung (PDF/A)']] as const) {
        expect(page).toMatch(new RegExp(`<a href="${file}" download>${label.replace(/[()/]/g, '\\$&')}</a> <span class="size">\\d+,\\d\u00a0KiB</span>`));
        expect(existsSync(path.join(extras, 'out', file)), file).toBe(true);
      }
    }
    // Kept by a build without the options while current; once the content changes, such a build
    // removes them (outputs.ts), and the links go with them.
    build(extras, 'out');
    expect(readFileSync(path.join(extras, 'out', 'index.html'), 'utf8')).toBe(page);
    const region = path.join(extras, 'content/regions/testort.yaml');
    writeFileSync(region, readFileSync(region, 'utf8').replace('name: Testort', 'name: Testort an der See'));
    build(extras, 'out');
    const plain = readFileSync(path.join(extras, 'out', 'index.html'), 'utf8');
    expect(plain).not.toContain('Für die Druckerei');
    expect(plain).not.toContain('-pdfa.pdf');
  });

  it('marks a PDF the last build could not make anew as outdated, until a build makes it again', () => {
    const dir = minimalWithTwoRegions();
    build(dir);
    const region = path.join(dir, 'content/regions/zweitort.yaml');
    const good = readFileSync(region, 'utf8');
    writeFileSync(region, good.replace(/postcode: .*/, 'postcode: 123'));
    expect(runCli(['build'], { cwd: dir }).status).toBe(1);
    const manifest = () => (JSON.parse(readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8')) as { variants: Array<{ region: string; outdated?: true }> }).variants;
    expect(manifest().map((v) => [v.region, v.outdated])).toEqual([['testort', undefined], ['zweitort', true]]);
    const page = readFileSync(path.join(dir, 'out', 'index.html'), 'utf8');
    const marked = page.match(/<li class="variant outdated">[\s\S]*?<\/li>/g) ?? [];
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain('href="kurz/zweitort/');
    expect(marked[0]).toContain('Veraltet: konnte nicht neu erstellt werden.');
    expect(page.match(/Veraltet/g)).toHaveLength(1);
    // The mistake undone: the earlier PDF is current again, unchanged, and so marked.
    writeFileSync(region, good);
    expect(build(dir).variants.map((v) => v.status)).toEqual(['unchanged', 'unchanged']);
    expect(manifest().map((v) => v.outdated)).toEqual([undefined, undefined]);
    expect(readFileSync(path.join(dir, 'out', 'index.html'), 'utf8')).not.toMatch(/variant outdated|Veraltet/);
  });

  it('says a file or folder in the way of the page or its pictures is a file it cannot write (exit 73), not a bug of its own', () => {
    const dir = tempDir(path.join(fixtures, 'minimal'));
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out', '_thumbnails'), 'a file where the folder belongs');
    const pictures = runCli(['build'], { cwd: dir });
    expect(pictures.status, pictures.stderr).toBe(73);
    expect(pictures.stderr).toContain('cannot write out/_thumbnails: a part of the path is a file, not a folder (ENOTDIR)');
    rmSync(path.join(dir, 'out', '_thumbnails'));
    mkdirSync(path.join(dir, 'out', 'index.html'));
    const page = runCli(['build'], { cwd: dir });
    expect(page.status, page.stderr).toBe(73);
    expect(page.stderr).toContain('cannot write out/index.html: a folder of that name is in the way (EISDIR)');
  });

  it('is not written when nothing could be built', () => {
    const broken = tempDir(path.join(fixtures, 'minimal'));
    writeFileSync(path.join(broken, 'content/brand.yaml'), 'organisation: [\n');
    expect(runCli(['build'], { cwd: broken }).status).toBe(1);
    expect(existsSync(path.join(broken, 'out', 'index.html'))).toBe(false);
  });
});
