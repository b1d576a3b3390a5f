import type { Finding } from '../findings.js';
import { languagesOf, type Block, type BrandModel, type ContactModel, type Inline, type Section, type SheetModel, type VariantKey } from '../model.js';
import { catalogues } from '../../templates/messages.js';
import { findingAt } from '../content/check-schema.js';
import { commandLine } from '../command-line.js';
import { linkAddresses } from '../content/autolink.js';
import { mapRuns } from '../content/markdown.js';
import { fillPlaceholders, type PlaceholderValues } from '../content/placeholders.js';
import type { LocalizedText } from '../content/schema.js';
import type { PathSegment, SourceFile } from '../content/source.js';
import { createTypographer } from '../content/typography.js';
import { neverReviewed } from '../content/translations.js';
import type { SheetData, ValidContent, Text } from './validate.js';
import { printsSections, templateSpecs } from '../../templates/index.js';
import { resolveFlyer } from './flyer.js';
import { forLocale, formatDate, servesLocale } from '../locale.js';

/**
 * Stage 3, resolve: one variant = sheet × region × locale × template. Applies the region's
 * overrides, fills placeholders, sets each language's quotes and dashes, and produces the immutable
 * model a template renders. Placeholders are filled after Markdown parsing, so a region name can
 * never change the structure of a text.
 */

export function localize(value: LocalizedText, locale: string, fallback: string): string {
  if (typeof value === 'string') return value;
  // "de-AT" prints a "de" form, as every table keyed by language is read (locale.ts).
  return forLocale(value, locale) ?? forLocale(value, fallback) ?? Object.values(value)[0]!;
}

/**
 * The brand as a variant prints it: its footer in the variant's language, and brand.yaml's word
 * divisions for the languages it prints text in (languagesOf: its own, and the source language
 * of any part it falls back to). Only those word lists are part of it, so that a word added for
 * German renders the German PDFs again, not the English and Turkish ones. It takes the model,
 * not a locale, so that a library user cannot render with other word divisions than the build.
 */
export function resolveBrand(content: ValidContent, model: SheetModel): BrandModel {
  const b = content.brand!;
  const languages = [...languagesOf(model)];
  const lists = Object.entries(b.data.hyphenation ?? {}).filter(([k, words]) => words?.length && languages.some((l) => servesLocale(k, l)));
  return {
    organisation: b.data.organisation, colors: b.data.colors, ...(b.data.cmyk && { cmyk: b.data.cmyk }), font: b.font.family, logo: b.logo, footer: localize(b.data.footer, model.key.locale, model.key.locale),
    ...(lists.length > 0 && { hyphenation: Object.fromEntries(lists) as Record<string, string[]> }),
  };
}

