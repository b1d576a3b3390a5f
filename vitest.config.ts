import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Everything a test run puts in the temporary folder (content copies, out/ folders, the cache)
// goes into one folder of its own, removed when the run ends (tests/helpers/teardown.ts): tests
// and the commands they start find it through TMPDIR.
// Always a new folder, never one named from outside: the teardown deletes it.
const runTmp = mkdtempSync(path.join(tmpdir(), 'infoblatt-test-run-'));
process.env.INFOBLATT_TEST_TMP = runTmp;

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/teardown.ts'],
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Rendering PDFs takes a second or two per document on a small CI machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest leaves one core free by default, which on a 2-core CI machine means one test file at
    // a time: while a file waits on a CLI process it starts, the other core idles (7:45 against
    // 7:02-7:15 for the whole suite with two, measured 2026-11-29). The e2e files already overlap
    // their own CLI runs where they can, so more files at once than cores only adds contention.
    maxWorkers: availableParallelism(),
    // The shaping cache (src/shaping-store.ts) of a test run is its own, empty at the start, and
    // never the user's: results must not depend on what earlier runs left there.
    env: { TMPDIR: runTmp, INFOBLATT_CACHE_DIR: process.env.INFOBLATT_CACHE_DIR ?? mkdtempSync(path.join(runTmp, 'cache-')) },
  },
});
