/**
 * The three kinds of failure are kept apart:
 * - UsageError: the person typed a command we cannot carry out (exit 2).
 * - Finding: something in the content tree is wrong; always carries file:line:column. Findings are
 *   collected and returned (the build reports them all), never thrown.
 * - anything else thrown is our own bug and the only thing that may show a stack trace.
 */

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
}

export class UsageError extends Error {
  override name = 'UsageError';
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
