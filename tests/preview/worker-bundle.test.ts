import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveBrand, resolveVariant } from '../../src/pipeline/resolve.js';
import { createWorkerRenderer } from '../../src/pipeline/render-pool.js';
import { compileWorker, removeWorker } from '../../src/preview/worker-bundle.js';
import { contentDir } from '../helpers/cli.js';
import { validate } from '../helpers/content.js';

/**
 * The render worker the preview compiles after a template edit is bundled like `npm run build`'s
 * (scripts/node-bundle.mjs): with the text layout cache, and giving the same bytes.
 */
describe('compileWorker', () => {
  let file: string | undefined;
  afterAll(() => removeWorker(file));

  it('bundles the worker as the build does: with the layout cache, and the same PDF bytes', async () => {
    file = await compileWorker();
    // The worker and its chunks (the renderer loads after the worker's start: src/fast-inflate.ts).
    const bundle = readdirSync(path.dirname(file)).filter((f) => f.endsWith('.js')).map((f) => readFileSync(path.join(path.dirname(file!), f), 'utf8')).join('\n');
    expect(bundle).toContain('layoutWithCache(engine, attributedString, container, options)');
    const content = validate(contentDir);
    const key = { sheet: 'zoom-datenschutz', region: 'hamburg', locale: 'tr', template: 'flyer' };
    const model = resolveVariant(content, key).model!;
    const job = { template: key.template, model, brand: resolveBrand(content, model), font: content.brand!.font };
    const [compiled, built] = [createWorkerRenderer(1, file), createWorkerRenderer(1)];
    try {
      const [a, b] = await Promise.all([compiled.render(job), built.render(job)]);
      expect(a.pdf.equals(b.pdf)).toBe(true);
    } finally {
      await Promise.all([compiled.close(), built.close()]);
    }
  }, 60_000);
});
