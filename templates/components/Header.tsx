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

/** A template's masthead measures, in points. */
export interface HeaderSizes {
  logo: number;
  organisation: number;
  region: number;
  /** Space between the organisation's name and the region's. */
  regionGap: number;
  /** The rule below the masthead, the space above it, and the space after it. */
  rule: number;
  ruleGap: number;
  after: number;
}

/**
 * The masthead's style from a template's sizes. On paper: dark names and a rule in the signal
 * colour; on the colour band: everything in the colour that stands on it.
 */
export function headerStyle(colors: BrandModel['colors'], sizes: HeaderSizes, on: 'paper' | 'band'): HeaderStyle {
  const onBand = on === 'band';
  return {
    band: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'flex-end', paddingBottom: sizes.ruleGap, borderBottomWidth: sizes.rule, borderBottomColor: onBand ? colors.onPrimary : colors.primary, marginBottom: sizes.after },
    logoHeight: sizes.logo,
    names: { alignItems: 'flex-end' },
    organisation: { fontSize: sizes.organisation, fontWeight: 700, color: onBand ? colors.onPrimary : colors.text },
    region: { fontSize: sizes.region, color: onBand ? colors.onPrimary : colors.muted, marginTop: sizes.regionGap },
  };
}

/**
 * First-page masthead: logo on the left, organisation and region on the right, a rule below.
 * `logoAlt`: the logo's alternative text. `repeated`: the masthead again on a later page, page
 * furniture a screen reader skips (an artifact in the tagged PDF).
 */
export function Header({ brand, regionName, logoAlt, repeated = false, style }: { brand: BrandModel; regionName: string; logoAlt: string; repeated?: boolean; style: HeaderStyle }) {
  return (
    <View style={style.band} {...(repeated && { tag: 'Pagination' as const })}>
      <Logo tree={brand.logo} height={style.logoHeight} alt={logoAlt.replace('{organisation}', brand.organisation)} />
      <View style={style.names}>
        <Text style={style.organisation}>{brand.organisation}</Text>
        <Text style={style.region}>{regionName}</Text>
      </View>
    </View>
  );
}
