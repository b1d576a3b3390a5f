import { existsSync } from 'node:fs';
import { CHROMIUM } from '../../scripts/preview-process.mjs';

export { CHROMIUM, CHROMIUM_ARGS, startPreview, type RunningPreview } from '../../scripts/preview-process.mjs';

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
