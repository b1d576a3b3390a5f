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