/** Findings for the parts of a translation that are missing or outdated. */
function translationFindings(sheet: SheetData, locale: string, severity: 'error' | 'warning'): Finding[] {
  const text = sheet.texts.get(locale);
  const status = sheet.status.get(locale);
  if (!text || !status) return [];
  const src = sheet.meta.source_locale;
  // With --strict the fallback does not happen: the variant is not built.
  const instead = severity === 'error' ? `(--strict: the ${locale} PDFs are not built)` : `so the ${src} text is printed instead`;
  // Always with --section: without it every part is marked, the ones still outdated too.
  const mark = (unit: string) =>
    `Check it against ${src}.yaml, then run: ${commandLine(`translations --mark-current --sheet ${sheet.id} --locale ${locale} --section ${unit}`)}`;
  const unrecorded = status.filter((u) => u.reason === 'unrecorded');
  const wholeFile = neverReviewed(status);
  return status.flatMap((u): Finding[] => {
    if (u.untranslated) {
      // Whatever the lock file says: its record hashes the source, not what the translation holds.
      const index = text.raw.sections.findIndex((x) => x.id === u.unit);
      const at = u.isSection ? ['sections', index, 'body'] : u.unit === 'flyer' ? ['flyer', 'points'] : [u.unit];
      const what = u.isSection ? `section "${u.unit}"` : u.unit === 'flyer' ? 'the flyer\'s points' : `the ${u.unit}`;
      const leaveOut = u.isSection ? 'the section' : u.unit === 'flyer' ? 'the flyer block' : undefined;
      return [findingAt(text.source, at, severity, `the ${locale} text of ${what} is the same as in ${src}.yaml: it is not translated${severity === 'error' ? ` ${instead}` : ''}`,
        leaveOut ? `Translate it. Until it is, leave ${leaveOut} out of ${locale}.yaml: it is then printed from ${src}.yaml (in ${src} typography) and counted as missing, not as done.`
          : `Translate it: the ${locale} PDFs print it as it is now.`)];
    }
    if (u.state === 'complete') return [];
    if (wholeFile && u === unrecorded[0]) {
      return [findingAt(text.source, [], severity, `the ${locale} translation has never been marked as reviewed (${unrecorded.length} parts)${severity === 'error' ? ` ${instead}` : ''}`,
        `Check ${locale}.yaml against ${src}.yaml, then mark it all at once: ${commandLine(`translations --mark-current --sheet ${sheet.id} --locale ${locale}`)}`, 'key')];
    }
    if (wholeFile && u.state === 'outdated') return [];
    if (u.state === 'missing' && !u.isSection) {
      return [findingAt(text.source, [], severity, `the ${u.unit} block is missing from ${locale}.yaml${severity === 'error' ? ' ' : ', '}${instead}`,
        `Translate it from ${src}.yaml and add it to ${locale}.yaml.`, 'key')];
    }
    if (u.state === 'missing') {
      return [findingAt(text.source, ['sections'], severity, `the section "${u.unit}" is missing from ${locale}.yaml${severity === 'error' ? ' ' : ', '}${instead}`,
        `Translate it (same id: ${u.unit}) and add it to ${locale}.yaml.`, 'key')];
    }
    const index = text.raw.sections.findIndex((x) => x.id === u.unit);
    const at = u.isSection ? ['sections', index, 'id'] : [u.unit];
    const why = u.reason === 'changed' ? `the ${src} text changed after it was translated` : 'it was never marked as reviewed';
    return [findingAt(text.source, at, severity, `the ${locale} translation of ${u.isSection ? `section "${u.unit}"` : `the ${u.unit}`} is outdated: ${why}`, mark(u.unit))];
  });
}

const spaced = (s: string) => s.replace(/\u00a0/g, ' ');

export interface ResolveOptions {
  /** Missing or outdated translations are errors instead of warnings. */
  strict?: boolean;
}

