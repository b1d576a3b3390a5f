// `infoblatt preview` started as a person starts it (the real command, on a free port), and
// Debian's chromium to look at it: one way, for the browser tests (tests/helpers/preview.ts)
// and for the bench's preview figure (scripts/bench.mjs). Plain JavaScript, so the bench can
// import it; its types are in preview-process.d.mts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/infoblatt.js', import.meta.url));

/** The browser: Debian's chromium, never a downloaded one. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function startPreview(cwd, args = []) {
  const child = spawn(process.execPath, [bin, 'preview', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (err += chunk));
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind a failed test or bench.
      child.kill('SIGTERM');
      reject(new Error(`preview did not start:\n${err}`));
    }, 20_000);
    child.stderr.on('data', () => {
      const m = /preview: (http:\/\/\S+)/.exec(err);
      if (!m) return;
      clearTimeout(timer);
      resolve({ url: m[1], child, stderr: () => err, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview exited with ${code}:\n${err}`));
    });
  });
}
