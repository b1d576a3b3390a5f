import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';
import { textRuns } from '../helpers/print.js';

it('spaces the item after a nested list like any other item', async () => {
  const dir = tempDir(contentDir);
  const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
  const list = ['', '      1. Begrüßung', '      2. Aussprache', '         - Fragen aus der Belegschaft', '         - Anträge', '           - Nachfragen', '      3. Schluss'].join('\n');
  writeFileSync(de, readFileSync(de, 'utf8').replace('Die Nutzung ist intuitiv und leicht zu erlernen.', `Die Nutzung ist intuitiv und leicht zu erlernen.\n${list}`));
  const run = runCli(['build', '--region', 'kiel', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir });
  expect(run.status, run.stderr).toBe(0);
  const [page] = await textRuns(path.join(dir, 'out/zoom-datenschutz/kiel/zoom-datenschutz-kiel-de-infoblatt.pdf'));
  const baseline = (text: string) => page!.find((r) => r.str.includes(text))!.y0;
  const step = baseline('Begrüßung') - baseline('Aussprache');
  // After the nested lists, the margins of three lists and three items added up before "Schluss".
  expect(baseline('Nachfragen') - baseline('Schluss') - step).toBeLessThan(0.5);
  expect(baseline('Aussprache') - baseline('Fragen aus der Belegschaft') - step).toBeLessThan(0.5);
});
