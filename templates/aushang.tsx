import { Page, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import { capitals } from '../src/locale.js';
import type { BrandModel } from '../src/model.js';
import type { Template, TemplateProps } from './template.js';
import { ContactBox, type ContactBoxStyle } from './components/ContactBox.js';
import { Footer, footerBandStyle } from './components/Footer.js';
import { headerStyle } from './components/Header.js';
import { KeyPoints, type KeyPointsStyle } from './components/KeyPoints.js';
import { LearnMore, type LearnMoreStyle } from './components/LearnMore.js';
import { SheetDocument, atTightness, edgeBand, mm, pageGeometry, pageStyle } from './components/SheetDocument.js';
import { TitleBand } from './components/TitleBand.js';
import { templateSpecs } from './index.js';
import { asOfLine } from './messages.js';

/**
 * The A3 notice-board poster, one page, read from two metres: a colour band with masthead, kicker
 * and headline; the key points; the QR code to the full text; the region's contact; the footer
 * band. Type sizes follow the distance: headline 56 pt (caps about 14 mm high), key points 24 pt
 * (caps about 6 mm), nothing below 15 pt. Content that does not fit (long key points, a long
 * office name) gets smaller key points, down to 20 pt; a page that still cannot hold it all wraps
 * onto a second page (a content error).
 */

export const layout = {
  side: mm(20),
  top: mm(16),
  bottom: mm(25),
  footerBand: mm(18),
  headline: { size: 56, leading: 1.04 },
  /** Key points: size and space between them, as designed and in the two tighter settings. */
  point: { size: [24, 22, 20], leading: 1.22, gap: [9, 7, 6] },
  qr: mm(50),
} as const;

function styles(brand: BrandModel, bleed: number, tightness: number) {
  const c = brand.colors;
  const point = atTightness(layout.point.size, tightness);
  const page = pageStyle(brand, layout, bleed);
  const band = edgeBand(brand, layout, bleed, { top: mm(12), bottom: mm(11), after: mm(9) });
  const header = headerStyle(c, { logo: 46, organisation: 26, region: 19, regionGap: 2, rule: 1.5, ruleGap: 12, after: 24 }, 'band');
  const points: KeyPointsStyle = {
    heading: { fontSize: 20, fontWeight: 700, color: c.primary, letterSpacing: 1.5, marginBottom: 12 },
    // One page: the poster never breaks, so this only matters if its text ran over.
    headingKeepWithNext: 40,
    item: { flexDirection: 'row', paddingVertical: atTightness(layout.point.gap, tightness), borderTopWidth: 1.5, borderTopColor: c.tint },
    number: { width: 44, fontSize: point + 4, lineHeight: (point * layout.point.leading) / (point + 4), fontWeight: 700, color: c.primary },
    text: { flex: 1, fontSize: point, lineHeight: layout.point.leading },
  };
  const learnMore: LearnMoreStyle = {
    box: { flexDirection: 'row', alignItems: 'center', marginBottom: mm(6) },
    qrSize: layout.qr,
    qrColor: c.text,
    words: { flex: 1, marginLeft: 30 },
    heading: { fontSize: 36, fontWeight: 700, color: c.primary, marginBottom: 8 },
    hint: { fontSize: 21, lineHeight: 1.28, marginBottom: 10 },
    url: { fontSize: 17, color: c.muted },
  };
  const contact: ContactBoxStyle = {
    box: { paddingVertical: 12, paddingHorizontal: 18, backgroundColor: c.tint, borderTopWidth: 5, borderTopColor: c.primary, flexDirection: 'row' },
    address: { width: '44%', paddingRight: 16 },
    details: { flex: 1 },
    title: { fontSize: 15, fontWeight: 700, color: c.primary, letterSpacing: 1.2, marginBottom: 6 },
    office: { fontSize: 19, fontWeight: 700, lineHeight: 1.3 },
    line: { fontSize: 18, lineHeight: 1.3 },
    row: { flexDirection: 'row', marginBottom: 2 },
    label: { fontSize: 15, lineHeight: 1.55, color: c.muted },
    value: { flex: 1, fontSize: 18, lineHeight: 1.3 },
    link: { color: c.text, textDecoration: 'none' },
    labelColumn: { min: 110, gap: 16 },
  };
  const footer = footerBandStyle(c, layout.side, bleed, { height: layout.footerBand, textTop: mm(6), text: 15 });
  const text = {
    kicker: { fontSize: 20, fontWeight: 600, color: c.onPrimary, letterSpacing: 1.5, marginBottom: 10 } as Style,
    headline: { fontSize: layout.headline.size, lineHeight: layout.headline.leading, fontWeight: 700, color: c.onPrimary } as Style,
    spacer: { flexGrow: 1, minHeight: mm(6) } as Style,
  };
  return { page, band, header, points, learnMore, contact, footer, text };
}

function Aushang({ model, brand, hyphenate, hyphenateIn, measure, document, bleed, tightness }: TemplateProps) {
  const flyer = model.flyer!;
  const s = styles(brand, bleed, tightness);
  const page = pageGeometry(templateSpecs.aushang!, bleed);
  const caps = (text: string) => capitals(text, model.lang, [model.region]);
  const short = hyphenateIn(flyer.lang);
  return (
    <SheetDocument model={model} document={document}>
      <Page size={page.size} style={s.page}>
        <TitleBand model={model} brand={brand} hyphenate={hyphenate} hyphenateIn={hyphenateIn} measure={measure} width={page.textWidth(layout.side)} style={{ band: s.band, header: s.header, kicker: s.text.kicker, headline: s.text.headline }} />
        <KeyPoints title={caps(model.messages.keyPoints)} points={flyer.points} hyphenate={short} lang={flyer.lang} style={s.points} />
        <View style={s.text.spacer} />
        <LearnMore url={flyer.qr} heading={model.messages.learnMore} hint={model.messages.scanHint} qrAlt={model.messages.qrCode} hyphenate={hyphenate} style={s.learnMore} />
        <ContactBox contact={model.contact} messages={model.messages} title={caps(model.messages.contact)} style={s.contact} measure={measure} />
        <Footer line={brand.footer} right={asOfLine(model)} style={s.footer} />
      </Page>
    </SheetDocument>
  );
}

export const aushang: Template = {
  id: 'aushang',
  render: (props) => <Aushang {...props} />,
  layout,
};
