import { Link, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { Block, Inline } from '../../src/model.js';
import type { Hyphenate } from '../../src/hyphenation.js';

/** Paragraphs and lists of a Markdown body, as react-pdf text. */

/** What runs of text need: the looks of emphasis and links. */
export interface RunsStyle {
  bold: Style;
  italic: Style;
  boldItalic: Style;
  link: Style;
}

export interface RichTextStyle extends RunsStyle {
  paragraph: Style;
  list: Style;
  listItem: Style;
  /** Paragraphs and lists inside a list item: tighter than between paragraphs. */
  itemParagraph: Style;
  bullet: Style;
  /**
   * A paragraph that leads into a list ("So geht ihr vor:") needs at most this much room after it
   * on its page (src/page-breaks.ts: the list's first item), else it moves on with the list; so
   * does a list's last item but one, for the last.
   */
  leadInKeepWithNext?: number;
}

/** A paragraph ending in a colon, directly before a list, introduces it. */
const leadsIn = (blocks: Block[], i: number) => {
  const block = blocks[i]!;
  return block.kind === 'paragraph' && blocks[i + 1]?.kind === 'list' && /:\s*$/.test(block.runs.at(-1)?.text ?? '');
};

export function Runs({ runs, style }: { runs: Inline[]; style: RunsStyle }) {
  return (
    <>
      {runs.map((run, i) => {
        const look = run.bold && run.italic ? style.boldItalic : run.bold ? style.bold : run.italic ? style.italic : undefined;
        if (run.href) return <Link key={i} src={run.href} style={look ? [style.link, look] : style.link}>{run.text}</Link>;
        return look ? <Text key={i} style={look}>{run.text}</Text> : run.text;
      })}
    </>
  );
}

/**
 * `hyphenateIn`: hyphenation for a block's language (Block.lang; undefined: the document's). In the
 * tagged PDF a paragraph is a P, a list an L of LI (Lbl: the bullet or number, LBody: the item's
 * paragraphs); a block in another language carries it (Lang, which its contents inherit).
 */
export function RichText({ blocks, style, hyphenateIn, lang, inList = false }: { blocks: Block[]; style: RichTextStyle; hyphenateIn: (lang: string | undefined) => Hyphenate; lang?: string; inList?: boolean }) {
  return (
    <>
      {blocks.map((block, i) =>
        block.kind === 'paragraph' ? (
          <Text key={i} style={inList ? [style.paragraph, style.itemParagraph] : style.paragraph} hyphenationCallback={hyphenateIn(block.lang ?? lang)} orphans={2} widows={2} tag="P" lang={block.lang}
            {...(leadsIn(blocks, i) && style.leadInKeepWithNext && { minPresenceAhead: style.leadInKeepWithNext })}>
            <Runs runs={block.runs} style={style} />
          </Text>
        ) : (
          // A list inside an item adds no space of its own below it, nor does its last item: the
          // item it is in keeps its own (a walk found the margins of three lists and three items
          // before the item after a nested list).
          <View key={i} style={inList ? [style.list, style.itemParagraph] : style.list} tag="L" lang={block.lang}>
            {block.items.map((item, j) => (
              // The last item does not start a page alone (under it, the next heading): the one
              // before it asks for it, as a lead-in asks for the first.
              <View key={j} style={inList && j === block.items.length - 1 ? [style.listItem, style.itemParagraph] : style.listItem} wrap={false} tag="LI"
                {...(j === block.items.length - 2 && block.items.length >= 3 && style.leadInKeepWithNext && { minPresenceAhead: style.leadInKeepWithNext })}>
                <Text style={style.bullet} tag="Lbl">{block.ordered ? `${block.start + j}.` : '•'}</Text>
                <View style={{ flex: 1 }} tag="LBody">
                  <RichText blocks={item} style={style} hyphenateIn={hyphenateIn} lang={block.lang ?? lang} inList />
                </View>
              </View>
            ))}
          </View>
        ),
      )}
    </>
  );
}
