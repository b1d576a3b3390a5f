import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/exit-codes.js';
import { contentDir, runCliAsync, tempDir } from '../helpers/cli.js';

/**
 * Whose text a fit error sends people to shorten (src/pipeline/fit.ts). The other cases, a
 * region's addition and a region's contact details, are in translations.test.ts and flyer.test.ts.
 */
describe('a sheet text too long for its template', () => {
  const dir = tempDir(contentDir);
  const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
  const paragraph = '      Ein weiterer Absatz der Pressestelle, der das Infoblatt verlängert, bis es nicht mehr auf zwei Seiten passt.\n\n';
  writeFileSync(de, readFileSync(de, 'utf8').replace(/(- id: fazit\n(?: {4}.*\n)*? {4}body: \|\n)/, `$1${paragraph.repeat(14)}`));

  it('is reported once, at the text, not at the regions that add a sentence to it', async () => {
    // Frankfurt and Hamburg add to the sheet, Kiel does not.
    const r = await runCliAsync(['check', '--region', 'frankfurt,hamburg,kiel', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir });
    expect(r.status, r.stderr).toBe(ExitCode.content);
    const errors = r.stderr.split('\n').filter((l) => l.includes('  error  '));
    expect(errors).toEqual([expect.stringMatching(/^content\/sheets\/zoom-datenschutz\/de\.yaml:\d+:1  error  sections: zoom-datenschutz · de · infoblatt, in 3 regions \(frankfurt, hamburg, kiel\): runs to 3 pages/)]);
    expect(r.stderr).toContain('hint: It runs too long for other regions too: shorten the text until it fits');
  });

  it('is reported at the text in a run of one region with additions of its own, too', async () => {
    // Hamburg adds to the sheet; a region that adds nothing, laid out for the purpose, is too long as well.
    expect(readFileSync(path.join(dir, 'content/regions/hamburg.yaml'), 'utf8')).toMatch(/\noverrides:\n {2}zoom-datenschutz:\n {4}de:/);
    const r = await runCliAsync(['check', '--region', 'hamburg', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir });
    expect(r.status, r.stderr).toBe(ExitCode.content);
    expect(r.stderr).toMatch(/content\/sheets\/zoom-datenschutz\/de\.yaml:\d+:1  error  sections: zoom-datenschutz · hamburg · de · infoblatt: runs to 3 pages/);
    expect(r.stderr).not.toMatch(/hamburg\.yaml:\d+:\d+ {2}error/);
  });
});
