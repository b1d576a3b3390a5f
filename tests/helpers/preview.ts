import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { root } from './cli.js';

/** A running `infoblatt preview` (the real command, on a free port) and how to stop it. */
export interface RunningPreview {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

export function startPreview(cwd: string, args: string[] = []): Promise<RunningPreview> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'infoblatt.js'), 'preview', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${err}`)), 20_000);
    child.stderr!.on('data', () => {
      const m = /preview: (http:\/\/\S+)/.exec(err);
      if (!m) return;
      clearTimeout(timer);
      resolve({ url: m[1]!, child, stderr: () => err, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview exited with ${code}:\n${err}`));
    });
  });
}

/** The browser the end-to-end tests drive: Debian's chromium, never a downloaded one. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const SKIP_MESSAGE = `browser tests skipped: ${CHROMIUM} not found; install Debian's chromium (apt-get install chromium)`;
export const FAIL_MESSAGE = `browser tests cannot run: ${CHROMIUM} not found, and with CI=true they must; install Debian's chromium (apt-get install chromium, as .ci/run does)`;

/**
 * Whether to run the browser tests: yes with chromium; without it, skipped with a clear message
 * on a developer's machine, but in CI (CI=true) a missing browser is a failure, not a skip.
 */
export function browserAvailability(): 'run' | 'skip' | 'fail' {
  if (existsSync(CHROMIUM)) return 'run';
  // Any CI value but false/0 (CI=true, CI=1, CI=yes): a browser missing there is a failure.
  return process.env.CI && !/^(false|0)$/i.test(process.env.CI) ? 'fail' : 'skip';
}
