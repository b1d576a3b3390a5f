/**
 * The three kinds of failure are kept apart:
 * - UsageError: the person typed a command we cannot carry out (exit 2).
 * - Finding: something in the content tree is wrong; always carries file:line:column. Findings are
 *   collected and returned (the build reports them all), never thrown.
 * - anything else thrown is our own bug and the only thing that may show a stack trace.
 */

import type { VariantKey } from './model.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  /** Path as shown to people: relative to the working directory when inside it. */
  file: string;
  line: number;
  column: number;
  /** Dotted path inside the YAML document, e.g. `contact.postcode` or `sections[2].body`. */
  yamlPath: string;
  message: string;
  /** What to do about it, in one sentence. */
  hint?: string;
  /** For a rule judged on one variant's layout (fit, width): that variant; the message starts with its label. */
  variant?: VariantKey;
}

/**
 * A finding of a rule judged on `variant`'s layout: its message is prefixed with the variant's
 * label ("zoom-datenschutz · kiel · de · flyer: runs to 3 pages"), and mergeFindings can group it
 * with the same finding in other variants.
 */
export const withVariant = (finding: Finding, variant: VariantKey): Finding => ({ ...finding, message: `${variantLabel(variant)}${LABEL_END}${finding.message}`, variant });

const LABEL_END = ': ';
/** The message of a finding without withVariant's label. */
const unlabelled = (message: string, variant: VariantKey) => message.slice(variantLabel(variant).length + LABEL_END.length);

/** A variant as people read it in messages: "zoom-datenschutz · hamburg · de · infoblatt". */
export const variantLabel = (k: VariantKey) => `${k.sheet} · ${k.region} · ${k.locale} · ${k.template}`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A file infoblatt must write cannot be written: a full disk, a read-only folder, a file where a
 * folder belongs, another build writing to the same out/. Neither the content's fault nor ours,
 * so neither a finding nor a stack trace: one sentence with the path, the reason and what to do.
 */
export class OutputError extends Error {
  override name = 'OutputError';
  /**
   * For library callers, what kind of failure: the system's error code ("ENOSPC", "EACCES", …),
   * "ELOCKED" when another build is writing to the same out/, "EWITHDRAW" when a withdrawn PDF
   * could not be removed.
   */
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

/**
 * An error the system reported for a file (it has the system call that failed), as against one
 * of Node's own ERR_… codes, which come from a bug of ours (a wrong argument) and need its stack.
 */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** The reasons the system gives for a failed write, as people say them, and what to do. */
const IN_THE_WAY = 'Move or rename what is in the way, or write elsewhere (--out for the PDFs).';
const NO_RIGHTS = 'Make the folder writable, or write elsewhere (--out for the PDFs).';
const NO_ROOM = 'Free some space, or write elsewhere (--out for the PDFs).';
const WRITE_FAILURES: Record<string, [reason: string, todo: string]> = {
  ENOSPC: ['the disk is full', NO_ROOM],
  EDQUOT: ['the disk quota is used up', NO_ROOM],
  EACCES: ['no permission to write there', NO_RIGHTS],
  EPERM: ['no permission to write there', NO_RIGHTS],
  EROFS: ['the file system is read-only', NO_RIGHTS],
  ENOTDIR: ['a part of the path is a file, not a folder', IN_THE_WAY],
  EISDIR: ['a folder of that name is in the way', IN_THE_WAY],
  EEXIST: ['a file of that name is in the way', IN_THE_WAY],
  EMFILE: ['too many files are open', 'Close other programs and run it again.'],
  EBUSY: ['the file is in use by another program (a PDF viewer?)', 'Close it there and run it again.'],
  ENAMETOOLONG: ['the path is too long for the file system', 'Write to a folder with a shorter path (--out).'],
  EIO: ['the disk reported an error', 'Check the disk, or write elsewhere (--out for the PDFs).'],
  // A link on the way that leads nowhere (--out pointing at a link to a folder since removed).
  ENOENT: ['a part of the path does not exist (a link to a folder that is gone?)', 'Create the folder, correct the link, or write elsewhere (--out for the PDFs).'],
  ELOOP: ['a link on the path leads back to itself', 'Correct the link, or write elsewhere (--out for the PDFs).'],
};

/** The system's reason for a failed write or removal as people say it ("the disk is full (ENOSPC)"), when it is one. */
export function failureReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code && code in WRITE_FAILURES ? `${WRITE_FAILURES[code]![0]} (${code})` : undefined;
}

