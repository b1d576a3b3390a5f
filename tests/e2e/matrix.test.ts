import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/pipeline/write.js';
import { contentDir, fixtures, runCli, tempDir } from '../helpers/cli.js';
import { sharedMatrix } from '../helpers/shared-build.js';
import { readPdf, unhyphenated } from '../helpers/pdf.js';
import { parse } from 'yaml';
import { catalogues } from '../../templates/messages.js';

/**
 * Every variant of both shared fixtures (the minimal tree and the full content) across every
 * template × language × region: each PDF must be valid, complete and fully embedded.
 */

const trees = { minimal: path.join(fixtures, 'minimal'), full: contentDir };

/** The minimal fixture's build serves both describes below. */
const minimalOut = tempDir();
const minimal = { out: minimalOut, run: runCli(['build', '--content', trees.minimal, '--out', minimalOut]) };

describe.each(Object.entries(trees))('every variant of the %s content tree', (name, tree) => {
  // The full tree's build is the run's shared matrix (tests/helpers/shared-build.ts).
  const { out, run } = name === 'full' ? sharedMatrix() : minimal;
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  // Each text file's title as written (the PDF's Title is the title with plain spaces).
  const titles = new Map(manifest.variants.map((v) => {
    const text = parse(readFileSync(path.join(tree, 'sheets', v.sheet, `${v.locale}.yaml`), 'utf8')) as { title: string };
    return [`${v.sheet}/${v.locale}`, text.title];
  }));

  it('builds without findings', () => {
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.status).toBe(0);
    // Every sheet × region × language × template the content declares, none more, none missing.
    const regions = readdirSync(path.join(tree, 'regions')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
    const expected = readdirSync(path.join(tree, 'sheets')).flatMap((sheet) => {
      const meta = parse(readFileSync(path.join(tree, 'sheets', sheet, 'sheet.yaml'), 'utf8')) as { locales: string[]; templates: string[] };
      return regions.flatMap((r) => meta.locales.flatMap((l) => meta.templates.map((t) => `${sheet}/${r}/${sheet}-${r}-${l}-${t}.pdf`)));
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(manifest.variants.map((v) => v.file).sort()).toEqual(expected.sort());
  });

  it.each(manifest.variants.map((v) => [v.file, v] as const))('%s is a valid, embedded, complete PDF', async (_file, entry) => {
    const file = path.join(out, entry.file);
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(entry.bytes);
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((l) => / yes yes yes /.test(l.replace(/\s+/g, ' ')))).toBe(true);
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toHaveLength(entry.pages);
    expect(pdf.info.Title).toBe(titles.get(`${entry.sheet}/${entry.locale}`));
    // The info sheet numbers its pages in its language: page i of the PDF's real page count.
    if (entry.template === 'infoblatt') {
      pdf.pages.forEach((page, i) => expect(page).toContain(catalogues[entry.locale]!.pageOf.replace('{page}', String(i + 1)).replace('{pages}', String(entry.pages))));
    }
    // No placeholder or Markdown syntax may survive into print.
    expect(pdf.text).not.toMatch(/\{[a-z.]+\}|\*\*|\]\(/);
  });
});

describe('the minimal fixture', () => {
  it('prints lists, emphasis, links and gender stars as written', async () => {
    const { out, run } = minimal;
    expect(run.status).toBe(0);
    const file = path.join(out, 'kurz/testort/kurz-testort-de-infoblatt.pdf');
    const pdf = await readPdf(readFileSync(file));
    const text = unhyphenated(pdf.text);
    expect(text).toContain('• Punkt eins');
    expect(text).toContain('2. Schritt zwei');
    expect(text).toContain('Teilnehmer*innen, die Teilnehmer*innen bleiben');
    expect(text).toContain('Die Geschäftsstelle Testort in Testort hilft weiter.');
    expect(text).toContain('Ein „kurzer“ Vorspann');
    expect(pdf.links).toContain('https://example.org/info');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/SourceSans3-It\b/);
    expect(fonts).toMatch(/SourceSans3-Bold\b/);
  });
});
