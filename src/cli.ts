import { installFastInflate } from './fast-inflate.js';
import { Command, CommanderError } from 'commander';
import { setHintContent } from './command-line.js';
import { ExitCode } from './exit-codes.js';
import { OutputError, UsageError } from './findings.js';
import { finishInterrupted, removePendingWrites } from './pipeline/write.js';
import { toolVersion } from './version.js';
import { changedSinceCompiled } from './tool-sources.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { schemaCommand } from './commands/schema.js';
import { listCommand } from './commands/list.js';
import { newCommand } from './commands/new.js';
import { log, reportBug } from './commands/output.js';
import { previewCommand } from './commands/preview.js';
import { translationsCommand } from './commands/translations.js';

/**
 * The command line: one module per command in src/commands/. Exit codes are defined in
 * exit-codes.ts and listed in the README.
 */
export function program(): Command {
  const cli = new Command('infoblatt')
    .description('Branded, print-ready info-sheet PDFs from YAML: one version per region, one variant per language.')
    .version(toolVersion)
    .showSuggestionAfterError()
    .exitOverride();
  buildCommand(cli);
  checkCommand(cli);
  listCommand(cli);
  translationsCommand(cli);
  newCommand(cli);
  schemaCommand(cli);
  previewCommand(cli);
  // Sub-commands report usage mistakes the same way as the top level.
  for (const cmd of cli.commands) cmd.exitOverride().commands.forEach((c) => c.exitOverride());
  cli.hook('preAction', (_cli, action) => {
    // "--out $OUT" with OUT unset: an empty name is the current folder, where out/'s index.html
    // and manifest.json would land among the user's files.
    for (const [name, value] of Object.entries(action.opts<Record<string, unknown>>())) {
      if (value === '' && FOLDER_OPTIONS.has(name)) throw new UsageError(`--${name} was given an empty folder name (an unset variable?); name the folder, e.g. --${name} ${name}`);
    }
    // Commands printed in hints name the content folder this command was given.
    setHintContent(action.opts<{ content?: string }>().content);
    if (RENDERS.has(action.name())) warnIfChangedSinceCompiled();
  });
  return cli;
}

/** Options that name a folder, where an empty value is a mistake. */
const FOLDER_OPTIONS = new Set(['out', 'content']);

/** Whether the command's output on stdout is JSON (`--json`, or `--format json` of check). */
const wantsJson = (argv: readonly string[]) => argv.includes('--json') || argv.includes('--format=json') || argv.some((a, i) => a === '--format' && argv[i + 1] === 'json');

/** The commands whose output depends on the compiled templates and the fonts. */
const RENDERS = new Set(['build', 'check', 'list', 'preview']);

/**
 * A developer who edits a template or a font and runs `npx infoblatt build` gets the code as last
 * compiled, and an edit that does not count as a change ("nothing to render"): say so, and how
 * to compile. (`npm start` compiles first when a source changed.)
 */
function warnIfChangedSinceCompiled(): void {
  const changed = changedSinceCompiled();
  if (changed.length === 0) return;
  const named = changed.length > 3 ? `${changed.slice(0, 3).join(', ')} and ${changed.length - 3} more` : changed.join(', ');
  log(`infoblatt: ${named} changed after infoblatt was compiled, so this run uses the code as compiled and does not count ${changed.length === 1 ? 'it' : 'them'} as a change. Run npm run build first (npm start compiles by itself).`);
}

export async function main(argv: string[]): Promise<void> {
  const stop = (code: ExitCode) => () => {
    if (finishInterrupted()) log('infoblatt: stopped; the PDFs finished so far are kept and listed in the manifest');
    if (wantsJson(argv)) process.stdout.write(`${JSON.stringify({ ok: false, exitCode: code, error: 'stopped by a signal' })}\n`);
    process.exit(code);
  };
  process.once('SIGINT', stop(ExitCode.interrupted));
  process.once('SIGTERM', stop(ExitCode.terminated));
  // A promise of ours that fails unawaited, or an error thrown in an event handler, is a bug like
  // any other, not Node's own crash report (whose exit code, 1, would read as content findings).
  const crashed = (error: unknown) => {
    reportBug(error);
    removePendingWrites();
    process.exit(ExitCode.internal);
  };
  process.on('unhandledRejection', crashed);
  process.on('uncaughtException', crashed);
  // Before anything loads fontkit or pdfkit: their Unicode tables decompress natively.
  installFastInflate();
  // A reader that stops early (`infoblatt list | head`) is no error: stop writing, quietly, and
  // leave anything half-written to the same clean-up as Ctrl-C. Other write errors stay bugs.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    removePendingWrites();
    process.exit(ExitCode.ok);
  });
  // The same for a reader of the messages (`infoblatt check 2>&1 | head`): the rest goes unheard,
  // and the run ends with its own exit code (1 for findings), which a pipeline may still ask for.
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; everything else commander reports is a usage mistake.
      process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    } else if (error instanceof UsageError) {
      log(`infoblatt: ${error.message}`);
      process.exitCode = ExitCode.usage;
    } else if (error instanceof OutputError) {
      log(`infoblatt: ${error.message}`);
      process.exitCode = ExitCode.output;
    } else {
      reportBug(error);
      process.exitCode = ExitCode.internal;
    }
    // A script reading --json output (build --json | jq) gets JSON on a failure too, not nothing.
    if (process.exitCode !== ExitCode.ok && wantsJson(argv)) {
      const message = error instanceof Error ? error.message.replace(/^error: /, '') : String(error);
      process.stdout.write(`${JSON.stringify({ ok: false, exitCode: process.exitCode, error: message })}\n`);
    }
  }
}
