import { Page, Text, View, StyleSheet } from '@react-pdf/renderer';
import { Fragment } from 'react';
import { displayFontOf, displayLine, fitOnOneLine } from '../src/display-lines.js';
import { capitals } from '../src/locale.js';
import type { BrandModel } from '../src/model.js';
import type { Template, TemplateProps } from './template.js';
import { ContactBox, type ContactBoxStyle } from './components/ContactBox.js';
import { Footer, type FooterStyle } from './components/Footer.js';
import { Header, headerStyle } from './components/Header.js';
import { RichText, Runs, type RichTextStyle } from './components/RichText.js';
import { SheetDocument, mm, pageGeometry, pageStyle } from './components/SheetDocument.js';
import { templateSpecs } from './index.js';
import { asOfLine } from './messages.js';

/**
 * The A4 info sheet. Colours and the font come from the brand; the sizes below are this template's
 * design (9.5 pt body text on 12.7 pt leading, so that a sheet like the Zoom text fits two pages) and are shared by every brand.
 */

const body = { size: 9.5, leading: 1.34 };

const layout = {
  margin: { top: mm(14), side: mm(16), bottom: mm(18) },
  body,
  lead: { size: 11, leading: 1.32 },
  title: { size: 22, leading: 1.1 },
  heading: { size: 11.5, leading: 1.2 },
  small: 8,
  /**
   * A heading needs at most this much room after it on its page, else it moves to the next page:
   * five lines, for a paragraph whose first lines end in divided words. What follows it decides
   * the rest (src/page-breaks.ts: presenceEnd): a two-line paragraph needs two lines.
   */
  headingKeepWithNext: 5 * body.size * body.leading,
  /** The contact card stands beside the title and lead on page 1, where every reader sees it. */
  contactWidth: mm(64),
  contactGap: 16,
} as const;

/** react-pdf makes an outline entry of any element with `bookmark`; its types list it for View only. */
const outline = (title: string) => ({ bookmark: { title: title.replace(/\u00a0/g, ' '), fit: true } }) as Record<string, unknown>;

function styles(brand: BrandModel, bleed: number) {
  const c = brand.colors;
  const rich: RichTextStyle = {
    paragraph: { fontSize: layout.body.size, lineHeight: layout.body.leading, textAlign: 'justify', marginBottom: 4 },
    bold: { fontWeight: 700 },
    italic: { fontStyle: 'italic' },
    boldItalic: { fontWeight: 700, fontStyle: 'italic' },
    link: { color: c.primary, textDecoration: 'none' },
    list: { marginBottom: 4 },
    listItem: { flexDirection: 'row', marginBottom: 1.5 },
    itemParagraph: { marginBottom: 0 },
    bullet: { width: 12, fontSize: layout.body.size, lineHeight: layout.body.leading, color: c.primary },
    leadInKeepWithNext: layout.headingKeepWithNext,
  };
  const header = headerStyle(c, { logo: 30, organisation: 15, region: 10.5, regionGap: 1, rule: 2, ruleGap: 8, after: 14 }, 'paper');
  const contact: ContactBoxStyle = {
    box: { width: layout.contactWidth, marginLeft: layout.contactGap, paddingVertical: 9, paddingHorizontal: 11, backgroundColor: c.tint, borderTopWidth: 3, borderTopColor: c.primary },
    address: { marginBottom: 5 },
    details: {},
    // Letter-spaced capitals stay under 0.1 em of tracking: from there, text extraction (search,
    // copy, screen readers) reads a gap as a word space: "KO NTAKT" at 0.8 pt on 8 pt.
    title: { fontSize: layout.small, fontWeight: 700, color: c.primary, letterSpacing: 0.7, marginBottom: 3 },
    office: { fontSize: layout.small + 1, fontWeight: 700, lineHeight: 1.3 },
    line: { fontSize: layout.small + 1, lineHeight: 1.3 },
    row: { flexDirection: 'row' },
    label: { fontSize: layout.small, lineHeight: 1.45, color: c.muted },
    value: { flex: 1, fontSize: layout.small + 0.5, lineHeight: 1.38 },
    link: { color: c.text, textDecoration: 'none' },
    labelColumn: { min: 50, gap: 6 },
  };
  const footer: FooterStyle = {
    bar: { position: 'absolute', left: layout.margin.side + bleed, right: layout.margin.side + bleed, bottom: mm(9) + bleed, flexDirection: 'row', justifyContent: 'space-between', borderTopWidth: 0.5, borderTopColor: c.muted, paddingTop: 5 },
    text: { fontSize: layout.small, color: c.muted },
  };
  const page = StyleSheet.create({
    page: pageStyle(brand, layout.margin, bleed),
    opening: { flexDirection: 'row', alignItems: 'flex-start', marginBottom: 4 },
    openingText: { flex: 1 },
    kicker: { fontSize: 9.5, fontWeight: 600, color: c.primary, letterSpacing: 0.9, marginBottom: 5 },
    title: { fontSize: layout.title.size, lineHeight: layout.title.leading, fontWeight: 700, color: c.text, marginBottom: 6 },
    date: { fontSize: 9, color: c.muted, marginBottom: 10 },
    lead: { fontSize: layout.lead.size, lineHeight: layout.lead.leading, fontWeight: 600, color: c.text, marginBottom: 6 },
    heading: { fontSize: layout.heading.size, lineHeight: layout.heading.leading, fontWeight: 700, color: c.primary, marginTop: 7, marginBottom: 2.5 },
    running: { position: 'absolute', top: mm(8) + bleed, left: layout.margin.side + bleed, right: layout.margin.side + bleed, fontSize: layout.small, color: c.muted },
  });
  return { rich, header, contact, footer, page };
}

