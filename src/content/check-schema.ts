import type { z } from 'zod';
import type { Finding, Severity } from '../findings.js';
import { schemaProblem } from '../messages.js';
import { formatPath, locate, locateInScalar, nodeAt } from './locate.js';
import type { PathSegment, SourceFile } from './source.js';

/**
 * Runs a schema over a parsed file and turns each issue into a Finding at the right
 * file:line:column, worded for people (see messages.ts).
 */
export function checkSchema<S extends z.ZodType>(source: SourceFile, schema: S): { data?: z.infer<S>; findings: Finding[] } {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return { data: result.data, findings: [] };
  // zod names every unknown field of an object in one issue: each is a mistake of its own.
  const issues = result.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' && issue.keys.length > 1 ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue]));
  const findings = issues.map((issue) => {
    const path = issue.path as PathSegment[];
    const { node, complete } = nodeAt(source, path);
    const raw = complete && node?.range ? source.text.slice(node.range[0], node.range[1]).trim() : undefined;
    const wording = schemaProblem(issue, fieldsAt(schema, path), raw);
    const at = wording.up ? path.slice(0, -wording.up) : path;
    // (An empty key, "~:" in the file, is a key too: its finding stands at its line.)
    const full = wording.extraPath !== undefined ? [...at, wording.extraPath] : at;
    const pos = locate(source, full, wording.onKey);
    return {
      severity: 'error' as const,
      file: source.shown,
      line: pos.line,
      column: pos.column,
      yamlPath: formatPath(full),
      message: wording.message,
      hint: wording.hint,
    };
  });
  // Several issues reported at one value (see `up`) are one finding: the first.
  return { findings: findings.filter((f, i) => findings.findIndex((g) => g.yamlPath === f.yamlPath && g.line === f.line) === i) };
}

/** A finding at a value of the file, at its key (`'key'`), or at `needle` inside it. */
export function findingAt(
  source: SourceFile,
  path: readonly PathSegment[],
  severity: Severity,
  message: string,
  hint: string,
  needle?: { text: string; occurrence?: number } | 'key',
): Finding {
  const pos = needle === 'key' ? locate(source, path, true) : needle ? locateInScalar(source, path, needle.text, needle.occurrence) : locate(source, path);
  return { severity, file: source.shown, line: pos.line, column: pos.column, yamlPath: formatPath(path), message, hint };
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): z.ZodType {
  let d = defOf(s);
  while ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType) {
    s = d.innerType;
    d = defOf(s);
  }
  if (d.type === 'pipe' && d.in) return unwrap(d.in);
  if (d.type === 'union' && d.options) return d.options.map(unwrap).find((o) => defOf(o).type === 'object' || defOf(o).type === 'record') ?? s;
  return s;
}

/** The field names the schema allows at `path` (for "did you mean …?"). */
function fieldsAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let s = unwrap(schema);
  for (const seg of path) {
    const d = defOf(s);
    const next = d.type === 'object' ? d.shape?.[String(seg)] : d.type === 'record' ? d.valueType : d.type === 'array' ? d.element : undefined;
    if (!next) break;
    s = unwrap(next);
  }
  const d = defOf(s);
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}
