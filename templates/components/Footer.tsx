import { Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';

export interface FooterStyle {
  bar: Style;
  text: Style;
}

/** On every page: the organisation's line and "Seite N von M" in the variant's language. */
export function Footer({ line, pageOf, style }: { line: string; pageOf: string; style: FooterStyle }) {
  return (
    <View style={style.bar} fixed>
      <Text style={style.text}>{line}</Text>
      <Text
        style={style.text}
        render={({ pageNumber, totalPages }) => pageOf.replace('{page}', String(pageNumber)).replace('{pages}', String(totalPages))}
      />
    </View>
  );
}
