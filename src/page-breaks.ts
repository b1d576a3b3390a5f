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
 * after them (minPresenceAhead: headings) are held to it now. (shouldBreak in @react-pdf/layout.)
 */
export function presenceEnd(node: { props?: { minPresenceAhead?: number } }, end: number): number {
  return node.props?.minPresenceAhead ? end : Number.NEGATIVE_INFINITY;
}
