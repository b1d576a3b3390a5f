import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PoolClosedError, WorkerPool } from '../src/worker-pool.js';

/**
 * The pool against a plain-JavaScript thread that speaks the same protocol as serveJobs (the real
 * render and thumbnail threads are exercised by every build test): it reports which thread ran a
 * job and how many jobs that thread had run, fails or dies on request.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'infoblatt-pool-'));
const file = path.join(dir, 'echo-worker.mjs');
writeFileSync(file, `
import { existsSync, rmSync } from 'node:fs';
import { parentPort, threadId } from 'node:worker_threads';
let done = 0;
// Loaded: as serveJobs says (a thread that dies later, on a job, could start).
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, input }) => {
  done++;
  // Dies once: the marker file is gone for the retry.
  if (input.dieOnce && existsSync(input.dieOnce)) { rmSync(input.dieOnce); process.exit(3); }
  if (input.die) process.exit(4);
  if (input.fail) return parentPort.postMessage({ id, error: 'no such page', heap: 1 });
  // Busy work blocks this thread, as a render does: jobs queued meanwhile wait their turn.
  const started = Date.now();
  while (Date.now() - started < (input.work ?? 0));
  const count = done;
  setTimeout(() => parentPort.postMessage({ id, value: { thread: threadId, n: input.n, done: count, started, ended: Date.now(), bytes: input.data?.byteLength }, heap: 1000 * count }), input.wait ?? 0);
});
`);

interface In {
  n?: number;
  wait?: number;
  /** Milliseconds of busy work in the thread. */
  work?: number;
  /** Bytes sent along. */
  data?: Uint8Array;
  fail?: boolean;
  die?: boolean;
  dieOnce?: string;
}
interface Out {
  thread: number;
  n: number;
  done: number;
  started: number;
  ended: number;
  bytes?: number;
}

