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

/** The key points of the flyer block, numbered; a point is never split across pages. */
export function KeyPoints({ title, points, hyphenate, style }: { title: string; points: string[]; hyphenate: Hyphenate; style: KeyPointsStyle }) {
  return (
    <View>
      <Text style={style.heading} minPresenceAhead={style.headingKeepWithNext}>{title}</Text>
      {points.map((point, i) => (
        <View key={i} style={style.item} wrap={false}>
          <Text style={style.number}>{i + 1}</Text>
          <Text style={style.text} hyphenationCallback={hyphenate}>{point}</Text>
        </View>
      ))}
    </View>
  );
}