/** An error from writing `what` as an OutputError, when it is one the system reports (errno). */
export function outputErrorOf(what: string, error: unknown): OutputError | undefined {
  if (error instanceof OutputError) return error;
  const reason = failureReason(error);
  if (!reason) return undefined;
  const todo = WRITE_FAILURES[(error as NodeJS.ErrnoException).code!]![1];
  return new OutputError(`cannot write ${what}: ${reason}. ${todo}`, (error as NodeJS.ErrnoException).code);
}

export function isError(f: Finding): boolean {
  return f.severity === 'error';
}

/**
 * One finding as people read it: where, how bad, which field, what is wrong; the hint on its own
 * line below. Editors and terminals turn "file:line:column" at the start into a link.
 *   content/regions/hamburg.yaml:12:5  error  contact.email: "hamburg@" is not an e-mail address
 *       hint: Write a plain address such as hamburg@example.org.
 */
export function formatFinding(f: Finding): string {
  const field = f.yamlPath ? `${f.yamlPath}: ` : '';
  const head = `${f.file}:${f.line}:${f.column}  ${f.severity}  ${field}${f.message}`;
  return f.hint ? `${head}\n    hint: ${f.hint}` : head;
}

/** "2 errors, 1 warning" (or "no problems"). */
export function countFindings(findings: readonly Finding[]): string {
  const errors = findings.filter(isError).length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return 'no problems';
  return [errors && `${errors} ${errors === 1 ? 'error' : 'errors'}`, warnings && `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`].filter(Boolean).join(', ');
}

/** GitHub Actions turns these lines into annotations on the line of the changed file. */
export function formatAnnotation(f: Finding): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const field = f.yamlPath ? `${f.yamlPath}: ` : '';
  const text = data(`${field}${f.message}${f.hint ? `\n${f.hint}` : ''}`);
  return `::${f.severity} file=${property(f.file)},line=${f.line},col=${f.column}::${text}`;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

const FIELDS = ['sheet', 'region', 'locale', 'template'] as const;
const PLURAL = { sheet: 'sheets', region: 'regions', locale: 'languages', template: 'templates' } as const;

/**
 * The same finding twice (one file, place and message) is reported once. A layout rule broken in
 * several variants at one place (a word of the sheet too wide in every region, a street too long
 * for the contact card in every language and template) becomes one finding that names them all
 * ("zoom-datenschutz · de · infoblatt, in 7 regions (frankfurt, …)"), instead of seven lines in
 * the terminal, or seven annotations on one line in CI.
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const text = f.variant ? unlabelled(f.message, f.variant) : f.message;
    const key = `${f.file}:${f.line}:${f.column}:${f.severity}:${text}`;
    const group = groups.get(key);
    if (!group) groups.set(key, [f]);
    else if (f.variant && !group.some((g) => g.message === f.message)) group.push(f);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    if (group.length === 1 || !first.variant) return first;
    // In a fixed order: variants finish rendering in any order.
    const keys = group.map((f) => f.variant!).sort((a, b) => variantLabel(a).localeCompare(variantLabel(b)));
    const varying = FIELDS.filter((field) => new Set(keys.map((k) => k[field])).size > 1);
    const common = FIELDS.filter((field) => !varying.includes(field)).map((field) => first.variant![field]).join(' · ');
    const values = varying.map((field) => [...new Set(keys.map((k) => k[field]))]);
    // Every combination of the varying values (7 regions × 3 templates): named per field, not 21 times.
    const crossed = values.reduce((n, v) => n * v.length, 1) === keys.length;
    const which = varying.length === 1
      ? `${keys.length} ${PLURAL[varying[0]!]} (${values[0]!.join(', ')})`
      : crossed
        ? `${keys.length} variants (${varying.map((field, i) => `${PLURAL[field]} ${values[i]!.join(', ')}`).join('; ')})`
        : `${keys.length} variants (${keys.map((k) => varying.map((field) => k[field]).join(' · ')).join(', ')})`;
    const { variant: _, ...rest } = first;
    return { ...rest, message: `${common}, in ${which}${LABEL_END}${unlabelled(first.message, first.variant)}` };
  });
}
