import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { PathSegment, SourceFile } from './source.js';

/**
 * From a YAML path (["sections", 2, "body"]) back to where it stands in its file, so that a
 * finding about a value can name file:line:column. Paths that do not exist point at the nearest
 * place on the way: a missing field at the mapping that should hold it.
 */

export interface Located {
  line: number;
  column: number;
}

/** The key as toJS names it in the data, so that a path from the data finds its pair: "~:" and ": x" are "". */
function keyOf(pair: Pair): unknown {
  const key = isScalar(pair.key) ? pair.key.value : pair.key;
  return key === null ? '' : key;
}

/**
 * The YAML node at `path`, or the deepest node on the way there when the path does not exist
 * (e.g. a required field that is missing points at the mapping that should hold it).
 */
export function nodeAt(source: SourceFile, path: readonly PathSegment[]): { node: Node | null; keyNode: Node | null; complete: boolean } {
  let node = source.doc.contents as Node | null;
  let keyNode: Node | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(keyOf(p)) === String(seg));
      if (!pair) return { node, keyNode, complete: false };
      keyNode = (pair.key as Node) ?? null;
      node = (pair.value as Node) ?? null;
      if (node === null) return { node: keyNode, keyNode, complete: true };
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return { node, keyNode, complete: false };
      keyNode = null;
      node = item;
    } else {
      return { node, keyNode, complete: false };
    }
  }
  return { node, keyNode, complete: true };
}

/** Line and column of `offset` in a text of its own, without a parsed file (a logo, undecodable bytes). */
export function positionInText(text: string, offset: number): Located {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function positionOf(source: SourceFile, offset: number): Located {
  const p = source.lines.linePos(offset);
  return { line: p.line, column: p.col };
}

/** Where a value starts; `onKey` points at its key instead (for "unknown field" findings). */
export function locate(source: SourceFile, path: readonly PathSegment[], onKey = false): Located {
  const { node, keyNode } = nodeAt(source, path);
  const target = onKey && keyNode ? keyNode : node;
  const offset = target?.range?.[0] ?? 0;
  return positionOf(source, offset);
}

/**
 * Where `needle` stands inside the scalar at `path` (its `occurrence`-th appearance in the source
 * text). Works for plain, quoted and block scalars because it searches the source, not the value;
 * falls back to the scalar's start.
 */
export function locateInScalar(source: SourceFile, path: readonly PathSegment[], needle: string, occurrence = 0): Located {
  const { node } = nodeAt(source, path);
  const range = node?.range;
  if (!range) return locate(source, path);
  const raw = source.text.slice(range[0], range[1]);
  // The value has a tab or a run of spaces inside a line as one space (tidyText): so has the needle.
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '[ \\t]+'), 'g');
  const at = [...raw.matchAll(pattern)][occurrence]?.index;
  return positionOf(source, range[0] + (at ?? 0));
}

export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}
