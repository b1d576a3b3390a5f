import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../helpers/pdf.js';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';

/** brand.yaml's word divisions (src/content/hyphenation-words.ts), read back from the PDFs. */

const FILE = 'zoom-datenschutz/hamburg/zoom-datenschutz-hamburg-de-infoblatt.pdf';
const build = (dir: string) => runCli(['build', '--region', 'hamburg', '--locale', 'de', '--template', 'infoblatt', '--out', path.join(dir, 'out'), '--json'], { cwd: dir });

/** Words divided at a line end, as [before the hyphen, after it]; only words the text writes whole. */
async function divisions(dir: string, whole: string): Promise<Array<[string, string]>> {
  const text = (await readPdf(readFileSync(path.join(dir, 'out', FILE)))).text;
  return [...text.matchAll(/(\p{L}+)-\n(\p{Ll}+)/gu)].map((m): [string, string] => [m[1]!, m[2]!]).filter(([a, b]) => whole.includes(a + b));
}

describe('the brand’s word divisions', () => {
  it('divide a listed word only where its entry says, and keep a word listed without hyphens whole', async () => {
    const dir = tempDir(contentDir);
    const sheet = readFileSync(path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml'), 'utf8') + readFileSync(path.join(dir, 'content/regions/hamburg.yaml'), 'utf8');
    expect(build(dir).status).toBe(0);
    const shipped = await divisions(dir, sheet);
    // The shipped list at work: "Prozessor-geschwindigkeit" and "Datenschutz-vereinbarung" are never divided elsewhere.
    for (const [a, b] of shipped) {
      if (/^prozessorgeschwindigkeit$/i.test(a + b)) expect(a).toBe('Prozessor');
      if (/^datenschutzvereinbarung$/i.test(a + b)) expect(a).toBe('Datenschutz');
    }
    expect(shipped.length).toBeGreaterThan(3);
    // At least one listed word is divided in this sheet, at its entry's hyphen (the loop above
    // checks any other; this one sits at a line end in Hamburg's page 2).
    expect(shipped).toContainEqual(['Datenschutz', 'vereinbarung']);

    // Three words the PDF divided, listed without hyphens: the PDF is rendered again and divides
    // none of them (all of them whole would run Hamburg's sheet, the longest, to a third page).
    const brandFile = path.join(dir, 'content/brand.yaml');
    const words = [...new Set(shipped.map(([a, b]) => a + b))].slice(0, 3);
    writeFileSync(brandFile, readFileSync(brandFile, 'utf8').replace(/^hyphenation:\n[^]*$/m, `hyphenation:\n  de:\n${words.map((w) => `    - ${w}\n`).join('')}`));
    const again = build(dir);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).variants[0].status).toBe('built');
    const divided = await divisions(dir, sheet);
    expect(divided.filter(([a, b]) => words.includes(a + b))).toEqual([]);
  });

  it('render again only the PDFs whose language the edited list is for', () => {
    const dir = tempDir(contentDir);
    const all = ['build', '--region', 'hamburg', '--template', 'infoblatt', '--out', path.join(dir, 'out'), '--json'];
    expect(runCli(all, { cwd: dir }).status).toBe(0);
    const brandFile = path.join(dir, 'content/brand.yaml');
    writeFileSync(brandFile, readFileSync(brandFile, 'utf8').replace(/^ {2}de:\n/m, '  de:\n    - Geschäfts-stelle\n'));
    const again = runCli(all, { cwd: dir });
    expect(again.status).toBe(0);
    const status = Object.fromEntries((JSON.parse(again.stdout).variants as Array<{ locale: string; status: string }>).map((v) => [v.locale, v.status]));
    expect(status).toEqual({ de: 'built', en: 'unchanged', tr: 'unchanged' });
  });
});
