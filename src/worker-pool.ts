import { getHeapStatistics } from 'node:v8';
import { parentPort, Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';

/**
 * Worker threads for the two kinds of heavy work in a build, rendering PDFs and drawing their
 * thumbnails: both sides of the protocol are here. A thread does one job at a time (it may hold
 * the next ones in its queue, see `prefetch`); what it replies carries the job's id, its result
 * or error message, and the thread's heap size.
 */

interface Reply<Out> {
  /** Sent once, when the thread's script has loaded: it can start, whatever its jobs do later. */
  ready?: true;
  id: number;
  value?: Out;
  error?: string;
  /** Memory the thread's heap holds from the system (garbage included), not just live objects. */
  heap: number;
}

/** The thread side: answers every job with `handle`'s value, moving `transfer` instead of copying it. */
export function serveJobs<In, Out>(handle: (input: In) => Promise<{ value: Out; transfer?: Transferable[] }>): void {
  const serve = async ({ id, input }: { id: number; input: In }) => {
    try {
      const { value, transfer = [] } = await handle(input);
      parentPort!.postMessage({ id, value, heap: getHeapStatistics().total_heap_size } satisfies Reply<Out>, transfer);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      parentPort!.postMessage({ id, error: message, heap: getHeapStatistics().total_heap_size } satisfies Reply<Out>);
    }
  };
  // Jobs sent ahead wait here: one at a time, in order.
  let last: Promise<void> = Promise.resolve();
  parentPort!.on('message', (job: { id: number; input: In }) => {
    last = last.then(() => serve(job));
  });
  parentPort!.postMessage({ ready: true });
}

export interface PoolOptions {
  /** The thread's script (it calls serveJobs). */
  file: string;
  /** Threads started at once; grow() adds more. */
  size: number;
  /** A thread is replaced after this many jobs, so memory it never gives back stays bounded. */
  jobsPerThread: number;
  resourceLimits?: ResourceLimits;
  /** A job whose thread died (e.g. ran out of memory) is tried once more on a fresh thread. */
  retryOnCrash: boolean;
  /**
   * Jobs sent to a busy thread ahead of time (default 0). A thread asks for its next job through
   * this thread's event loop; when this thread is busy itself (rendering PDFs in a small build),
   * that answer comes late, and a queued job keeps the other thread working meanwhile.
   */
  prefetch?: number;
}

interface Task<In, Out> {
  id: number;
  input: In;
  group?: string;
  retried: boolean;
  resolve: (value: Out) => void;
  reject: (error: Error) => void;
}

interface Slot<In, Out> {
  worker: Worker;
  done: number;
  /** The thread said it loaded (serveJobs), or answered a job: it can start. */
  answered: boolean;
  /** Jobs sent to this thread and not answered yet; the first is the one it is running. */
  tasks: Array<Task<In, Out>>;
  /** The group of the last job this thread ran: its caches are warm for that group. */
  group?: string;
}

/** What a job's promise rejects with when the pool was closed before the job was done. */
export class PoolClosedError extends Error {
  constructor() {
    super('the worker pool was closed before this job was done');
  }
}

/**
 * Threads that die in a row before their script has loaded: it cannot start (dist/ was removed, a
 * native module is missing). Starting new ones would only die the same way, forever. A thread
 * that dies on a job (out of memory) has loaded, and does not count.
 */
const START_FAILURES = 3;

/** The main thread side. */
export class WorkerPool<In, Out> {
  private readonly slots: Array<Slot<In, Out>> = [];
  private readonly queue: Array<Task<In, Out>> = [];
  private nextId = 0;
  private peak = 0;
  private startFailures = 0;
  /** Why no job can run any more (closed, or threads that cannot start). */
  private stopped?: Error;

  constructor(private readonly options: PoolOptions) {
    this.grow(options.size);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Jobs waiting for a thread. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Runs a job on the next free thread. Jobs of one `group` go to the thread that ran that group
   * last where they can: a sheet's text in one language is laid out once per thread, not once
   * in every thread. The input is copied to the thread, never moved: a job whose thread dies
   * may have to be sent again (moved bytes would be gone from this thread, and the retry threw).
   */
  run(input: In, { group }: { group?: string } = {}): Promise<Out> {
    return new Promise((resolve, reject) => {
      if (this.stopped) return reject(this.stopped);
      this.queue.push({ id: this.nextId++, input, group, retried: false, resolve, reject });
      this.pump();
    });
  }

  /** Starts threads up to `size` (never stops any). */
  grow(size: number): void {
    while (this.slots.length < size) this.slots.push(this.spawn());
    this.pump();
  }

  /** The largest heap any thread reported, in bytes. */
  peakHeap(): number {
    return this.peak;
  }

  /** Stops every thread; jobs not done yet reject with PoolClosedError, so no caller waits forever. */
  async close(): Promise<void> {
    await this.stop(new PoolClosedError());
  }

  /** No job runs any more: every one waiting or running rejects with `reason`, every thread ends. */
  private async stop(reason: Error): Promise<void> {
    this.stopped ??= reason;
    const slots = this.slots.splice(0);
    for (const task of [...this.queue.splice(0), ...slots.flatMap((s) => s.tasks.splice(0))]) task.reject(this.stopped);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot<In, Out> {
    const worker = new Worker(this.options.file, { resourceLimits: this.options.resourceLimits });
    // An idle thread never keeps the process alive; one with a job does.
    worker.unref();
    const slot: Slot<In, Out> = { worker, done: 0, answered: false, tasks: [] };
    worker.on('message', (reply: Reply<Out>) => {
      slot.answered = true;
      this.startFailures = 0;
      if (reply.ready) return;
      this.peak = Math.max(this.peak, reply.heap);
      if (slot.tasks[0]?.id !== reply.id) return;
      const task = slot.tasks.shift()!;
      slot.done++;
      if (slot.tasks.length === 0) worker.unref();
      if (reply.error === undefined) task.resolve(reply.value as Out);
      else task.reject(new Error(`worker thread failed:\n${reply.error}`));
      if (slot.done >= this.options.jobsPerThread) this.replace(slot);
      this.pump();
    });
    const lost = (error: Error) => {
      if (!this.slots.includes(slot)) return;
      if (!slot.answered && ++this.startFailures >= START_FAILURES) {
        // Every job fails with the thread's own error (its stack says why it cannot start).
        void this.stop(error);
        return;
      }
      this.replace(slot);
      const [running, ...waiting] = slot.tasks.splice(0);
      // Jobs that were only waiting in the thread's queue go back to the front, as they were.
      this.queue.unshift(...waiting);
      if (running && this.options.retryOnCrash && !running.retried) this.queue.unshift({ ...running, retried: true });
      else running?.reject(error);
      this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`worker thread exited with code ${code}`)));
    return slot;
  }

  private replace(slot: Slot<In, Out>): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots[index] = this.spawn();
    if (slot.tasks.length === 0) void slot.worker.terminate();
  }

  private pump(): void {
    const depth = 1 + (this.options.prefetch ?? 0);
    // Threads with nothing to do first, then queues topped up; never beyond a thread's quota.
    for (let round = 1; round <= depth; round++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (slot.tasks.length >= round || slot.done + slot.tasks.length >= this.options.jobsPerThread) continue;
        const task = this.queue.splice(this.pick(slot), 1)[0]!;
        slot.tasks.push(task);
        slot.group = task.group;
        slot.worker.ref();
        slot.worker.postMessage({ id: task.id, input: task.input });
      }
    }
  }

  /** This thread's group first, then a group no other thread is busy with, then the oldest job. */
  private pick(slot: Slot<In, Out>): number {
    if (slot.group !== undefined) {
      const same = this.queue.findIndex((t) => t.group === slot.group);
      if (same >= 0) return same;
    }
    const taken = new Set(this.slots.filter((s) => s !== slot).map((s) => s.group));
    const free = this.queue.findIndex((t) => !taken.has(t.group));
    return free >= 0 ? free : 0;
  }
}
