import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { schemaLine } from '../content/schema-files.js';
import { UsageError } from '../findings.js';
import { writeAtomic } from '../pipeline/write.js';
import { displayPath } from '../paths.js';
import { log } from './output.js';

/** The starter file: every field explained; it validates as soon as the empty ones are filled in. */
export function regionStarter(id: string): string {
  return `${schemaLine(`regions/${id}.yaml`)}
# Region "${id}". Fill in the fields below, then run: npx infoblatt build --region ${id}
# The file name is the region's id: lowercase a–z, digits and hyphens. Umlauts belong in "name".

# The name as it follows the organisation's name, e.g. "München" → "IG Metall München".
# Per language, write instead:  name: { de: München, en: Munich, tr: Münih }
name: ""

contact:
  office: ""            # e.g. IG Metall München
  street: ""            # street and number
  postcode: ""          # in quotes, so leading zeros stay: "04107"
  city: ""
  # Optional: remove the "#" at the start of a line to use it.
  # phone: +49 89 123456-0
  # email: ${id}@example.org
  # web: https://www.example.org/${id}      (https only)
  # hours: Mo–Do 9–16 Uhr                     (or per language: { de: …, en: … })

# Optional: your own practice, added to a section of a sheet (append), or replacing its text
# (body) or heading. Example:
# overrides:
#   zoom-datenschutz:
#     de:
#       sections:
#         aufzeichnung:
#           append: |
#             Wir zeichnen Webinare nur mit Zustimmung aller Teilnehmer*innen auf.
`;
}

export function newCommand(cli: Command): void {
  const cmd = cli.command('new').description('create a starter file');
  cmd
    .command('region <id>')
    .description('write content/regions/<id>.yaml with every field explained')
    .option('--content <dir>', 'content folder', 'content')
    .action(async (id: string, opts: { content: string }) => {
      const { SLUG } = await import('../content/schema.js');
      if (!SLUG.test(id)) throw new UsageError(`"${id}" is not a region id: use lowercase a–z, digits and hyphens (e.g. muenchen, bad-kreuznach)`);
      const dir = path.join(opts.content, 'regions');
      const file = path.join(dir, `${id}.yaml`);
      if (existsSync(file)) throw new UsageError(`${displayPath(file)} exists already; edit it, or choose another id`);
      if (!existsSync(opts.content)) throw new UsageError(`the content folder ${opts.content} does not exist (use --content DIR)`);
      mkdirSync(dir, { recursive: true });
      writeAtomic(file, regionStarter(id));
      log(`wrote ${displayPath(file)}`);
      log('Next:');
      log(`  1. open it and fill in name, office, street, postcode and city (and any optional field you want)`);
      log(`  2. run: npx infoblatt check --region ${id}   (says what is still missing, with line numbers)`);
      log(`  3. run: npx infoblatt build --region ${id}`);
      log(`  4. open the PDFs under out/*/${id}/`);
    });
}
