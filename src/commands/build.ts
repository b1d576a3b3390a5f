import type { Command } from 'commander';
import { Option } from 'commander';
import path from 'node:path';
import { ExitCode } from '../exit-codes.js';
import { UsageError, variantLabel } from '../findings.js';
import { build, type BuildReport, type Stage, type VariantResult } from '../pipeline/build.js';
import { DOCUMENTS_PER_THREAD_TO_START, defaultJobs } from '../pipeline/render-pool.js';
import { toolVersion } from '../version.js';
import { templateSpecs } from '../../templates/index.js';
import { findingJson, log, noteElsewhere, printFindings, printJson, reportBug, withSelectors, selection, type SelectorOptions } from './output.js';

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function variantLine(r: VariantResult): string {
  const name = variantLabel(r.key);
  if (r.status === 'failed') return `  ✗ ${name}  ${r.reason ?? 'failed'}`;
  if (r.status === 'unchanged') return `  = ${name}  unchanged`;
  const e = r.entry!;
  const extras = [e.print, e.archive].flatMap((x) => (x ? [`, ${x.file.slice(x.file.lastIndexOf('/') + 1)}`] : [])).join('');
  const tighter = e.tightness ? `, type set smaller to fit (step ${e.tightness} of ${templateSpecs[e.template]?.tighterSettings ?? e.tightness})` : '';
  return `  ✓ ${name}  ${e.pages} ${e.pages === 1 ? 'page' : 'pages'}${tighter}, ${kib(e.bytes)}, ${Math.round(r.ms)} ms  → ${e.file}${extras}`;
}

function summary(report: BuildReport, outDir: string): string {
  const count = (s: VariantResult['status']) => report.results.filter((r) => r.status === s).length;
  const [built, unchanged, failed] = [count('built'), count('unchanged'), count('failed')];
  const t = report.timings;
  // Every stage that took its time; judging over-full variants only when there were any.
  const stages = `${(Object.entries(t) as Array<[Stage, number]>).filter(([stage, ms]) => stage !== 'fit' || ms > 0).map(([stage, ms]) => `${stage === 'replayCheck' ? 'replay check' : stage} ${ms.toFixed(0)}`).join(', ')} ms`;
  const time = `${(report.totalMs / 1000).toFixed(2)} s`;
  const all = unchanged === 1 ? 'the variant is unchanged' : `all ${unchanged} variants are unchanged`;
  if (report.replayed) {
    return `nothing to render: ${all}, as is everything ${unchanged === 1 ? 'it is' : 'they are'} made from, since the last build (use --force to render ${unchanged === 1 ? 'it' : 'them'} anyway) in ${time} → ${outDir}`;
  }
  const head = built === 0 && failed === 0 && unchanged > 0
    ? `nothing to render: ${all} (use --force to render ${unchanged === 1 ? 'it' : 'them'} anyway)`
    : [`${built} built`, unchanged && `${unchanged} unchanged`, failed && `${failed} failed`].filter(Boolean).join(', ');
  return `${head} in ${time} (${stages}) → ${outDir}`;
}

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs needs a whole number of at least 1, not "${value}"`);
  return n;
}

export function buildCommand(cli: Command): void {
  withSelectors(cli.command('build').description('render the PDFs into the output folder and write manifest.json'))
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder', 'out')
    .addOption(new Option('--jobs <n>', `render threads (default: builds of ${DOCUMENTS_PER_THREAD_TO_START * defaultJobs()}+ PDFs render in ${Math.max(1, defaultJobs() - 1)} worker thread(s), one per core but one left for the thumbnails; smaller builds in the main thread)`).argParser(parseJobs))
    .option('--force', 'render every variant, even when its inputs are unchanged')
    .option('--strict', 'fail on missing or outdated translations instead of warning')
    .option('--print', 'also write print versions for the print shop (3 mm bleed, crop marks, TrimBox/BleedBox): …-print.pdf')
    .option('--archive', 'also write archival versions (PDF/A-2b): …-pdfa.pdf')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (opts: SelectorOptions & { content: string; out: string; jobs?: number; force?: boolean; strict?: boolean; print?: boolean; archive?: boolean; json?: boolean }) => {
      log(`infoblatt ${toolVersion}: building from ${opts.content}`);
      const report = await build({
        content: opts.content,
        out: opts.out,
        select: selection(opts),
        jobs: opts.jobs,
        force: opts.force,
        strict: opts.strict,
        print: opts.print,
        archive: opts.archive,
        onVariant: (r) => r.status !== 'unchanged' && log(variantLine(r)),
      });
      if (report.manifestUnreadable) log(`warning: ${path.join(opts.out, 'manifest.json')} could not be read (cut short, or edited by hand) and is written anew; PDFs only it listed stay in ${opts.out} unlisted: delete ${opts.out} for a clean start`);
      if (report.withdrawn.length > 0) log(`removed from ${opts.out}, as their variants are no longer in the content: ${report.withdrawn.join(', ')}`);
      printFindings(report.findings);
      for (const failure of report.index.failed) log(`infoblatt: no thumbnail for ${failure}`);
      noteElsewhere(report.elsewhere);
      log(summary(report, opts.out));
      if (opts.json) {
        printJson({
          ok: report.ok,
          variants: report.results.map((r) => ({ ...r.key, status: r.status, file: r.file, ...(r.entry ?? {}), ms: Math.round(r.ms), reason: r.reason })),
          findings: report.findings.map(findingJson),
          timings: { ...report.timings, totalMs: report.totalMs },
          memory: report.memory,
          index: report.index,
          replayed: report.replayed,
          withdrawn: report.withdrawn,
          shaping: report.shaping,
          elsewhere: report.elsewhere.map(findingJson),
          // Why a run failed that is no content's fault: files not written (exit 73), our bugs (70).
          outputErrors: report.outputErrors,
          internalErrors: report.internalErrors,
          manifestUnreadable: report.manifestUnreadable,
        });
      }
      for (const stack of report.internalErrors) reportBug(stack, 'rendering');
      const unwritten = report.outputErrors.length;
      if (unwritten > 1) log(`infoblatt: ${unwritten} files could not be written; the first: ${report.outputErrors[0]}`);
      process.exitCode = report.internalErrors.length > 0 ? ExitCode.internal : unwritten > 0 ? ExitCode.output : report.ok ? ExitCode.ok : ExitCode.content;
    });
}