function Infoblatt({ model, brand, hyphenate, hyphenateIn, measure, document, bleed }: TemplateProps) {
  const s = styles(brand, bleed);
  const page = pageGeometry(templateSpecs.infoblatt!, bleed);
  const running = fitOnOneLine(model.title, ` · ${brand.organisation} ${model.region.name}`, page.textWidth(layout.margin.side), (text) => measure(text, { fontSize: layout.small }));
  // Capitals by the language's rules (Turkish i → İ), not react-pdf's textTransform, which
  // uppercases the same way in every language.
  const caps = (text: string) => capitals(text, model.lang, [model.region]);
  // Title and headings keep their words whole unless one is wider than its line (a long compound),
  // and never end on one short word alone.
  const textWidth = page.textWidth(layout.margin.side);
  const openingWidth = textWidth - layout.contactWidth - layout.contactGap;
  const kicker = displayLine(hyphenate, measure, displayFontOf(s.page.kicker), openingWidth);
  const title = displayLine(hyphenate, measure, displayFontOf(s.page.title), openingWidth);
  const heading = displayLine(hyphenate, measure, displayFontOf(s.page.heading), textWidth);
  return (
    <SheetDocument model={model} document={document} outlined>
      <Page size={page.size} style={s.page.page}>
        <Text style={s.page.running} fixed render={({ pageNumber }) => (pageNumber > 1 ? running : '')} />
        <Header brand={brand} regionName={model.region.name} logoAlt={model.messages.logo} style={s.header} />
        <View style={s.page.opening}>
          <View style={s.page.openingText}>
            <Text style={s.page.kicker} hyphenationCallback={kicker.breaks}>{kicker.text(caps(model.kicker))}</Text>
            <Text style={s.page.title} hyphenationCallback={title.breaks} tag="H1">{title.text(model.title)}</Text>
            <Text style={s.page.date}>{asOfLine(model)}</Text>
            <Text style={s.page.lead} hyphenationCallback={hyphenate}>
              <Runs runs={model.lead} style={s.rich} />
            </Text>
          </View>
          <ContactBox contact={model.contact} messages={model.messages} title={caps(model.messages.contact)} style={s.contact} measure={measure} />
        </View>
        {model.sections.map((section) => {
          const line = section.lang ? displayLine(hyphenateIn(section.lang), measure, displayFontOf(s.page.heading), textWidth) : heading;
          return (
            // Sections are flattened into the page (no wrapping View): react-pdf moves a heading to
            // the next page only when it has earlier siblings in the same container.
            <Fragment key={section.id}>
              <Text style={s.page.heading} {...outline(section.heading)} minPresenceAhead={layout.headingKeepWithNext} hyphenationCallback={line.breaks} tag="H2" lang={section.lang}>
                {line.text(section.heading)}
              </Text>
              <RichText blocks={section.blocks} style={s.rich} hyphenateIn={hyphenateIn} />
            </Fragment>
          );
        })}
        <Footer line={brand.footer} pageOf={model.messages.pageOf} style={s.footer} />
      </Page>
    </SheetDocument>
  );
}

export const infoblatt: Template = {
  id: 'infoblatt',
  render: (props) => <Infoblatt {...props} />,
};
