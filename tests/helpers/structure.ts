import { execFileSync } from 'node:child_process';

/**
 * A tagged PDF's structure tree as poppler reads it (`pdfinfo -struct-text`): each element with
 * its type and, in order, its own text (marked content) and child elements. An annotation the
 * element owns (a link's OBJR) is counted in `objects`.
 */
export interface StructElement {
  type: string;
  items: Array<StructElement | string>;
  objects: number;
}

export function structureOf(file: string): StructElement {
  return parseStructText(execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' }));
}

export function parseStructText(output: string): StructElement {
  const root: StructElement = { type: 'StructTreeRoot', items: [], objects: 0 };
  const stack: Array<{ depth: number; element: StructElement }> = [{ depth: -1, element: root }];
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.trim() === '') continue;
    const depth = (line.length - line.trimStart().length) / 2;
    while (stack.at(-1)!.depth >= depth) stack.pop();
    const parent = stack.at(-1)!.element;
    let content = line.trim();
    if (content.startsWith('"')) {
      // A text may hold a line break: it ends at the line that ends in a quote.
      while (!(content.length > 1 && content.endsWith('"')) && i + 1 < lines.length) {
        line = lines[++i]!;
        content += `\n${line}`;
      }
      parent.items.push(content.slice(1, -1));
    } else if (/^Object \d+ \d+$/.test(content)) parent.objects++;
    else {
      const element: StructElement = { type: content.replace(/ \((block|inline)\)$/, ''), items: [], objects: 0 };
      parent.items.push(element);
      stack.push({ depth, element });
    }
  }
  return root;
}

/** The text of an element and everything in it, in order; no-break spaces as spaces, runs of white space as one. */
export function textOf(element: StructElement): string {
  const parts = element.items.map((item) => (typeof item === 'string' ? item : textOf(item)));
  return parts.join(' ').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Every element of the given type, in document order (depth first). */
export function elementsOf(element: StructElement, type?: string): StructElement[] {
  const found: StructElement[] = [];
  for (const item of element.items) {
    if (typeof item === 'string') continue;
    if (type === undefined || item.type === type) found.push(item);
    found.push(...elementsOf(item, type));
  }
  return found;
}
