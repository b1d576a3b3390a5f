import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { commandLine } from '../command-line.js';
import { LOCALE, MAX_ID_LENGTH, SLUG, slugFor } from '../content/ids.js';
import { schemaLine } from '../content/schema-files.js';
import { UsageError } from '../findings.js';
import { idTooLong } from '../messages.js';
import { writeAtomic } from '../pipeline/write.js';
import { displayPath, missingContentFolder } from '../paths.js';
import { log } from './output.js';

/** A region's starter file: every field explained; it validates as soon as the empty ones are filled in. */
function regionStarter(id: string): string {
  return `${schemaLine(`regions/${id}.yaml`)}
# Region "${id}". Fill in the fields below, then run: ${commandLine(`build --region ${id}`, { inFile: true })}
# The file name is the region's id: lowercase a–z, digits and hyphens. Umlauts belong in "name".

# The name as it follows the organisation's name, e.g. "München" → "IG Metall München".
# Per language, write instead:  name: { de: München, en: Munich, tr: Münih }
name: ""

contact:
  office: ""            # e.g. IG Metall München
  street: ""            # street and number
  postcode: ""          # in quotes, so leading zeros stay: "04107"
  city: ""
  # Optional: to use a line, remove the "# " at its start (the hash and the space after it).
  # phone: +49 89 123456-0
  # email: ${id}@example.org
  # web: https://www.example.org/${id}       # https only
  # hours: Mo–Do 9–16 Uhr, Fr 9–12 Uhr         # printed as written in every language; or per language:
  # hours:
  #   de: Mo–Do 9–16 Uhr, Fr 9–12 Uhr
  #   en: Mon–Thu 9 am–4 pm, Fri 9 am–12 pm
  #   tr: Pzt–Per 9–16, Cum 9–12

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

/**
 * A new sheet's two files: sheet.yaml (published in its source language only, as an info sheet)
 * and the text in that language, every field explained. Languages and the flyer and poster come
 * later, each with its own step (README: "Adding a sheet").
 */
function sheetStarter(id: string, locale: string, date: string): { sheet: string; text: string } {
  const sheet = `${schemaLine(`sheets/${id}/sheet.yaml`)}
# Sheet "${id}": the folder name is its id. The text is in ${locale}.yaml next to this file.
id: ${id}
date: ${date}          # publication date (YYYY-MM-DD), printed as "Stand: …"
source_locale: ${locale}        # the language the text is written in
locales: [${locale}]            # the languages it is published in; add one once its file exists (en.yaml …)
templates: [infoblatt]   # add flyer and aushang once ${locale}.yaml has a flyer block (see there)
`;
  const text = `${schemaLine(`sheets/${id}/${locale}.yaml`)}
# The text of sheet "${id}" (source language: ${locale}). Fill in the empty fields, then run:
#   ${commandLine(`check --sheet ${id}`, { inFile: true })}     and     ${commandLine(`build --sheet ${id}`, { inFile: true })}
# Titles and headings are plain text; the lead and bodies are Markdown. {region.name} and the
# other placeholders are filled in per region (README: "Placeholders").
title: ""
kicker: ""          # the small line above the title, e.g. Videokonferenzen der IG Metall {region.name}
# keywords: [Zoom, Datenschutz]
# The opening paragraph. For several lines write  lead: >  and indent them on the next lines.
lead: ""

sections:
  # One entry per section. The id stays the same for good: regions and translations refer to it.
  - id: abschnitt-1
    heading: ""
    # For paragraphs and lists write  body: |  and indent the text on the next lines.
    body: ""

# For the flyer and the notice-board poster: a short form, written for them (3 to 6 points).
# flyer:
#   headline: A short headline
#   points:
#     - The most important point.
#     - The second one.
#     - The third one.
#   link: https://www.example.org/${id}      # where the QR code leads; https only
`;
  return { sheet, text };
}

export function newCommand(cli: Command): void {
  const cmd = cli.command('new').description('create starter files for a region or a sheet');
  cmd
    .command('region <id>')
    .description('write content/regions/<id>.yaml with every field explained')
    .option('--content <dir>', 'content folder', 'content')
    .action((id: string, opts: { content: string }) => {
      if (!SLUG.test(id)) {
        // The id, not the file name ("bremen.yaml" → bremen). slugFor answers "region" for a name
        // with no letter a–z or digit in it ("東京"): no suggestion then.
        const base = id.replace(/\.ya?ml$/i, '');
        const slug = slugFor(base) !== 'region' || /region/i.test(base) ? slugFor(base) : undefined;
        const umlauts = /[^\x00-\x7f]/.test(id) ? ' The display name, umlauts and all, goes into the file\'s "name:".' : '';
        throw new UsageError(`"${id}" is not a region id: use lowercase a–z, digits and hyphens${slug ? ` (did you mean "${slug}"?${umlauts})` : ', e.g. bremen or bad-kreuznach'}`);
      }
      if (id.length > MAX_ID_LENGTH) throw new UsageError(`${idTooLong('region', id).message}: choose a shorter one, e.g. the name of the place`);
      const dir = path.join(opts.content, 'regions');
      const file = path.join(dir, `${id}.yaml`);
      if (existsSync(file)) throw new UsageError(`${displayPath(file)} exists already; edit it, or choose another id`);
      if (!existsSync(opts.content)) throw missingContentFolder(path.resolve(opts.content));
      writeAtomic(file, regionStarter(id));
      log(`wrote ${displayPath(file)}`);
      log('Next:');
      log(`  1. open it and fill in name, office, street, postcode and city (and any optional field you want)`);
      log(`  2. run: ${commandLine(`check --region ${id}`)}   (says what is still missing, with line numbers)`);
      log(`  3. run: ${commandLine(`build --region ${id}`)}`);
      log(`  4. open the PDFs under out/*/${id}/`);
    });
  cmd
    .command('sheet <id>')
    .description('write content/sheets/<id>/ with sheet.yaml and the text file, every field explained')
    .option('--content <dir>', 'content folder', 'content')
    .option('--locale <code>', 'the language the text is written in', 'de')
    .action((id: string, opts: { content: string; locale: string }) => {
      if (!SLUG.test(id)) throw new UsageError(`"${id}" is not a sheet id: use lowercase a–z, digits and hyphens (e.g. betriebsratswahl-2026)`);
      if (id.length > MAX_ID_LENGTH) throw new UsageError(`${idTooLong('sheet', id).message}: choose a shorter one`);
      if (!LOCALE.test(opts.locale)) throw new UsageError(`"${opts.locale}" is not a language code: use e.g. de, en, tr`);
      if (!existsSync(opts.content)) throw missingContentFolder(path.resolve(opts.content));
      const dir = path.join(opts.content, 'sheets', id);
      if (existsSync(dir)) throw new UsageError(`${displayPath(dir)} exists already; edit the sheet there, or choose another id`);
      // Today as the publication date: the date the text is written, changed when it is published.
      // The writer's calendar day (Swedish dates are written YYYY-MM-DD), not UTC's: at 00:30 in
      // Hamburg, UTC is still yesterday.
      const { sheet, text } = sheetStarter(id, opts.locale, new Date().toLocaleDateString('sv-SE'));
      writeAtomic(path.join(dir, 'sheet.yaml'), sheet);
      writeAtomic(path.join(dir, `${opts.locale}.yaml`), text);
      log(`wrote ${displayPath(path.join(dir, 'sheet.yaml'))} and ${displayPath(path.join(dir, `${opts.locale}.yaml`))}`);
      log('Next:');
      log(`  1. open ${displayPath(path.join(dir, `${opts.locale}.yaml`))} and fill in title, kicker, lead and the sections`);
      log(`  2. run: ${commandLine(`check --sheet ${id}`)}   (says what is still missing, with line numbers)`);
      log(`  3. run: ${commandLine(`build --sheet ${id}`)}   (every region), or look at it: ${commandLine('preview')}`);
      log(`  4. later: languages and the flyer and poster, as the comments in the two files say`);
    });
}
