import { Command, CommanderError, Option } from 'commander';
import { ExitCode } from './exit-codes.js';
import { ContentError, UsageError, formatAnnotation, formatFinding, isError } from './findings.js';
import { build, type BuildReport, type VariantResult } from './pipeline/build.js';
import { removePendingWrites } from './pipeline/write.js';
import { toolVersion } from './version.js';

/**
 * Command line. Logs and progress go to stderr, machine output (--json) to stdout. Exit codes are
 * defined in exit-codes.ts and listed in the README.
 */

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
const log = (line = '') => process.stderr.write(`${line}\n`);

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function variantLine(r: VariantResult): string {
  const name = `${r.key.sheet} · ${r.key.region} · ${r.key.locale} · ${r.key.template}`;
  if (r.status === 'failed') return `  ✗ ${name}  ${r.reason ?? 'failed'}`;
  const e = r.entry!;
  return `  ✓ ${name}  ${e.pages} ${e.pages === 1 ? 'page' : 'pages'}, ${kib(e.bytes)}, ${Math.round(r.ms)} ms  → ${e.file}`;
}

function printFindings(report: BuildReport): void {
  if (report.findings.length === 0) return;
  const errors = report.findings.filter(isError).length;
  const warnings = report.findings.length - errors;
  log(`\n${errors} ${errors === 1 ? 'error' : 'errors'}${warnings ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''} in the content:`);
  for (const f of report.findings) log(formatFinding(f));
  if (process.env.GITHUB_ACTIONS === 'true') for (const f of report.findings) log(formatAnnotation(f));
}

function summary(report: BuildReport, outDir: string): string {
  const built = report.results.filter((r) => r.status === 'built').length;
  const failed = report.results.length - built;
  const t = report.timings;
  const stages = `load ${t.load.toFixed(0)}, validate ${t.validate.toFixed(0)}, resolve ${t.resolve.toFixed(0)}, render ${t.render.toFixed(0)}, write ${t.write.toFixed(0)} ms`;
  return `${built} built${failed ? `, ${failed} failed` : ''} in ${(report.totalMs / 1000).toFixed(2)} s (${stages}) → ${outDir}`;
}

export function program(): Command {
  const cli = new Command('infoblatt')
    .description('Branded, print-ready info-sheet PDFs from YAML: one version per region, one variant per language.')
    .version(toolVersion)
    .showSuggestionAfterError()
    .exitOverride();

  cli
    .command('build')
    .description('render PDFs into the output folder and write manifest.json')
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder', 'out')
    .addOption(new Option('--sheet <id>', 'only this sheet (repeatable, or comma-separated)').argParser(collect))
    .addOption(new Option('--region <id>', 'only this region (repeatable)').argParser(collect))
    .addOption(new Option('--locale <code>', 'only this language (repeatable)').argParser(collect))
    .addOption(new Option('--template <id>', 'only this template (repeatable)').argParser(collect))
    .option('--json', 'print the result as JSON on stdout')
    .action(async (opts: { content: string; out: string; sheet?: string[]; region?: string[]; locale?: string[]; template?: string[]; json?: boolean }) => {
      log(`infoblatt ${toolVersion}: building from ${opts.content}`);
      const report = await build({
        content: opts.content,
        out: opts.out,
        select: { sheets: opts.sheet, regions: opts.region, locales: opts.locale, templates: opts.template },
        onVariant: (r) => log(variantLine(r)),
      });
      printFindings(report);
      log(summary(report, opts.out));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ ok: report.ok, variants: report.results.map((r) => ({ ...r.key, status: r.status, file: r.file, ...(r.entry ?? {}), ms: Math.round(r.ms), reason: r.reason })), findings: report.findings }, null, 2)}\n`);
      }
      process.exitCode = report.ok ? ExitCode.ok : ExitCode.content;
    });
  return cli;
}

export async function main(argv: string[]): Promise<void> {
  const stop = () => {
    removePendingWrites();
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; everything else commander reports is a usage mistake.
      process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    } else if (error instanceof UsageError) {
      log(`infoblatt: ${error.message}`);
      process.exitCode = ExitCode.usage;
    } else if (error instanceof ContentError) {
      log(error.message);
      process.exitCode = ExitCode.content;
    } else {
      log('infoblatt: internal error, a bug in infoblatt itself (please report it with the text below):');
      log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = ExitCode.internal;
    }
  }
}
