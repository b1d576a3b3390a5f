import type { Command } from 'commander';
import { planVariants } from '../pipeline/plan.js';
import { outputPath } from '../pipeline/write.js';
import { templateIds } from '../../templates/index.js';
import { print, printJson, readContent, withSelectors, selection, type SelectorOptions } from './output.js';

export function listCommand(cli: Command): void {
  withSelectors(cli.command('list').description('print every variant (sheet × region × language × template) with its output path'))
    .option('--content <dir>', 'content folder', 'content')
    .option('--json', 'print JSON')
    .action(async (opts: SelectorOptions & { content: string; json?: boolean }) => {
      const content = await readContent(opts.content);
      const rows = planVariants(content, selection(opts), templateIds)
        .map(({ key, blockedBy }) => ({ ...key, file: outputPath(key), buildable: blockedBy.length === 0 }));
      if (opts.json) {
        printJson({ variants: rows });
        return;
      }
      const head = ['sheet', 'region', 'locale', 'template', 'file'];
      const table = [head, ...rows.map((r) => [r.sheet, r.region, r.locale, r.template, r.buildable ? r.file : `${r.file}  (content errors: see infoblatt check)`])];
      const widths = head.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
      for (const row of table) print(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
      print(`\n${rows.length} variants`);
    });
}
