import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { finishInterrupted } from '../../src/pipeline/write.js';
import { minimalWith } from '../helpers/content.js';

describe('build', () => {
  it('takes its Ctrl-C hook away when it fails, so a later Ctrl-C of its caller writes no manifest', async () => {
    // A region file with an error: its variant is reported as failed before anything renders.
    const content = minimalWith({ 'regions/testort.yaml': 'name: [Testort\n' });
    const out = path.join(path.dirname(content), 'out');
    const failing = build({ content, out, onVariant: () => { throw new Error('a caller’s bug'); } });
    await expect(failing).rejects.toThrow('a caller’s bug');
    expect(finishInterrupted()).toBe(false);
  });
});

describe('the manifest after a file was deleted by hand', () => {
  it('stops listing a print version that is gone, and the index stops linking it', async () => {
    const { existsSync, readFileSync, rmSync } = await import('node:fs');
    const { tempDir, contentDir, runCli } = await import('../helpers/cli.js');
    const dir = tempDir(contentDir);
    const select = ['--region', 'kiel', '--locale', 'de', '--template', 'infoblatt'];
    expect(runCli(['build', ...select, '--print'], { cwd: dir }).status).toBe(0);
    const print = 'zoom-datenschutz/kiel/zoom-datenschutz-kiel-de-infoblatt-print.pdf';
    rmSync(path.join(dir, 'out', print));
    for (let run = 0; run < 2; run++) {
      // The second time from the record of the first: it must not bring the file back into the list.
      const r = runCli(['build', ...select, '--json'], { cwd: dir });
      expect(r.status).toBe(0);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')) as { variants: Array<{ print?: { file: string } }> };
      expect(manifest.variants.map((v) => v.print)).toEqual([undefined]);
      expect(readFileSync(path.join(dir, 'out/index.html'), 'utf8')).not.toContain('-print.pdf');
      expect(existsSync(path.join(dir, 'out', print))).toBe(false);
    }
  });
});
