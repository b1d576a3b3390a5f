import { Option, type Command } from 'commander';
import { formatAnnotation, formatFinding, isError, type Finding } from '../findings.js';

/** Logs and progress go to stderr; a command's result (tables, --json) to stdout. */
export const log = (line = '') => process.stderr.write(`${line}\n`);
export const print = (line = '') => process.stdout.write(`${line}\n`);
export const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

export function printFindings(findings: readonly Finding[]): void {
  if (findings.length === 0) return;
  const errors = findings.filter(isError).length;
  const warnings = findings.length - errors;
  const parts = [errors && `${errors} ${errors === 1 ? 'error' : 'errors'}`, warnings && `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`].filter(Boolean);
  log(`\n${parts.join(', ')} in the content:`);
  for (const f of findings) log(formatFinding(f));
  if (process.env.GITHUB_ACTIONS === 'true') for (const f of findings) log(formatAnnotation(f));
}

/** Repeatable options that also accept comma-separated lists. */
export const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

const selectorHelp = { sheet: 'only this sheet', region: 'only this region', locale: 'only this language', template: 'only this template' } as const;
const selectorArg = { sheet: '<id>', region: '<id>', locale: '<code>', template: '<id>' } as const;

/** The selectors every command that works on variants shares (repeatable, or comma-separated). */
export function withSelectors(cmd: Command, which: ReadonlyArray<keyof typeof selectorHelp> = ['sheet', 'region', 'locale', 'template']): Command {
  for (const name of which) cmd.addOption(new Option(`--${name} ${selectorArg[name]}`, `${selectorHelp[name]} (repeatable, or comma-separated)`).argParser(collect));
  return cmd;
}
