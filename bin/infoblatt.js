#!/usr/bin/env node
// Runs the compiled CLI (dist/, written by `npm run build`, which `npm ci` runs via `prepare`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('infoblatt: dist/cli.js is missing. Run "npm ci" or "npm run build" in the infoblatt folder first.\n');
  process.exit(70); // ExitCode.internal (src/exit-codes.ts): dist/ is not there to import it from
}
const { main } = await import(entry.href);
await main(process.argv);
