import type { Command } from 'commander';
import { Option } from 'commander';
import { ExitCode } from '../exit-codes.js';
import { countFindings, isError } from '../findings.js';
import { build } from '../pipeline/build.js';
import { parseJobs } from './build.js';
import { log, noteElsewhere, printFindings, reportBug, withSelectors, type FindingsFormat, selection, type SelectorOptions } from './output.js';

/**
 * `infoblatt check`: every rule `build` applies, with nothing written. Variants are laid out in
 * memory for the page limit; those unchanged since the last build (by the manifest in --out) are
 * not laid out again. Exit 0 clean (warnings allowed), 1 content errors, 2 usage.
 */
export function checkCommand(cli: Command): void {
  withSelectors(cli.command('check').description('check the content as build would, and write nothing (exit 0 clean, 1 errors, 2 usage)'))
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder of the last build: variants unchanged since then need no layout', 'out')
    .option('--strict', 'missing or outdated translations are errors, not warnings')
    .option('--print', "check as build --print would: the brand's CMYK colours must cover the logo")
    .addOption(new Option('--format <format>', 'text for people, github for workflow annotations, json for tools').choices(['text', 'json', 'github']).default('text'))
    // The other commands take --json; so does check, meaning --format json.
    .addOption(new Option('--json', 'the same as --format json').implies({ format: 'json' }))
    .addOption(new Option('--jobs <n>', 'layout threads').argParser(parseJobs))
    .action(async (opts: SelectorOptions & { content: string; out: string; strict?: boolean; print?: boolean; format: FindingsFormat; jobs?: number }) => {
      const report = await build({
        content: opts.content,
        out: opts.out,
        select: selection(opts),
        strict: opts.strict,
        print: opts.print,
        jobs: opts.jobs,
        dryRun: true,
      });
      printFindings(report.findings, opts.format);
      // On stderr in every format: stdout holds only the findings, for tools.
      noteElsewhere(report.elsewhere);
      const failed = report.results.filter((r) => r.status === 'failed').length;
      const total = report.results.length;
      if (opts.format === 'text') {
        const verdict = total === 0 ? 'there is nothing to build'
          : failed === 0 ? `${total === 1 ? 'the variant can be built' : `all ${total} variants can be built`}${report.findings.some(isError) ? ', but the errors above fail the check' : ''}`
          : `${failed} of ${total} ${total === 1 ? 'variant' : 'variants'} cannot be built`;
        const known = report.results.filter((r) => r.status === 'checked' && r.entry).length;
        // The rest were checked now: laid out, or failed before (a file with errors).
        const how = known === 0 ? '' : known === total ? ` (unchanged since the last build in ${opts.out})` : ` (${known} unchanged since the last build in ${opts.out}, ${total - known} checked now)`;
        log(`checked ${opts.content}: ${countFindings(report.findings)}; ${verdict}${how}`);
      }
      for (const stack of report.internalErrors) reportBug(stack, 'laying out');
      process.exitCode = report.internalErrors.length > 0 ? ExitCode.internal : report.findings.some(isError) || failed > 0 ? ExitCode.content : ExitCode.ok;
    });
}
