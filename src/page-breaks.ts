/**
 * Two rules of page breaking that react-pdf's pagination does not keep on its own. Both are
 * hooks in react-pdf's code that scripts/node-bundle.mjs puts in (see there).
 */

interface SplitText {
  lines?: ReadonlyArray<{ string: string }>;
  props?: { orphans?: number };
}

/** react-pdf's default when a <Text> sets no orphans. */
const DEFAULT_ORPHANS = 2;
const ENDS_IN_HYPHEN = /[-\u2010]$/;
/** A page may end this many lines short to keep a word whole. */
const MOST_LINES_GIVEN_UP = 2;

/**
 * No word is split across two pages. react-pdf chooses the line at which a paragraph continues on
 * the next page (keeping its widows and orphans); when the last line left on the page ends in a
 * hyphen, the reader would have to turn the page in the middle of a word ("iş- / lem").
 *
 * The break then moves up a line or two, to a line that ends a word, as long as the page keeps at
 * least `orphans` lines of the paragraph. If it cannot, and the page holds only a few lines of the
 * paragraph, the whole paragraph moves on (as react-pdf's own orphans rule does). Otherwise the
 * hyphen stays: a page ending many lines short is worse than a divided word. (getLineBreak in
 * @react-pdf/layout.)
 */
export function keepWordsOnOnePage(node: SplitText, lineIndex: number): number {
  const lines = node.lines ?? [];
  const endsInHyphen = (i: number) => ENDS_IN_HYPHEN.test(lines[i - 1]!.string);
  if (lineIndex <= 0 || lineIndex >= lines.length || !endsInHyphen(lineIndex)) return lineIndex;
  const orphans = node.props?.orphans || DEFAULT_ORPHANS;
  for (let up = 1; up <= MOST_LINES_GIVEN_UP; up++) {
    const index = lineIndex - up;
    if (index >= orphans && !endsInHyphen(index)) return index;
  }
  return lineIndex <= orphans + 1 ? 0 : lineIndex;
}

/**
 * A paragraph that fits on its page stays there. react-pdf moves a node to the next page when the
 * end of its "presence" lies below the page, and takes that end as top + height + bottom margin
 * + minPresenceAhead for every node. So a paragraph whose lines fit but whose spacing below did
 * not went whole to the next page, leaving up to a page of white space and the heading above it
 * alone at the foot (9 times in 226 page ends of a stress test). Only nodes that ask for room
 * after them (minPresenceAhead: headings, lead-ins) are held to it now. (shouldBreak in @react-pdf/layout.)
 */
export function presenceEnd(node: LaidNode, end: number, future: readonly LaidNode[] = []): number {
  if (!node.props?.minPresenceAhead || (node.lines?.length ?? 0) > MOST_LINES_MOVED) return Number.NEGATIVE_INFINITY;
  const [next, then] = future.filter((n) => !isFixed(n));
  const needed = next && startEnd(next, 0);
  // What follows asks for room in turn (a lead-in for its list): this node needs all of that, past
  // its own limit, or what follows moves on and leaves it alone at the foot (a walk found a
  // heading over a two-line lead-in). The lead-in's own limit bounds it.
  if (needed !== undefined && next?.props?.minPresenceAhead && (next.lines?.length ?? 0) <= MOST_LINES_MOVED && then) {
    const start = startEnd(then, 0);
    if (start === undefined) return end;
    const box = next.box ?? {};
    const own = (box.top ?? 0) + (box.height ?? 0) + (box.marginBottom ?? 0) + next.props.minPresenceAhead;
    return Math.max(needed, Math.min(own, start));
  }
  return needed === undefined ? end : Math.min(end, needed);
}

/**
 * A text that asks for room after it (a heading, a paragraph leading into a list) moves to the
 * next page with what follows only while it has at most this many lines: a page left that many
 * lines short is as much as keeping them together may cost. A longer lead-in stays, and its last
 * lines go on with the list only if the paragraph is divided anyway.
 */
const MOST_LINES_MOVED = 4;

/**
 * A heading asks for room after it (minPresenceAhead: a few lines, whatever follows), so that it
 * never stands alone at a page's foot. What it needs is the start of what follows as the page
 * break will keep it: the first paragraph's lines up to the first place a break may fall
 * (`orphans` lines, more where those end in a divided word, keepWordsOnOnePage), or the whole
 * paragraph when it is too short to divide. A heading and a two-line paragraph no longer leave a
 * page five lines short, and a heading over a paragraph whose second line ends in a hyphen no
 * longer stays behind alone.
 */
interface LaidNode {
  props?: { minPresenceAhead?: number; orphans?: number; widows?: number; fixed?: unknown; wrap?: boolean };
  box?: { top?: number; height?: number; paddingTop?: number; marginBottom?: number };
  lines?: ReadonlyArray<{ string: string; box?: { height?: number } }>;
  children?: readonly LaidNode[];
}

const isFixed = (node: LaidNode) => node.props !== undefined && 'fixed' in node.props;

/** Where the start of `node` that must share a page with what precedes it ends, in its parent's coordinates; undefined when unknown. */
function startEnd(node: LaidNode, offset: number): number | undefined {
  const top = offset + (node.box?.top ?? 0);
  // A block that never splits (a list item) must fit whole.
  if (node.props?.wrap === false) return node.box?.height === undefined ? undefined : top + node.box.height;
  if (node.lines) {
    const heights = node.lines.map((line) => line.box?.height);
    if (heights.some((h) => h === undefined)) return undefined;
    return top + (node.box?.paddingTop ?? 0) + (heights as number[]).slice(0, linesToKeep(node)).reduce((sum, h) => sum + h, 0);
  }
  const first = node.children?.find((child) => !isFixed(child));
  return first ? startEnd(first, top) : undefined;
}

/** How many lines of a paragraph a page must hold for it to start there. */
function linesToKeep(node: LaidNode): number {
  const lines = node.lines!;
  const orphans = node.props?.orphans || DEFAULT_ORPHANS;
  const widows = node.props?.widows || DEFAULT_ORPHANS;
  if (lines.length < orphans + widows) return lines.length;
  for (let k = orphans; k <= lines.length - widows; k++) if (!ENDS_IN_HYPHEN.test(lines[k - 1]!.string)) return k;
  return lines.length;
}
