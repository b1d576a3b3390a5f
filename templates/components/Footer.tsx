import { Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';

export interface FooterStyle {
  bar: Style;
  text: Style;
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
