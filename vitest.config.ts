import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Rendering PDFs takes a second or two per document on a small CI machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The shaping cache (src/shaping-store.ts) of a test run is its own, empty at the start, and
    // never the user's: results must not depend on what earlier runs left there.
    env: { INFOBLATT_CACHE_DIR: process.env.INFOBLATT_CACHE_DIR ?? mkdtempSync(path.join(tmpdir(), 'infoblatt-test-cache-')) },
  },
});
