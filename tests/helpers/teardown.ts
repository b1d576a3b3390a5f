import { rmSync } from 'node:fs';

/**
 * vitest's global teardown: the run's temporary folder goes (vitest.config.ts makes it). Set
 * INFOBLATT_KEEP_TEST_FILES=1 to keep it for a look at what a failing test wrote.
 */
export function teardown(): void {
  const dir = process.env.INFOBLATT_TEST_TMP;
  if (dir && !process.env.INFOBLATT_KEEP_TEST_FILES) rmSync(dir, { recursive: true, force: true });
}
