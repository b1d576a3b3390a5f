// Compiles src/ and templates/ once (esbuild) so that no run pays for transpiling TypeScript, and
// writes the editors' JSON Schemas from the one schema in src/content/schema.ts.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', jsx: 'automatic', sourcemap: 'linked', logLevel: 'warning' };
// One self-contained file per entry (no shared chunks): src/paths.ts finds the tool's root as the
// parent of the file it is bundled into, which must therefore sit directly in dist/.
await build({ ...common, entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' }, outdir: 'dist' });

await build({ ...common, entryPoints: ['scripts/schema.ts'], outfile: 'dist/schema-writer.mjs', sourcemap: false });
const { jsonSchemas } = await import(new URL('../dist/schema-writer.mjs', import.meta.url).href);
mkdirSync('schema', { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`schema/${name}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`);
}
