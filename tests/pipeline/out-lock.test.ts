import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/findings.js';
import { LOCK_FILE, lockOutput } from '../../src/pipeline/out-lock.js';
import { tempDir } from '../helpers/cli.js';

describe('lockOutput', () => {
  it('holds out/ for one build at a time, also within one process, until released', () => {
    const out = path.join(tempDir(), 'out');
    const release = lockOutput(out);
    expect(readFileSync(path.join(out, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    expect(() => lockOutput(out)).toThrow(OutputError);
    expect(() => lockOutput(out)).toThrow(/another build \(this process\) is writing to .* at the moment/);
    release();
    expect(existsSync(path.join(out, LOCK_FILE))).toBe(false);
    lockOutput(out)();
  });

  it('takes over a lock whose process has ended, and names one that still runs', () => {
    const out = tempDir();
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(path.join(out, LOCK_FILE), `${ended}\n`);
    const release = lockOutput(out);
    expect(readFileSync(path.join(out, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    release();
    // pid 1 always runs (and cannot be signalled by a user: it still counts as running).
    writeFileSync(path.join(out, LOCK_FILE), '1\n');
    expect(() => lockOutput(out)).toThrow(/another build \(process 1\)/);
  });
});
