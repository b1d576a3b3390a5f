import { Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import { displayFontOf, displayLine } from '../../src/display-lines.js';
import type { Hyphenate } from '../../src/hyphenation.js';
import { capitals } from '../../src/locale.js';
import type { BrandModel, SheetModel } from '../../src/model.js';
import type { Measure } from '../../src/text-measure.js';
import { Header, type HeaderStyle } from './Header.js';

export interface TitleBandStyle {
  band: Style;
  header: HeaderStyle;
  kicker: Style;
  headline: Style;
}

/**
 * The colour band that opens the short form (flyer, poster): masthead, kicker in capitals, and the
 * short form's headline. Headline and kicker keep their words whole unless one is wider than the
 * line (a long compound), and never end on one short word alone (displayLine). The headline may be
 * the source language's (a translation without a short form): it is set as that language.
 */
export function TitleBand({ model, brand, hyphenate, hyphenateIn, measure, width, style }: {
  model: SheetModel;
  brand: BrandModel;
  hyphenate: Hyphenate;
  hyphenateIn: (lang: string | undefined) => Hyphenate;
  measure: Measure;
  /** The text's width in the band. */
  width: number;
  style: TitleBandStyle;
}) {
  const flyer = model.flyer!;
  const headline = displayLine(hyphenateIn(flyer.lang), measure, displayFontOf(style.headline), width);
  const kicker = displayLine(hyphenate, measure, displayFontOf(style.kicker), width);
  return (
    <View style={style.band}>
      <Header brand={brand} regionName={model.region.name} logoAlt={model.messages.logo} style={style.header} />
      <Text style={style.kicker} hyphenationCallback={kicker.breaks}>{kicker.text(capitals(model.kicker, model.lang, [model.region]))}</Text>
      <Text style={style.headline} hyphenationCallback={headline.breaks} tag="H1" lang={flyer.lang}>{headline.text(flyer.headline)}</Text>
    </View>
  );
}
