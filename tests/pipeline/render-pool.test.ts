import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS_PER_THREAD_TO_START, planRendering } from '../../src/pipeline/render-pool.js';

describe('planRendering', () => {
  const cores = availableParallelism();
  const large = DOCUMENTS_PER_THREAD_TO_START * cores;

  it('renders a small build in this thread, with no threads to start', () => {
    expect(planRendering(undefined, 1)).toEqual({ threads: 1, pooled: false });
    expect(planRendering(undefined, large - 1)).toEqual({ threads: 1, pooled: false });
  });

  it('renders a large build in worker threads (replaced as they go), one core left to the thumbnails', () => {
    expect(planRendering(undefined, large)).toEqual({ threads: Math.max(1, cores - 1), pooled: true });
  });

  it('follows --jobs: 1 is this thread, more are workers, never more than there are documents', () => {
    expect(planRendering(1, 5000)).toEqual({ threads: 1, pooled: false });
    expect(planRendering(4, 100)).toEqual({ threads: 4, pooled: true });
    expect(planRendering(4, 2)).toEqual({ threads: 2, pooled: true });
    expect(planRendering(4, 1)).toEqual({ threads: 1, pooled: false });
  });
});
