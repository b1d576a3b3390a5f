// Compiles src/ and templates/ once (esbuild) so that no run pays for transpiling TypeScript.
// `npm ci` runs this through the `prepare` script; `npm test` runs it again before testing.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', jsx: 'automatic', sourcemap: 'linked', logLevel: 'warning' };
// One self-contained file per entry (no shared chunks): src/paths.ts finds the tool's root as the
// parent of the file it is bundled into, which must therefore sit directly in dist/.
await build({ ...common, entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' }, outdir: 'dist' });
