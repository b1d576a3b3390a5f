import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/findings.js';
import { OUT_LOCK_FILE, lockOutput } from '../../src/pipeline/out-lock.js';
import { tempDir } from '../helpers/cli.js';

const lockOf = (out: string) => JSON.parse(readFileSync(path.join(out, OUT_LOCK_FILE), 'utf8')) as { host: string; pid: number; token: string };
const writeLock = (out: string, holder: object) => writeFileSync(path.join(out, OUT_LOCK_FILE), `${JSON.stringify(holder)}\n`);

describe('lockOutput', () => {
  it('holds out/ for one build at a time, also within one process, until released', () => {
    const out = path.join(tempDir(), 'out');
    const release = lockOutput(out);
    expect(lockOf(out)).toMatchObject({ host: hostname(), pid: process.pid });
    expect(() => lockOutput(out)).toThrow(OutputError);
    expect(() => lockOutput(out)).toThrow(/another build of this process is writing to .* at the moment/);
    // A library caller tells the kinds apart by code, not by the message.
    expect(() => lockOutput(out)).toThrow(expect.objectContaining({ code: 'ELOCKED' }));
    release();
    expect(existsSync(path.join(out, OUT_LOCK_FILE))).toBe(false);
    lockOutput(out)();
  });

  it('takes over a lock whose process has ended, and names one that still runs', () => {
    const out = tempDir();
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeLock(out, { host: hostname(), pid: ended, token: 'old' });
    const release = lockOutput(out);
    expect(lockOf(out)).toMatchObject({ pid: process.pid });
    release();
    // pid 1 always runs (and cannot be signalled by a user: it still counts as running).
    writeLock(out, { host: hostname(), pid: 1, token: 'init' });
    expect(() => lockOutput(out)).toThrow(/another build \(process 1\) is writing/);
  });

  it('takes over a lock of its own process id left before the process started (a restarted container), not a newer one', () => {
    const out = tempDir();
    writeLock(out, { host: hostname(), pid: process.pid, token: 'before' });
    utimesSync(path.join(out, OUT_LOCK_FILE), new Date('2026-01-01'), new Date('2026-01-01'));
    lockOutput(out)();
    // Written now, by another thread of this process: held.
    writeLock(out, { host: hostname(), pid: process.pid, token: 'thread' });
    expect(() => lockOutput(out)).toThrow(/another build \(process \d+\)/);
  });

  it('never takes over the lock of another host, and says which file to delete if nothing runs there', () => {
    const out = tempDir();
    writeLock(out, { host: 'ci-runner-7', pid: 4242, token: 'x' });
    expect(() => lockOutput(out)).toThrow(`another build (process 4242 on ci-runner-7) is writing to ${out} at the moment. Wait until it has finished, or write elsewhere with --out. If no build runs there any more, delete ${path.join(out, OUT_LOCK_FILE)}.`);
  });

  it('says an output folder reached through a broken link cannot be written (it was a bug of ours, exit 70)', () => {
    const dir = tempDir();
    symlinkSync(path.join(dir, 'gone'), path.join(dir, 'out'));
    symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
    symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
    expect(() => lockOutput(path.join(dir, 'out'))).toThrow(OutputError);
    expect(() => lockOutput(path.join(dir, 'out'))).toThrow(/does not exist \(a link to a folder that is gone\?\) \(ENOENT\)/);
    expect(() => lockOutput(path.join(dir, 'loop-a'))).toThrow(/leads back to itself \(ELOOP\)/);
    expect(() => lockOutput(path.join(dir, 'loop-a'))).toThrow(expect.objectContaining({ code: 'ELOOP' }));
  });

  it('releases only its own lock', () => {
    const out = tempDir();
    const release = lockOutput(out);
    // Someone else's lock in its place (a takeover by mistake): releasing leaves it.
    writeLock(out, { host: hostname(), pid: 1, token: 'someone' });
    release();
    expect(lockOf(out).token).toBe('someone');
  });
});
