import { Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { BrandModel } from '../../src/model.js';
import { Logo } from './Logo.js';

export interface HeaderStyle {
  band: Style;
  logoHeight: number;
  names: Style;
  organisation: Style;
  region: Style;
}

/** First-page masthead: logo on the left, organisation and region on the right, a rule below. */
export function Header({ brand, regionName, style }: { brand: BrandModel; regionName: string; style: HeaderStyle }) {
  return (
    <View style={style.band}>
      <Logo tree={brand.logo} height={style.logoHeight} />
      <View style={style.names}>
        <Text style={style.organisation}>{brand.organisation}</Text>
        <Text style={style.region}>{regionName}</Text>
      </View>
    </View>
  );
}
