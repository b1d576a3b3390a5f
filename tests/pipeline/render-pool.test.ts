import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planVariants } from '../../src/pipeline/plan.js';
import { createRenderer, DOCUMENTS_PER_THREAD_TO_START, planRendering } from '../../src/pipeline/render-pool.js';
import { resolveBrand, resolveVariant } from '../../src/pipeline/resolve.js';
import { templateIds } from '../../templates/index.js';
import { fixtures } from '../helpers/cli.js';
import { validate } from '../helpers/content.js';

describe('planRendering', () => {
  // The thresholds below are 50 documents a core (DOCUMENTS_PER_THREAD_TO_START).
  it('renders a small build in this thread, with no threads to start', () => {
    expect(DOCUMENTS_PER_THREAD_TO_START).toBe(50);
    expect(planRendering(undefined, 1, 2)).toEqual({ threads: 1, pooled: false });
    expect(planRendering(undefined, 99, 2)).toEqual({ threads: 1, pooled: false });
    expect(planRendering(undefined, 199, 4)).toEqual({ threads: 1, pooled: false });
  });

  it('renders a large build in worker threads (replaced as they go), one core left to the thumbnails', () => {
    expect(planRendering(undefined, 100, 2)).toEqual({ threads: 1, pooled: true });
    expect(planRendering(undefined, 200, 4)).toEqual({ threads: 3, pooled: true });
    expect(planRendering(undefined, 1000, 1)).toEqual({ threads: 1, pooled: true });
  });

  it('follows --jobs: 1 is this thread, more are workers, never more than there are documents', () => {
    expect(planRendering(1, 5000)).toEqual({ threads: 1, pooled: false });
    expect(planRendering(4, 100)).toEqual({ threads: 4, pooled: true });
    expect(planRendering(4, 2)).toEqual({ threads: 2, pooled: true });
    expect(planRendering(4, 1)).toEqual({ threads: 1, pooled: false });
  });
});

describe('rendering in this thread', () => {
  it('gives the event loop a turn before each document, so other threads get their next job meanwhile', async () => {
    const content = validate(path.join(fixtures, 'minimal'));
    const { key } = planVariants(content, {}, templateIds)[0]!;
    const model = resolveVariant(content, key).model!;
    const job = { template: key.template, model, brand: resolveBrand(content, model), font: content.brand!.font };
    const renderer = await createRenderer({ threads: 1, pooled: false });
    await renderer.render(job); // fonts and code loaded
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    turns = 0;
    await Promise.all([renderer.render(job), renderer.render(job), renderer.render(job)]);
    ticking = false;
    expect(turns).toBeGreaterThanOrEqual(3);
    await renderer.close();
  });
});
