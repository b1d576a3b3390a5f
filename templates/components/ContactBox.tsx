import { Link, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import { breakAddress, breakAtHyphens, keepWhole, type Hyphenate } from '../../src/hyphenation.js';
import { linkTarget, printedAddress } from '../../src/content/autolink.js';
import type { ContactModel, Messages } from '../../src/model.js';
import type { Measure } from '../../src/text-measure.js';

export interface ContactBoxStyle {
  box: Style;
  address: Style;
  details: Style;
  title: Style;
  office: Style;
  line: Style;
  row: Style;
  label: Style;
  value: Style;
  link: Style;
  /**
   * Labels in a column beside their values (else above them): the column is as wide as the
   * language's longest label and `gap`, but at least `min`, so values line up in every language
   * and a long label ("Office hours") neither wraps nor touches its value.
   */
  labelColumn?: { min: number; gap: number };
}

/**
 * The number a phone dials: "+", digits. The "(0)" some write after the country code ("+49 (0) 421
 * …") is dialled only within the country, so the link leaves it out: +49421…, not +490421….
 */
export const dialable = (phone: string): string =>
  phone
    // "+49 (0) 421", "0049-(0)-421", and "+49 (0421)": the trunk 0 after a country code.
    .replace(/^(\+\d{1,3}|00\d{1,3})[\s-]*\(0\)/, '$1')
    .replace(/^(\+\d{1,3}|00\d{1,3})[\s-]*\(0(\d+)\)/, '$1 $2')
    .replace(/[^+0-9]/g, '');

/**
 * The region's contact details, kept together on one page. The template's style places the
 * parts: on the flyer and poster the address beside the ways to reach the office, so the box
 * stays low; in the info sheet's card beside the title, one below the other. Names, addresses
 * and numbers are never hyphenated: a long office or city name breaks only after a hyphen it has
 * ("Bremerhaven-/Cuxhaven"), an e-mail or web address after "@" or "/" or before a "."
 * (breakAddress), without a hyphen.
 */
export function ContactBox({ contact, messages, title, style, measure }: { contact: ContactModel; messages: Messages; title: string; style: ContactBoxStyle; measure: Measure }) {
  // Label, value, link, and where the value may break: addresses at their own joints, others nowhere.
  const rows: Array<[string, string, string | undefined, Hyphenate]> = [];
  if (contact.phone) rows.push([messages.phone, contact.phone, `tel:${dialable(contact.phone)}`, keepWhole]);
  if (contact.email) rows.push([messages.email, contact.email, `mailto:${contact.email}`, breakAddress]);
  if (contact.web) rows.push([messages.web, printedAddress(contact.web), linkTarget(contact.web), breakAddress]);
  if (contact.hours) rows.push([messages.hours, contact.hours, undefined, keepWhole]);
  const column = style.labelColumn;
  const fontSize = style.label.fontSize as number;
  // Beside its value, a smaller label is moved down onto the value's baseline (the poster's 15 pt
  // labels sat 3 pt high beside 18 pt values); relative, so the row keeps its height.
  const lower = Math.max(0, ((style.value.fontSize as number) - fontSize) * measure.ascent());
  const labelStyle = column ? [style.label, { width: Math.max(column.min, ...rows.map(([label]) => Math.ceil(measure(label, { fontSize }) + column.gap))), top: lower }] : style.label;
  return (
    <View style={style.box} wrap={false}>
      <View style={style.address}>
        <Text style={style.title} tag="H2">{title}</Text>
        <Text style={style.office} hyphenationCallback={breakAtHyphens}>{contact.office}</Text>
        <Text style={style.line} hyphenationCallback={breakAtHyphens}>{contact.street}</Text>
        <Text style={style.line} hyphenationCallback={breakAtHyphens}>{`${contact.postcode}\u00a0${contact.city}`}</Text>
      </View>
      {rows.length > 0 && (
        <View style={style.details}>
          {rows.map(([label, value, href, breaks]) => (
            // One paragraph in the tagged PDF: the label, then the value (a link where it is one).
            <View key={label} style={style.row} tag="P">
              <Text style={labelStyle} hyphenationCallback={keepWhole}>{label}</Text>
              {href ? <Link src={href} style={[style.value, style.link]}><Text hyphenationCallback={breaks}>{value}</Text></Link> : <Text style={style.value} hyphenationCallback={breaks}>{value}</Text>}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
