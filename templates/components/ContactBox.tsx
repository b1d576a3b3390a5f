import { Link, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { ContactModel, Messages } from '../../src/model.js';

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
}

/**
 * The region's contact details, kept together on one page: the address on the left, the ways to
 * reach the office on the right, so the box stays low and fits under the last section.
 */
export function ContactBox({ contact, messages, style }: { contact: ContactModel; messages: Messages; style: ContactBoxStyle }) {
  const rows: Array<[string, string, string | undefined]> = [];
  if (contact.phone) rows.push([messages.phone, contact.phone, `tel:${contact.phone.replace(/[^+0-9]/g, '')}`]);
  if (contact.email) rows.push([messages.email, contact.email, `mailto:${contact.email}`]);
  if (contact.web) rows.push([messages.web, contact.web.replace(/^https:\/\//, '').replace(/\/$/, ''), contact.web]);
  if (contact.hours) rows.push([messages.hours, contact.hours, undefined]);
  return (
    <View style={style.box} wrap={false}>
      <View style={style.address}>
        <Text style={style.title}>{messages.contact}</Text>
        <Text style={style.office}>{contact.office}</Text>
        <Text style={style.line}>{contact.street}</Text>
        <Text style={style.line}>{`${contact.postcode} ${contact.city}`}</Text>
      </View>
      {rows.length > 0 && (
        <View style={style.details}>
          {rows.map(([label, value, href]) => (
            <View key={label} style={style.row}>
              <Text style={style.label}>{label}</Text>
              {href ? <Link src={href} style={[style.value, style.link]}>{value}</Link> : <Text style={style.value}>{value}</Text>}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
