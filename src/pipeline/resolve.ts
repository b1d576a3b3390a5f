import type { Finding } from '../findings.js';
import type { Block, ContactModel, Inline, Section, SheetModel, VariantKey } from '../model.js';
import { catalogues } from '../../templates/messages.js';
import { findingAt } from '../content/check-schema.js';
import { mapRuns } from '../content/markdown.js';
import { fillPlaceholders, type PlaceholderValues } from '../content/placeholders.js';
import type { LocalizedText } from '../content/schema.js';
import type { PathSegment, SourceFile } from '../content/source.js';
import { createTypographer } from '../content/typography.js';
import type { ValidContent, Text } from './validate.js';

/**
 * Stage 3, resolve: one variant = sheet × region × locale × template. Applies the region's
 * overrides, fills placeholders, sets each language's quotes and dashes, and produces the immutable
 * model a template renders. Placeholders are filled after Markdown parsing, so a region name can
 * never change the structure of a text.
 */

export function localize(value: LocalizedText, locale: string, fallback: string): string {
  if (typeof value === 'string') return value;
  return value[locale] ?? value[fallback] ?? Object.values(value)[0]!;
}

/** English for union members in Germany follows British usage: "5 May 2020", not "May 5, 2020". */
const intlLocales: Record<string, string> = { en: 'en-GB' };

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocales[locale] ?? locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

const spaced = (s: string) => s.replace(/\u00a0/g, ' ');

export function resolveVariant(content: ValidContent, key: VariantKey): { model?: SheetModel; findings: Finding[] } {
  const sheet = content.sheets.get(key.sheet)!;
  const text = sheet.texts.get(key.locale)!;
  const region = content.regions.get(key.region)!;
  const brand = content.brand!;
  const source = sheet.meta.source_locale;
  const findings: Finding[] = [];

  const regionName = localize(region.data.name, key.locale, source);
  const c = region.data.contact;
  const contact: ContactModel = {
    office: c.office, street: c.street, postcode: c.postcode, city: c.city,
    phone: c.phone, email: c.email, web: c.web,
    hours: c.hours === undefined ? undefined : localize(c.hours, key.locale, source),
  };
  const values: PlaceholderValues = {
    'region.name': regionName,
    'brand.organisation': brand.data.organisation,
    'contact.office': contact.office,
    'contact.street': contact.street,
    'contact.postcode': contact.postcode,
    'contact.city': contact.city,
    'contact.phone': contact.phone,
    'contact.email': contact.email,
    'contact.web': contact.web,
    'contact.hours': contact.hours,
  };
  const typeset = createTypographer(key.locale, [brand.data.organisation]);

  const fill = (value: string, from: SourceFile, at: PathSegment[]): string => {
    const { text: filled, missing } = fillPlaceholders(value, values);
    for (const name of new Set(missing)) {
      findings.push(findingAt(from, at, 'error', `{${name}} is used here, but region "${key.region}" has no ${name}`,
        `Add ${name.split('.')[1]} to ${name.split('.')[0]} in ${region.source.shown}, or do not use {${name}} in this text.`, { text: `{${name}` }));
    }
    return filled;
  };
  const plain = (value: string, from: SourceFile, at: PathSegment[]) => typeset(fill(value, from, at), '');
  const rich = (t: Text): Block[] => {
    let previous = '';
    return mapRuns(t.blocks, (run: Inline, index): Inline => {
      if (index === 0) previous = '';
      const out: Inline = { ...run, text: typeset(fill(run.text, t.source, t.path), previous) };
      if (run.href) out.href = fill(run.href, t.source, t.path);
      previous = run.text.at(-1) ?? previous;
      return out;
    });
  };

  const overrides = region.overrides.get(key.sheet)?.get(key.locale);
  const sections: Section[] = text.sections.map((s) => {
    const o = overrides?.get(s.id);
    const heading = o?.heading !== undefined
      ? plain(o.heading, region.source, ['overrides', key.sheet, key.locale, 'sections', s.id, 'heading'])
      : plain(s.heading, text.source, s.headingAt);
    const blocks = rich(o?.body ?? s.body);
    return { id: s.id, heading, blocks: o?.append ? [...blocks, ...rich(o.append)] : blocks };
  });

  const title = plain(text.title, text.source, ['title']);
  const kicker = plain(text.kicker, text.source, ['kicker']);
  const lead = rich(text.lead).flatMap((b) => (b.kind === 'paragraph' ? b.runs : []));
  const messages = catalogues[key.locale] ?? catalogues[key.locale.split('-')[0]!] ?? catalogues.en!;
  const organisation = brand.data.organisation;
  if (findings.length > 0) return { findings };

  return {
    findings,
    model: {
      key,
      lang: key.locale,
      title,
      kicker,
      lead,
      date: sheet.meta.date,
      dateText: formatDate(sheet.meta.date, key.locale),
      sections,
      region: { id: key.region, name: regionName },
      contact,
      messages,
      // Metadata is searched and read aloud: ordinary spaces, not the no-break spaces of the page.
      meta: {
        title: spaced(title),
        author: `${organisation} ${regionName}`,
        subject: spaced(text.subject ? plain(text.subject, text.source, ['subject']) : kicker),
        keywords: [...new Set([...text.keywords.map((k) => spaced(plain(k, text.source, ['keywords']))), organisation, regionName])],
      },
    },
  };
}
