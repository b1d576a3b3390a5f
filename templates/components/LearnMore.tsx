import { Link, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import { breakAddress, type Hyphenate } from '../../src/hyphenation.js';
import { linkTarget } from '../../src/content/autolink.js';
import { QrCode } from './QrCode.js';

export interface LearnMoreStyle {
  box: Style;
  qrSize: number;
  qrColor: string;
  words: Style;
  heading: Style;
  hint: Style;
  url: Style;
}

/**
 * The QR code with what it leads to: a heading, a line on what to do, the address in print (which
 * breaks after a slash or before a dot, never with a hyphen that is not in it: breakAddress).
 */
export function LearnMore({ url, heading, hint, hyphenate, style }: { url: string; heading: string; hint: string; hyphenate: Hyphenate; style: LearnMoreStyle }) {
  const shown = url.replace(/^https:\/\//, '').replace(/\/$/, '');
  const target = linkTarget(url);
  return (
    <View style={style.box} wrap={false}>
      <Link src={target}>
        <QrCode url={target} size={style.qrSize} color={style.qrColor} />
      </Link>
      <View style={style.words}>
        <Text style={style.heading}>{heading}</Text>
        <Text style={style.hint} hyphenationCallback={hyphenate}>{hint}</Text>
        <Link src={target} style={[style.url, { textDecoration: 'none' }]}>
          <Text hyphenationCallback={breakAddress}>{shown}</Text>
        </Link>
      </View>
    </View>
  );
}
