import { Page, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import { capitals } from '../src/locale.js';
import type { BrandModel } from '../src/model.js';
import type { Template, TemplateProps } from './template.js';
import { ContactBox, type ContactBoxStyle } from './components/ContactBox.js';
import { Footer, footerBandStyle } from './components/Footer.js';
import { Header, headerStyle } from './components/Header.js';
import { KeyPoints, type KeyPointsStyle } from './components/KeyPoints.js';
import { LearnMore, type LearnMoreStyle } from './components/LearnMore.js';
import { Runs, type RunsStyle } from './components/RichText.js';
import { SheetDocument, atTightness, edgeBand, mm, pageGeometry, pageStyle } from './components/SheetDocument.js';
import { TitleBand } from './components/TitleBand.js';
import { templateSpecs } from './index.js';
import { asOfLine } from './messages.js';

/**
 * The A5 flyer, front and back. Front: a colour band with masthead, kicker and headline, the lead,
 * the QR code to the full text. Back: masthead, the key points, the region's contact. A colour band
 * with the footer line closes both pages. Pages are fixed in size and wrap: a text too long for
 * its side first gets a smaller lead and key points (from 13.5 down to 11.5 pt, and from 12 down to 10.5 pt), then runs onto an
 * extra page (a third page is a content error), never off the paper.
 */

export const layout = {
  side: mm(12),
  top: mm(10),
  /** Room kept free for the footer band. */
  bottom: mm(19),
  footerBand: mm(14),
  headline: { size: 27, leading: 1.08 },
  /** Lead and key points: sizes and space between points, as designed and in the two tighter settings. */
  lead: { size: [13.5, 12.5, 11.5], leading: 1.36 },
  point: { size: [12, 11.25, 10.5], leading: 1.3, gap: [6, 5, 4] },
  qr: mm(36),
} as const;

function styles(brand: BrandModel, bleed: number, tightness: number) {
  const c = brand.colors;
  const point = atTightness(layout.point.size, tightness);
  const page = pageStyle(brand, layout, bleed);
  const band = edgeBand(brand, layout, bleed, { top: mm(8), bottom: mm(8), after: mm(6) });
  const mast = { logo: 26, organisation: 13, region: 10, regionGap: 1, ruleGap: 7, after: 14 };
  const bandHeader = headerStyle(c, { ...mast, rule: 0.75 }, 'band');
  const header = headerStyle(c, { ...mast, rule: 2 }, 'paper');
  const rich: RunsStyle = {
    bold: { fontWeight: 700 }, italic: { fontStyle: 'italic' }, boldItalic: { fontWeight: 700, fontStyle: 'italic' },
    link: { color: c.primary, textDecoration: 'none' },
  };
  const points: KeyPointsStyle = {
    heading: { fontSize: 10, fontWeight: 700, color: c.primary, letterSpacing: 0.8, marginBottom: 4 },
    headingKeepWithNext: 40,
    item: { flexDirection: 'row', paddingVertical: atTightness(layout.point.gap, tightness), borderTopWidth: 1, borderTopColor: c.tint },
    number: { width: 20, fontSize: point, lineHeight: layout.point.leading, fontWeight: 700, color: c.primary },
    text: { flex: 1, fontSize: point, lineHeight: layout.point.leading },
  };
  const learnMore: LearnMoreStyle = {
    box: { flexDirection: 'row', alignItems: 'center', paddingTop: mm(4), borderTopWidth: 1, borderTopColor: c.tint },
    qrSize: layout.qr,
    qrColor: c.text,
    words: { flex: 1, marginLeft: 14 },
    heading: { fontSize: 18, fontWeight: 700, color: c.primary, marginBottom: 5 },
    hint: { fontSize: 11.5, lineHeight: 1.32, marginBottom: 6 },
    url: { fontSize: 9, color: c.muted },
  };
  const contact: ContactBoxStyle = {
    box: { paddingVertical: 10, paddingHorizontal: 12, backgroundColor: c.tint, borderTopWidth: 3, borderTopColor: c.primary, flexDirection: 'row' },
    address: { width: '46%', paddingRight: 10 },
    details: { flex: 1 },
    title: { fontSize: 9, fontWeight: 700, color: c.primary, letterSpacing: 0.8, marginBottom: 4 },
    office: { fontSize: 10.5, fontWeight: 700, lineHeight: 1.3 },
    line: { fontSize: 10.5, lineHeight: 1.3 },
    row: { flexDirection: 'column', marginBottom: 3 },
    label: { fontSize: 8, lineHeight: 1.3, color: c.muted },
    value: { fontSize: 10, lineHeight: 1.3 },
    link: { color: c.text, textDecoration: 'none' },
  };
  const footer = footerBandStyle(c, layout.side, bleed, { height: layout.footerBand, textTop: mm(4.5), text: 8.5 });
  const text = {
    kicker: { fontSize: 9.5, fontWeight: 600, color: c.onPrimary, letterSpacing: 0.9, marginBottom: 5 } as Style,
    headline: { fontSize: layout.headline.size, lineHeight: layout.headline.leading, fontWeight: 700, color: c.onPrimary } as Style,
    lead: { fontSize: atTightness(layout.lead.size, tightness), lineHeight: layout.lead.leading } as Style,
    spacer: { flexGrow: 1, minHeight: mm(5) } as Style,
  };
  return { page, band, bandHeader, header, rich, points, learnMore, contact, footer, text };
}

function Flyer({ model, brand, hyphenate, hyphenateIn, measure, document, bleed, tightness }: TemplateProps) {
  const flyer = model.flyer!;
  const s = styles(brand, bleed, tightness);
  const page = pageGeometry(templateSpecs.flyer!, bleed);
  const caps = (text: string) => capitals(text, model.lang, [model.region]);
  const short = hyphenateIn(flyer.lang);
  const footer = <Footer line={brand.footer} right={asOfLine(model)} style={s.footer} />;
  return (
    <SheetDocument model={model} document={document}>
      <Page size={page.size} style={s.page}>
        <TitleBand model={model} brand={brand} hyphenate={hyphenate} hyphenateIn={hyphenateIn} measure={measure} width={page.textWidth(layout.side)} style={{ band: s.band, header: s.bandHeader, kicker: s.text.kicker, headline: s.text.headline }} />
        <Text style={s.text.lead} hyphenationCallback={hyphenate}>
          <Runs runs={model.lead} style={s.rich} />
        </Text>
        <View style={s.text.spacer} />
        <LearnMore url={flyer.qr} heading={model.messages.learnMore} hint={model.messages.scanHint} qrAlt={model.messages.qrCode} hyphenate={hyphenate} style={s.learnMore} />
        {footer}
      </Page>
      <Page size={page.size} style={s.page}>
        {/* The back's masthead repeats the front's: page furniture for a screen reader. */}
        <Header brand={brand} regionName={model.region.name} logoAlt={model.messages.logo} repeated style={s.header} />
        <KeyPoints title={caps(model.messages.keyPoints)} points={flyer.points} hyphenate={short} lang={flyer.lang} style={s.points} />
        <View style={s.text.spacer} />
        <ContactBox contact={model.contact} messages={model.messages} title={caps(model.messages.contact)} style={s.contact} measure={measure} />
        {footer}
      </Page>
    </SheetDocument>
  );
}

export const flyer: Template = {
  id: 'flyer',
  render: (props) => <Flyer {...props} />,
  layout,
};
