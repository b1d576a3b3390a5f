import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { SCHEMA_DIR, schemaFor, schemaLine } from '../content/schema-files.js';
import { displayPath, missingContentFolder } from '../paths.js';
import { writeAtomic } from '../pipeline/write.js';
import { log } from './output.js';

/** Content files below `root`, relative to it, that have a schema. */
function contentFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir)).sort().flatMap((name) => {
    const rel = dir ? `${dir}/${name}` : name;
    if (name.startsWith('.') || rel === SCHEMA_DIR) return [];
    // Links are not followed (load reads no file outside the folder, and a link to a parent folder loops).
    const stat = lstatSync(path.join(root, rel));
    if (stat.isDirectory()) return contentFiles(root, rel);
    return stat.isFile() && schemaFor(rel) ? [rel] : [];
  });
}

/**
 * `infoblatt schema`: writes the JSON Schemas into the content folder, where each file's
 * `# yaml-language-server: $schema=…` first line finds them. Content files are not rewritten
 * (they are the editors' files); those without the line are listed with the line to add.
 */
export function schemaCommand(cli: Command): void {
  cli.command('schema')
    .description(`write JSON Schemas for editors into <content>/${SCHEMA_DIR}/ (brand, region, sheet, sheet text, translations lock)`)
    .option('--content <dir>', 'content folder', 'content')
    .action(async (opts: { content: string }) => {
      const { jsonSchemas, schemaFileText } = await import('../content/json-schema.js');
      const root = path.resolve(opts.content);
      if (!existsSync(root) || !statSync(root).isDirectory()) throw missingContentFolder(root);
      for (const [name, schema] of Object.entries(jsonSchemas())) {
        const file = path.join(root, SCHEMA_DIR, `${name}.schema.json`);
        writeAtomic(file, schemaFileText(schema));
        log(`wrote ${displayPath(file)}`);
      }
      const missing = contentFiles(root).filter((rel) => readFileSync(path.join(root, rel), 'utf8').split('\n', 1)[0] !== schemaLine(rel));
      if (missing.length === 0) return;
      log(`\nFor completion and checks while typing (editors with the YAML language server), start these files with the line shown:`);
      for (const rel of missing) log(`  ${displayPath(path.join(root, rel))}\n    ${schemaLine(rel)}`);
    });
}
