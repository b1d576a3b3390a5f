import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { contentDir, root, tempDir } from '../helpers/cli.js';

/**
 * renderPdf is library API, and a caller may start several renders at once. A render keeps state
 * in its thread while it awaits (the print version's inks, what it notes), so renders take turns:
 * a screen and a print version started together each come out as if rendered alone, also when
 * their content runs over and is drawn again at tighter settings.
 */
it('renders started together each come out as if rendered alone', async () => {
  const dir = tempDir(contentDir);
  const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
  // Longer key points: the poster is drawn again at its tighter settings, awaiting in between.
  writeFileSync(de, readFileSync(de, 'utf8').replace(/^(    - .*)$/gm, '$1 Dazu gehört auch, dass alle Beteiligten die Regeln kennen und sie im Alltag wirklich anwenden.'));
  const lib = (await import(pathToFileURL(path.join(root, 'dist/index.js')).href)) as typeof import('../../src/index.js');
  const content = lib.validateContent(lib.loadContent(path.join(dir, 'content')), lib.templateIds);
  const model = lib.resolveVariant(content, { sheet: 'zoom-datenschutz', region: 'kiel', locale: 'de', template: 'aushang' }).model!;
  const brand = lib.resolveBrand(content, model);
  const template = await lib.loadTemplate('aushang');
  const render = (kind: 'screen' | 'print') => lib.renderPdf(template, model, brand, content.brand!.font, kind);
  const alone = { screen: (await render('screen')).pdf, print: (await render('print')).pdf };
  expect((await render('screen')).tightness).toBeGreaterThan(0);
  const kinds = ['screen', 'print', 'screen', 'print'] as const;
  const together = await Promise.all(kinds.map(render));
  together.forEach(({ pdf }, i) => expect(pdf.equals(alone[kinds[i]!]), `${kinds[i]} ${i}`).toBe(true));
}, 60_000);

/**
 * Installed as a package, infoblatt is imported by its name: package.json's "exports" point at
 * the compiled library and its declarations, and a packed file holds what they need.
 */
it('is importable by its name, with declarations, and packs what it needs', () => {
  // Node resolves a package's own name through its "exports", as it does for an installed one.
  const keys = execFileSync(process.execPath, ['--input-type=module', '-e', "const m = await import('infoblatt'); console.log(Object.keys(m).sort().join(' '))"], { cwd: root, encoding: 'utf8' });
  for (const name of ['build', 'loadContent', 'validateContent', 'planVariants', 'resolveVariant', 'renderPdf', 'UsageError', 'ExitCode']) expect(keys.split(' ')).toContain(name);
  const types = readFileSync(path.join(root, 'dist/types/src/index.d.ts'), 'utf8');
  expect(types).toContain('export { build, type BuildOptions');
  // What `npm pack` would put in the file (without running the build again: --ignore-scripts).
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
  const files = pack!.files.map((f) => f.path);
  for (const needed of ['bin/infoblatt.js', 'dist/index.js', 'dist/cli.js', 'dist/worker.js', 'dist/tool.json', 'dist/types/src/index.d.ts', 'fonts/source-sans-3/family.json']) expect(files).toContain(needed);
  expect(files.filter((f) => f.startsWith('tests/') || f.startsWith('content/'))).toEqual([]);
  // Every package the declarations import brings its types to a user who installs infoblatt:
  // @types/react was a devDependency, and a strict project failed on dist/types (TS7016).
  const { dependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const imported = new Set<string>();
  for (const file of readdirSync(path.join(root, 'dist/types'), { recursive: true }).map(String).filter((f) => f.endsWith('.d.ts'))) {
    for (const [, spec] of readFileSync(path.join(root, 'dist/types', file), 'utf8').matchAll(/(?:from |import\()['"]([^'"./][^'"]*)['"]/g)) {
      if (!spec!.startsWith('node:')) imported.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
    }
  }
  expect([...imported].sort()).toEqual(['@react-pdf/types', 'react', 'yaml', 'zod']);
  for (const name of imported) expect(dependencies[name] ?? dependencies[`@types/${name}`], name).toBeDefined();
});
