import { Link, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import { breakAddress, type Hyphenate } from '../../src/hyphenation.js';
import { linkTarget, printedAddress } from '../../src/content/autolink.js';
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
 * breaks after a slash or before a dot, never with a hyphen that is not in it: breakAddress). In
 * the tagged PDF the QR code is a Figure inside its link, described by `qrAlt` ("{address}": the
 * address as printed); the heading an H2.
 */
export function LearnMore({ url, heading, hint, qrAlt, hyphenate, style }: { url: string; heading: string; hint: string; qrAlt: string; hyphenate: Hyphenate; style: LearnMoreStyle }) {
  const shown = printedAddress(url);
  const target = linkTarget(url);
  return (
    <View style={style.box} wrap={false}>
      <Link src={target}>
        <QrCode url={target} size={style.qrSize} color={style.qrColor} alt={qrAlt.replace('{address}', shown)} />
      </Link>
      <View style={style.words}>
        <Text style={style.heading} tag="H2">{heading}</Text>
        <Text style={style.hint} hyphenationCallback={hyphenate}>{hint}</Text>
        <Link src={target} style={[style.url, { textDecoration: 'none' }]}>
          <Text hyphenationCallback={breakAddress}>{shown}</Text>
        </Link>
      </View>
    </View>
  );
}
