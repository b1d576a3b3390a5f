/**
 * No word is split across two pages. react-pdf chooses the line at which a paragraph continues on
 * the next page (keeping its widows and orphans); when the last line left on the page ends in a
 * hyphen, the reader would have to turn the page in the middle of a word ("iş- / lem"). The break
 * then moves up a line, as typesetters do; if that would leave fewer than `orphans` lines of the
 * paragraph on the page, the whole paragraph moves on (react-pdf's own rule for orphans). The
 * page ends a line or two shorter instead.
 *
 * scripts/node-bundle.mjs routes react-pdf's choice (getLineBreak in @react-pdf/layout) through here.
 */

interface SplitText {
  lines?: ReadonlyArray<{ string: string }>;
  props?: { orphans?: number };
}

/** react-pdf's default when a <Text> sets no orphans. */
const DEFAULT_ORPHANS = 2;
const ENDS_IN_HYPHEN = /[-\u2010]$/;

export function keepWordsOnOnePage(node: SplitText, lineIndex: number): number {
  const lines = node.lines ?? [];
  const orphans = node.props?.orphans || DEFAULT_ORPHANS;
  let index = lineIndex;
  while (index > 0 && index < lines.length && ENDS_IN_HYPHEN.test(lines[index - 1]!.string)) index = index - 1 >= orphans ? index - 1 : 0;
  return index;
}
