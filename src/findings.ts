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

export function formatFinding(f: Finding): string {
  const where = f.yamlPath ? ` (at ${f.yamlPath})` : '';
  const head = `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message}${where}`;
  return f.hint ? `${head}\n    → ${f.hint}` : head;
}

/** GitHub Actions turns these lines into annotations on the changed file. */
export function formatAnnotation(f: Finding): string {
  const clean = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const text = clean(f.hint ? `${f.message} ${f.hint}` : f.message);
  return `::${f.severity} file=${f.file},line=${f.line},col=${f.column}::${text}`;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}
