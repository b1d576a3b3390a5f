import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Rendering PDFs takes a second or two per document on a small CI machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
