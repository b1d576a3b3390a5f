import { Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { Hyphenate } from '../../src/hyphenation.js';

export interface KeyPointsStyle {
  heading: Style;
  /** Room (pt) the heading needs below it on its page, else it moves to the next with the points. */
  headingKeepWithNext: number;
  item: Style;
  number: Style;
  text: Style;
}

/**
 * The key points of the flyer block, numbered; a point is never split across pages. In the tagged
 * PDF: a heading (H2) and a list (L) of items, each its number (Lbl) and text (LBody); `lang`: the
 * points' language where it is not the document's.
 */
export function KeyPoints({ title, points, hyphenate, lang, style }: { title: string; points: string[]; hyphenate: Hyphenate; lang?: string; style: KeyPointsStyle }) {
  return (
    <View>
      <Text style={style.heading} minPresenceAhead={style.headingKeepWithNext} tag="H2">{title}</Text>
      {/* Only a structure element: the list's View has no style, so the items sit where they did. */}
      <View tag="L" lang={lang}>
        {points.map((point, i) => (
          <View key={i} style={style.item} wrap={false} tag="LI">
            <Text style={style.number} tag="Lbl">{i + 1}</Text>
            <Text style={style.text} hyphenationCallback={hyphenate} tag="LBody">{point}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
