/**
 * Text wider than its box. react-pdf breaks lines at spaces and where a hyphenation callback
 * allows; a word with no allowed break that is wider than its box is set on one line anyway and
 * runs past it, into a neighbour or off the page, where the page edge cuts it. react-pdf reports
 * nothing, so every paragraph it lays out is checked here (text-layout-cache.ts calls this for
 * each layout, cached or not) and the render stage hands what ran over to the build, which
 * reports it as a content error (pipeline/overflow.ts).
 */

interface Line {
  string: string;
  xAdvance?: number;
  runs?: Array<{ positions?: Array<{ xAdvance?: number }> }>;
}

/** Rounding in react-pdf's own layout stays well below this (pt). */
const TOLERANCE = 0.5;

/** The text of each line wider than `width`, its spaces at the end not counted. */
export function linesTooWide(paragraphs: ReadonlyArray<ReadonlyArray<Line>>, width: number | undefined): string[] {
  if (width === undefined || !Number.isFinite(width)) return [];
  const over: string[] = [];
  for (const lines of paragraphs) {
    for (const line of lines) {
      if (usedWidth(line) > width + TOLERANCE) over.push(line.string.trim());
    }
  }
  return over;
}

export function usedWidth(line: Line): number {
  let width = line.xAdvance ?? 0;
  // Spaces at the end of a line are its last glyphs; they hang in the margin and do not count.
  let spaces = line.string.length - line.string.trimEnd().length;
  for (let r = (line.runs?.length ?? 0) - 1; r >= 0 && spaces > 0; r--) {
    const positions = line.runs![r]!.positions ?? [];
    for (let i = positions.length - 1; i >= 0 && spaces > 0; i--, spaces--) width -= positions[i]!.xAdvance ?? 0;
  }
  return width;
}

/** What ran over in the document being rendered in this thread, since the last take. */
let found: string[] = [];

export function noteTooWide(lines: readonly string[]): void {
  if (lines.length > 0) found.push(...lines);
}

export function takeTooWide(): string[] {
  const taken = [...new Set(found)];
  found = [];
  return taken;
}
