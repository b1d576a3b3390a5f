// The reference point for `npm run bench`: the Hamburg German text set by bare react-pdf (the
// same font and German hyphenation, no infoblatt), as a whole process. Whatever infoblatt adds
// on top of react-pdf is the difference between the two.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import React from 'react';
import { Document, Font, Page, Text, renderToBuffer } from '@react-pdf/renderer';
import { syllables } from '@react-pdf/hyphenate/de';
import { parse } from 'yaml';

process.env.NODE_ENV = 'production';
const root = fileURLToPath(new URL('..', import.meta.url));
const font = (file) => `${root}fonts/source-sans-3/${file}`;
Font.register({ family: 'Sans', fonts: [{ src: font('SourceSans3-Regular.ttf') }, { src: font('SourceSans3-Bold.ttf'), fontWeight: 700 }] });
const de = parse(readFileSync(`${root}content/sheets/zoom-datenschutz/de.yaml`, 'utf8'));
const h = React.createElement;
const paragraph = (text) => h(Text, { style: { textAlign: 'justify', lineHeight: 1.34, marginBottom: 4 }, hyphenationCallback: syllables }, text.replace(/\n/g, ' '));
const doc = h(Document, null,
  h(Page, { size: 'A4', style: { padding: 45, fontFamily: 'Sans', fontSize: 9.5 } },
    h(Text, { style: { fontSize: 22, fontWeight: 700 } }, de.title),
    paragraph(de.lead),
    ...de.sections.flatMap((s) => [h(Text, { style: { fontWeight: 700, fontSize: 11.5, marginTop: 7 } }, s.heading), ...s.body.split('\n\n').map(paragraph)])));
const pdf = await renderToBuffer(doc);
process.stdout.write(`${pdf.length}\n`);
