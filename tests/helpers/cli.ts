import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const contentDir = path.join(root, 'content');
export const fixtures = path.join(root, 'tests', 'fixtures');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command (bin/infoblatt.js → dist/), as a user or CI would. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'infoblatt.js'), ...args], {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking: for tests that run many commands side by side. */
export function runCliAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'infoblatt.js'), ...args], { cwd: options.cwd ?? root, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A scratch folder; with `from`, a copy of that content tree inside it as ./content. */
export function tempDir(from?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'infoblatt-test-'));
  if (from) cpSync(from, path.join(dir, 'content'), { recursive: true });
  return dir;
}
