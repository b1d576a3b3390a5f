import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';
import { readPdf, unhyphenated } from '../helpers/pdf.js';

/**
 * An address written out in running text is a link in the PDF (src/content/autolink.ts), also
 * one a placeholder fills in; the sentence's full stop stays outside the link.
 */
it('links a web or e-mail address written in the text, the filled-in ones too', async () => {
  const dir = tempDir(contentDir);
  const region = path.join(dir, 'content/regions/kiel.yaml');
  writeFileSync(region, `${readFileSync(region, 'utf8')}
overrides:
  zoom-datenschutz:
    de:
      sections:
        fazit:
          append: |
            Fragen beantworten wir unter {contact.email}; alle Termine stehen auf www.example.org/kiel/termine.
`);
  const r = runCli(['build', '--region', 'kiel', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  const pdf = await readPdf(readFileSync(path.join(dir, 'out/zoom-datenschutz/kiel/zoom-datenschutz-kiel-de-infoblatt.pdf')));
  // The contact card links the address too: the text's link is the second.
  expect(pdf.links.filter((l) => l === 'mailto:kiel@example.org')).toHaveLength(2);
  expect(pdf.links).toContain('https://www.example.org/kiel/termine');
  expect(unhyphenated(pdf.text)).toContain('Fragen beantworten wir unter kiel@example.org; alle Termine stehen auf www.example.org/kiel/termine.');
});
