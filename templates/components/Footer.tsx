import { Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';

export interface FooterStyle {
  bar: Style;
  text: Style;
}

/**
 * A footer on a band of the signal colour along the bottom edge (into the bleed in print), as the
 * flyer and the poster have: `height` and `textTop` are measured from the trim.
 */
export function footerBandStyle(colors: { primary: string; onPrimary: string }, side: number, bleed: number, sizes: { height: number; textTop: number; text: number }): FooterStyle {
  return {
    bar: {
      position: 'absolute', left: 0, right: 0, bottom: 0, height: sizes.height + bleed, backgroundColor: colors.primary,
      paddingHorizontal: side + bleed, paddingTop: sizes.textTop, flexDirection: 'row', justifyContent: 'space-between',
    },
    text: { fontSize: sizes.text, color: colors.onPrimary },
  };
}

/**
 * On every page: the organisation's line on the left; on the right "Seite N von M" in the
 * variant's language, or a fixed text (the flyer and the poster have no page numbers).
 */
export function Footer({ line, pageOf, right, style }: { line: string; pageOf?: string; right?: string; style: FooterStyle }) {
  return (
    <View style={style.bar} fixed>
      <Text style={style.text}>{line}</Text>
      {pageOf ? (
        <Text
          style={style.text}
          render={({ pageNumber, totalPages }) => pageOf.replace('{page}', String(pageNumber)).replace('{pages}', String(totalPages))}
        />
      ) : (
        right && <Text style={style.text}>{right}</Text>
      )}
    </View>
  );
}
