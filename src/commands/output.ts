import { Option, type Command } from 'commander';
import type { Selection } from '../pipeline/plan.js';
import type { ValidContent } from '../pipeline/validate.js';
import { countFindings, formatAnnotation, formatFinding, type Finding } from '../findings.js';
import { templateIds } from '../../templates/index.js';

/** Logs and progress go to stderr; a command's result (tables, --json) to stdout. */
export const log = (line = '') => {
  logged = true;
  process.stderr.write(`${line}\n`);
};
let logged = false;

/**
 * A bug of ours (the one kind of failure that shows a stack trace): said the same way wherever it
 * surfaces, with what was going on and the stack to report.
 */
export function reportBug(trace: unknown, during?: string): void {
  const stack = trace instanceof Error ? (trace.stack ?? trace.message) : String(trace);
  separate();
  log(`infoblatt: internal error${during ? ` while ${during}` : ''}, a bug in infoblatt itself (please report it with the text below):`);
  log(stack);
}

/** A blank line before a new block of stderr, but none at its very start. */
export const separate = () => {
  if (logged) log();
};
export const print = (line = '') => process.stdout.write(`${line}\n`);
export const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/**
 * A content folder loaded and validated, for commands that read it without building. Their
 * modules (YAML, zod, Markdown) load only now, so a command that does not need them starts fast.
 */
export async function readContent(dir: string): Promise<ValidContent> {
  const [{ loadContent }, { validateContent }] = await Promise.all([import('../pipeline/load.js'), import('../pipeline/validate.js')]);
  return validateContent(loadContent(dir), templateIds);
}

export type FindingsFormat = 'text' | 'json' | 'github';

/**
 * Findings in the chosen form: text for people (stderr, with a count), GitHub annotations or JSON
 * for tools (stdout). In a GitHub Actions run the text form adds annotations as well.
 */
export function printFindings(findings: readonly Finding[], format: FindingsFormat = 'text'): void {
  if (format === 'json') {
    printJson(findings.map(findingJson));
    return;
  }
  if (format === 'github') {
    for (const f of findings) print(formatAnnotation(f));
    return;
  }
  if (findings.length === 0) return;
  separate();
  for (const f of findings) log(formatFinding(f));
  log(`\n${countFindings(findings)} in the content`);
  if (process.env.GITHUB_ACTIONS === 'true') for (const f of findings) log(formatAnnotation(f));
}

/** A finding in every command's JSON output (the README documents these fields). */
export function findingJson(f: Finding) {
  return { severity: f.severity, file: f.file, line: f.line, column: f.column, path: f.yamlPath, message: f.message, hint: f.hint ?? null };
}

/** Repeatable options that also accept comma-separated lists. */
export const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

const selectorHelp = { sheet: 'only this sheet', region: 'only this region', locale: 'only this language', template: 'only this template' } as const;
const selectorArg = { sheet: '<id>', region: '<id>', locale: '<code>', template: '<id>' } as const;

/** What the selector options give a command's action. */
export interface SelectorOptions {
  sheet?: string[];
  region?: string[];
  locale?: string[];
  template?: string[];
}

/** The selector options as the pipeline's selection. */
export function selection(opts: SelectorOptions): Selection {
  return { sheets: opts.sheet, regions: opts.region, locales: opts.locale, templates: opts.template };
}

/** The selectors every command that works on variants shares (repeatable, or comma-separated). */
export function withSelectors(cmd: Command, which: ReadonlyArray<keyof typeof selectorHelp> = ['sheet', 'region', 'locale', 'template']): Command {
  for (const name of which) cmd.addOption(new Option(`--${name} ${selectorArg[name]}`, `${selectorHelp[name]} (repeatable, or comma-separated)`).argParser(collect));
  return cmd;
}

/**
 * Findings of files the selection does not read (another region's file), in one line: a regional
 * office checking its own region learns that there are some, and where, without being failed.
 */
export function noteElsewhere(elsewhere: readonly Finding[]): void {
  if (elsewhere.length === 0) return;
  const files = [...new Set(elsewhere.map((f) => f.file))];
  log(`(${countFindings(elsewhere)} in ${files.length === 1 ? files[0] : `${files.length} files`} that the selected variants do not use, not counted here; run without --region or --sheet to see ${elsewhere.length === 1 ? 'it' : 'them'})`);
}