export function resolveVariant(content: ValidContent, key: VariantKey, options: ResolveOptions = {}): { model?: SheetModel; findings: Finding[] } {
  const sheet = content.sheets.get(key.sheet)!;
  const text = sheet.texts.get(key.locale)!;
  const region = content.regions.get(key.region)!;
  const brand = content.brand!;
  const source = sheet.meta.source_locale;
  const sourceText = sheet.texts.get(source) ?? text;
  const findings: Finding[] = [];
  const severity = options.strict ? 'error' : 'warning';
  findings.push(...translationFindings(sheet, key.locale, severity));

  const regionName = localize(region.data.name, key.locale, source);
  // The language the name is written in, for its capitals (a German place name in a Turkish PDF
  // is LEIPZIG, not LEİPZİG): the form's language where the name has forms; a name of one form
  // is in no language in particular ("und": the general rules, i → I), as the same name stands
  // in every language's PDF, whatever language a sheet is written in.
  const names = region.data.name;
  const regionNameLang = typeof names === 'string' ? 'und'
    : forLocale(names, key.locale) !== undefined ? key.locale
      : forLocale(names, source) !== undefined ? source
        : Object.keys(names)[0]!;
  const typeset = createTypographer(key.locale, [brand.data.organisation]);
  // Text printed in the source language for want of a translation keeps that language's quotes.
  const typesetSource = key.locale === source ? typeset : createTypographer(source, [brand.data.organisation]);
  // Words in the contact details get the language's typography too ("Fri 9 am" stays together);
  // numbers and addresses a machine reads (phone, e-mail, web, postcode) stay as typed.
  const words = (value: string) => typeset(value, '');
  const c = region.data.contact;
  const contact: ContactModel = {
    office: words(c.office), street: words(c.street), postcode: c.postcode, city: words(c.city),
    phone: c.phone, email: c.email, web: c.web,
    hours: c.hours === undefined ? undefined : words(localize(c.hours, key.locale, source)),
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

  const fill = (value: string, from: SourceFile, at: PathSegment[], linkTarget = false): string => {
    const { text: filled, missing, missingAs } = fillPlaceholders(value, values, { linkTarget });
    for (const name of new Set(missing)) {
      // Found by how it is written: "{ contact.phone }" was looked for as "{contact.phone", and
      // the finding pointed at the start of the text.
      findings.push(findingAt(from, at, 'error', `{${name}} is used here, but region "${key.region}" has no ${name}`,
        `Add ${name.split('.')[1]} to ${name.split('.')[0]} in ${region.source.shown}, or do not use {${name}} in this text.`, { text: missingAs.get(name) ?? `{${name}` }));
    }
    return filled;
  };
  const plain = (value: string, from: SourceFile, at: PathSegment[], inSource = false) => (inSource ? typesetSource : typeset)(fill(value, from, at), '');
  const rich = (t: Text, inSource = false): Block[] => {
    let previous = '';
    const set = inSource ? typesetSource : typeset;
    const blocks = mapRuns(t.blocks, (run: Inline, index): Inline[] => {
      if (index === 0) previous = '';
      const filled = fill(run.text, t.source, t.path);
      if (run.href) {
        const out: Inline = { ...run, text: set(filled, previous), href: fill(run.href, t.source, t.path, true) };
        previous = run.text.at(-1) ?? previous;
        return [out];
      }
      // An address written out (or filled in: {contact.email}) is a link, its text as typed.
      return linkAddresses(filled).map((piece): Inline => {
        const out: Inline = piece.href ? { ...run, text: piece.text, href: piece.href } : { ...run, text: set(piece.text, previous) };
        previous = piece.text.at(-1) ?? previous;
        return out;
      });
    });
    return inSource ? blocks.map((b) => ({ ...b, lang: source })) : blocks;
  };

  const showsSections = printsSections(key.template);
  const overrides = region.overrides.get(key.sheet)?.get(key.locale);
  const sourceOverrides = key.locale === source ? undefined : region.overrides.get(key.sheet)?.get(source);
  // The source text decides which sections exist and in which order; a section the translation
  // lacks is printed in the source language (translationFindings says so). Only a translation can
  // lack one or fall back to the source's overrides, so text "in the source language" is never
  // the document's own.
  const sections: Section[] = sourceText.sections.map((fallback) => {
    const translated = text.sections.find((t) => t.id === fallback.id);
    const s = translated ?? fallback;
    let o = overrides?.get(s.id);
    let overrideInSource = false;
    if (!o && sourceOverrides?.get(s.id)) {
      o = sourceOverrides.get(s.id);
      overrideInSource = true;
      // (Templates with the short form print no sections, so nothing of it reaches their PDF.)
      if (showsSections) findings.push(findingAt(region.source, ['overrides', key.sheet, source, 'sections', s.id], severity,
        `the override of section "${s.id}" has no "${key.locale}" version, so the "${source}" text is printed in the ${key.locale} PDF`,
        `Add it under overrides → ${key.sheet} → ${key.locale} → sections → ${s.id} in this file.`, 'key'));
    }
    const headingInSource = o?.heading !== undefined ? overrideInSource : !translated;
    const heading = o?.heading !== undefined
      ? plain(o.heading, region.source, ['overrides', key.sheet, overrideInSource ? source : key.locale, 'sections', s.id, 'heading'], overrideInSource)
      // (A section the translation lacks is the source's, heading and all: found in its file.)
      : plain(s.heading, translated ? text.source : sourceText.source, s.headingAt, !translated);
    const blocks = o?.body !== undefined ? rich(o.body, overrideInSource) : rich(s.body, !translated);
    const all = o?.append ? [...blocks, ...rich(o.append, overrideInSource)] : blocks;
    return { id: s.id, heading, ...(headingInSource && { lang: source }), blocks: all };
  });

  const title = plain(text.title, text.source, ['title']);
  const kicker = plain(text.kicker, text.source, ['kicker']);
  const lead = rich(text.lead).flatMap((b) => (b.kind === 'paragraph' ? b.runs : []));
  const messages = forLocale(catalogues, key.locale) ?? catalogues.en!;
  const short = resolveFlyer({ key, spec: templateSpecs[key.template], text, sourceText, sourceLocale: source, region, plain });
  findings.push(...short.findings);
  const organisation = brand.data.organisation;
  if (findings.some((f) => f.severity === 'error')) return { findings };

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
      // Templates with the short form print no section: their model has none, so that a region's
      // change to a section's text does not count as a change of its flyer and poster (hashInputs).
      sections: showsSections ? sections : [],
      region: { id: key.region, name: regionName, lang: regionNameLang },
      contact,
      messages,
      ...(short.flyer && { flyer: short.flyer }),
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
