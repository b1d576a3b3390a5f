import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliRun } from './cli.js';

/**
 * One build of the shipped content per test run for each set of arguments, shared by the test
 * files that only read what it wrote: the whole matrix was built five times over in a run, and a
 * build's cold start (react-pdf, the first layout of every paragraph) is most of what the suite
 * costs. Files that change content, or look at what a build does to an earlier output folder,
 * keep builds of their own; a file that wants to build into a shared output copies it first.
 *
 * The first file to ask builds (a folder made with mkdir is the lock: it either makes it or finds
 * it), the others wait for its record. Everything lives in the run's temporary folder
 * (vitest.config.ts), so each run starts without shared builds.
 */

export interface SharedBuild {
  /** The output folder: read it, never write to it. */
  out: string;
  /** What the build command printed and returned. */
  run: CliRun;
}

/** Longer than the slowest build of the whole matrix on a slow CI machine, by far. */
const WAIT_LIMIT_MS = 10 * 60_000;

/** `infoblatt build ARGS --out <shared folder>` on the shipped content, run once per test run. */
export function sharedBuild(args: readonly string[]): SharedBuild {
  const key = createHash('sha256').update(JSON.stringify(args)).digest('hex').slice(0, 16);
  const dir = path.join(tmpdir(), `infoblatt-shared-build-${key}`);
  const out = path.join(dir, 'out');
  const record = path.join(dir, 'run.json');
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { out, run: waitFor(record, args) };
  }
  const run = runCli(['build', ...args, '--out', out]);
  writeFileSync(`${record}.part`, JSON.stringify(run));
  renameSync(`${record}.part`, record);
  return { out, run };
}

function waitFor(record: string, args: readonly string[]): CliRun {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  const until = Date.now() + WAIT_LIMIT_MS;
  while (!existsSync(record)) {
    if (Date.now() > until) throw new Error(`the shared build (${args.join(' ')}) did not finish within ${WAIT_LIMIT_MS / 60_000} minutes: did the test file building it die?`);
    Atomics.wait(nap, 0, 0, 100);
  }
  return JSON.parse(readFileSync(record, 'utf8')) as CliRun;
}

/** The whole matrix of the shipped content, in one thread (as `--jobs 1`), with the JSON report. */
export const sharedMatrix = (): SharedBuild => sharedBuild(['--jobs', '1', '--json']);

/** Hamburg and Kiel, every language and template, with their print and archival versions. */
export const sharedPrint = (): SharedBuild => sharedBuild(['--region', 'hamburg,kiel', '--print', '--archive']);