const pools: Array<WorkerPool<In, Out>> = [];
const pool = (size: number, jobsPerThread = 100, retryOnCrash = true, prefetch = 0) => {
  const p = new WorkerPool<In, Out>({ file, size, jobsPerThread, retryOnCrash, prefetch });
  pools.push(p);
  return p;
};

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('WorkerPool', () => {
  it('answers every job with its own result and replaces a thread after its quota', async () => {
    const p = pool(2, 3);
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => p.run({ n })));
    expect(results.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Math.max(...results.map((r) => r.done))).toBe(3);
    // 10 jobs, 3 per thread: at least four threads took part.
    expect(new Set(results.map((r) => r.thread)).size).toBeGreaterThanOrEqual(4);
    expect(p.size).toBe(2);
    expect(p.peakHeap()).toBe(3000);
  });

  it('runs a thread’s own group first', async () => {
    const p = pool(1);
    const groups = ['de', 'en', 'de', 'en'];
    const results = await Promise.all(groups.map((group, n) => p.run({ n }, { group })));
    // The n-th job the thread ran, per job: both "de" before either "en".
    expect(results.map((r) => r.done)).toEqual([1, 3, 2, 4]);
  });

  it('gives threads different groups while there are any, so each lays out its own texts', async () => {
    const p = pool(0);
    const groups = ['de', 'de', 'en', 'en'];
    // Long enough jobs that one thread starting later than the other has no time to steal work.
    const running = groups.map((group, n) => p.run({ n, wait: 150 }, { group }));
    p.grow(2);
    const results = await Promise.all(running);
    const threadsOf = (g: string) => new Set(results.filter((_, i) => groups[i] === g).map((r) => r.thread));
    expect(threadsOf('de').size).toBe(1);
    expect(threadsOf('en').size).toBe(1);
    expect([...threadsOf('de')][0]).not.toBe([...threadsOf('en')][0]);
  });

  it('gives a job whose thread died one more try on a fresh thread, and goes on', async () => {
    const p = pool(1);
    const marker = path.join(dir, 'die-once');
    writeFileSync(marker, '');
    const [retried, next] = await Promise.all([p.run({ n: 1, dieOnce: marker }), p.run({ n: 2 })]);
    expect(existsSync(marker)).toBe(false);
    expect(retried.n).toBe(1);
    expect(retried.done).toBe(1); // on a new thread
    expect(next.n).toBe(2);
  });

  it('sends a job’s bytes again, whole, when its thread died (and those of the jobs waiting behind it)', async () => {
    const p = pool(1, 100, true, 1);
    const marker = path.join(dir, 'die-once-4');
    writeFileSync(marker, '');
    const job = (n: number, extra: In = {}) => p.run({ n, data: new Uint8Array(1000 + n), ...extra });
    const results = await Promise.all([job(1, { dieOnce: marker }), job(2), job(3)]);
    expect(results.map((r) => [r.n, r.bytes])).toEqual([[1, 1001], [2, 1002], [3, 1003]]);
  });

  it('rejects a job that kills its thread twice, or when retries are off, and still serves the rest', async () => {
    await expect(pool(1).run({ die: true })).rejects.toThrow('exited with code 4');
    const p = pool(1, 100, false);
    const marker = path.join(dir, 'die-once-2');
    writeFileSync(marker, '');
    await expect(p.run({ dieOnce: marker })).rejects.toThrow('exited with code 3');
    expect((await p.run({ n: 5 })).n).toBe(5);
  });

  it('rejects the jobs it holds when closed, instead of leaving their callers waiting', async () => {
    const p = new WorkerPool<In, Out>({ file, size: 1, jobsPerThread: 100, retryOnCrash: true });
    const running = p.run({ n: 1, wait: 2000 });
    const waiting = p.run({ n: 2 });
    const outcomes = Promise.allSettled([running, waiting]);
    await new Promise((r) => setTimeout(r, 100));
    await p.close();
    for (const outcome of await outcomes) expect(outcome.status === 'rejected' && outcome.reason).toBeInstanceOf(PoolClosedError);
    await expect(p.run({ n: 3 })).rejects.toBeInstanceOf(PoolClosedError);
  });

  it('stops starting threads whose script cannot start, and fails the jobs with its error', async () => {
    const starts = path.join(dir, 'starts.log');
    const broken = path.join(dir, 'broken-worker.mjs');
    writeFileSync(broken, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(starts)}, 'x');\nthrow new Error('cannot load the renderer');\n`);
    const p = new WorkerPool<In, Out>({ file: broken, size: 2, jobsPerThread: 100, retryOnCrash: true });
    pools.push(p);
    await expect(p.run({ n: 1 })).rejects.toThrow('cannot load the renderer');
    await expect(p.run({ n: 2 })).rejects.toThrow('cannot load the renderer');
    const started = readFileSync(starts, 'utf8').length;
    await new Promise((r) => setTimeout(r, 500));
    // A few starts, then none: before, a new thread was started for every one that died, ~30 a second.
    expect(readFileSync(starts, 'utf8').length).toBe(started);
    expect(started).toBeLessThanOrEqual(4);
  });

  it('goes on after jobs that kill a thread that had started: only threads that cannot start stop the pool', async () => {
    const p = pool(1);
    const died = await Promise.allSettled([p.run({ die: true }), p.run({ die: true })]);
    expect(died.map((d) => d.status)).toEqual(['rejected', 'rejected']);
    expect((await p.run({ n: 3 })).n).toBe(3);
    expect((await p.run({ n: 4 })).n).toBe(4);
  });

  it('passes on a job’s error with its message, and the thread keeps serving', async () => {
    const p = pool(1);
    await expect(p.run({ fail: true })).rejects.toThrow('no such page');
    expect((await p.run({ n: 7 })).done).toBe(2);
  });

  it('with prefetch, a thread goes on to its next job while this thread is busy', async () => {
    /** Sends two jobs, then blocks this thread for 300 ms; the gap between the thread's two jobs. */
    const gap = async (prefetch: number) => {
      const p = pool(1, 100, true, prefetch);
      await p.run({ n: 0 }); // the thread is up
      const jobs = [p.run({ n: 1, work: 50 }), p.run({ n: 2, work: 50 })];
      const blocked = Date.now();
      while (Date.now() - blocked < 300);
      const [first, second] = await Promise.all(jobs);
      expect(first!.thread).toBe(second!.thread);
      return second!.started - first!.ended;
    };
    // Without: the second job is sent only when this thread reads the first one's answer.
    expect(await gap(0)).toBeGreaterThan(150);
    expect(await gap(1)).toBeLessThan(100);
  });

  it('with prefetch, puts the jobs waiting in a thread that died back in line, and tries its running job once more', async () => {
    const p = pool(1, 100, true, 2);
    const marker = path.join(dir, 'die-once-3');
    writeFileSync(marker, '');
    const results = await Promise.all([p.run({ n: 1, dieOnce: marker, work: 20 }), p.run({ n: 2 }), p.run({ n: 3 })]);
    expect(results.map((r) => r.n)).toEqual([1, 2, 3]);
    // All three on the fresh thread, in their order.
    expect(new Set(results.map((r) => r.thread)).size).toBe(1);
    expect(results.map((r) => r.done)).toEqual([1, 2, 3]);
  });

  it('with prefetch, never sends a thread more than its quota', async () => {
    const p = pool(1, 2, true, 3);
    const results = await Promise.all(Array.from({ length: 5 }, (_, n) => p.run({ n, work: 5 })));
    expect(Math.max(...results.map((r) => r.done))).toBe(2);
    expect(new Set(results.map((r) => r.thread)).size).toBe(3);
  });

  it('grows on request, never shrinks, and starts nothing for size 0', async () => {
    const p = pool(0);
    expect(p.size).toBe(0);
    p.grow(2);
    p.grow(1);
    expect(p.size).toBe(2);
    expect((await p.run({ n: 1 })).n).toBe(1);
  });
});
