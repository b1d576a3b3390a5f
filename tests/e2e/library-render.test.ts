import { readFileSync, writeFileSync } from 'node:fs';
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
  const brand = lib.resolveBrand(content, 'de');
  const template = await lib.loadTemplate('aushang');
  const render = (kind: 'screen' | 'print') => lib.renderPdf(template, model, brand, content.brand!.font, kind);
  const alone = { screen: (await render('screen')).pdf, print: (await render('print')).pdf };
  expect((await render('screen')).tightness).toBeGreaterThan(0);
  const kinds = ['screen', 'print', 'screen', 'print'] as const;
  const together = await Promise.all(kinds.map(render));
  together.forEach(({ pdf }, i) => expect(pdf.equals(alone[kinds[i]!]), `${kinds[i]} ${i}`).toBe(true));
}, 60_000);
