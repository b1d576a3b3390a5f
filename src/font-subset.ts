import { requireMethods } from './patch-guard.js';

/**
 * Faster font subsets for the PDF, byte for byte the same as fontkit's.
 *
 * pdfkit embeds each font as a TrueType subset that fontkit encodes (`TTFSubset.encode`) at the
 * end of every document. That took ~6.5 ms per document, a third of a warm render: fontkit
 * decodes every glyph's outline only to learn whether it is composite, and re-encodes the tables
 * that never change (head, hhea, maxp, cvt, prep, fpgm: thousands of single numbers) through its
 * generic struct encoder.
 *
 * Here the per-font parts are taken once from fontkit's own output, each glyph's bytes and
 * metrics are looked up once per thread, and the subset is assembled the way fontkit lays it
 * out: a 'true' directory with zero checksums, then the tables in fontkit's order, unpadded.
 * Nothing is guessed: the first subset of every font is made both ways and compared, and a font
 * whose bytes differ (or a variable font, or a table fontkit might add) keeps fontkit's encoder.
 */

interface Component {
  glyphID: number;
  pos: number;
}
interface GlyphOutline {
  numberOfContours: number;
  components?: Component[];
}
interface Glyph {
  advanceWidth: number;
  _decode(): GlyphOutline | null;
  _getMetrics(): { leftBearing: number };
}
interface Font {
  loca: { version: number; offsets: number[] };
  _variationProcessor?: unknown;
  getGlyph(id: number): Glyph;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  createSubset(): Subset;
}
interface Subset {
  font: Font;
  glyphs: number[];
  includeGlyph(glyph: number | { id: number }): number;
  encode(): Uint8Array;
}

/** A glyph as a subset needs it: its bytes in the glyf table, components, and metrics. */
interface GlyphEntry {
  bytes: Uint8Array;
  components: Component[] | undefined;
  advance: number;
  bearing: number;
}

/** What every subset of one font shares, read from fontkit's own encoding of a one-glyph subset. */
interface FontParts {
  tags: string[];
  fixed: Map<string, Uint8Array>;
  locaVersion: number;
  glyphs: Map<number, GlyphEntry>;
}

/** Tables built for each subset from its glyphs. */
const ASSEMBLED = new Set(['loca', 'glyf', 'hmtx']);
/** Tables the same in every subset of a font (hhea and maxp but for their glyph counts). */
const FIXED = new Set(['head', 'hhea', 'maxp', 'cvt ', 'prep', 'fpgm']);
/** Field offsets (OpenType spec): hhea.numberOfHMetrics, maxp.numGlyphs. */
const HHEA_METRICS = 34;
const MAXP_GLYPHS = 4;

/** Per font: its parts, or `null` once it has shown that it needs fontkit's own encoder. */
const parts = new WeakMap<Font, FontParts | null>();
let installed = false;

export function patchSubsetEncoding(anyTrueTypeFont: { createSubset(): unknown; directory: { tables: Record<string, unknown> } }): void {
  if (installed || !anyTrueTypeFont.directory.tables.glyf) return;
  installed = true;
  const proto = Object.getPrototypeOf(anyTrueTypeFont.createSubset()) as Subset;
  requireMethods('fontkit', proto, ['encode']);
  const encode = proto.encode;
  proto.encode = function (this: Subset) {
    let known = parts.get(this.font);
    if (known === null) return encode.call(this);
    if (known === undefined) {
      known = this.font._variationProcessor ? null : partsOf(this.font, encode);
      if (known) {
        // The first subset of each font is made both ways (fontkit's on a copy first: it adds
        // composite glyphs' components to the subset it encodes); a difference retires the fast
        // path for the font, and fontkit's bytes are the answer.
        const expected = encode.call(cloneSubset(this));
        const fast = assemble(this, known);
        parts.set(this.font, sameBytes(fast, expected) ? known : null);
        return parts.get(this.font) ? fast : expected;
      }
      parts.set(this.font, null);
      return encode.call(this);
    }
    return assemble(this, known);
  };
}

/** Which encoder a font's subsets use in this thread (`undefined` before its first subset); for the tests. */
export function subsetEncoder(font: object): 'assembled' | 'fontkit' | undefined {
  const known = parts.get(font as Font);
  return known === undefined ? undefined : known ? 'assembled' : 'fontkit';
}

function partsOf(font: Font, encode: () => Uint8Array): FontParts | null {
  const one = font.createSubset();
  const bytes = encode.call(one);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tags: string[] = [];
  const fixed = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (FIXED.has(tag)) fixed.set(tag, bytes.slice(offset, offset + length));
    else if (!ASSEMBLED.has(tag)) return null;
    tags.push(tag);
  }
  if (![...ASSEMBLED, 'hhea', 'maxp'].every((tag) => tags.includes(tag))) return null;
  return { tags, fixed, locaVersion: font.loca.version, glyphs: new Map() };
}

function glyphEntry(font: Font, known: FontParts, gid: number): GlyphEntry {
  let entry = known.glyphs.get(gid);
  if (entry) return entry;
  const glyph = font.getGlyph(gid);
  const outline = glyph._decode();
  const stream = font._getTableStream('glyf');
  stream.pos += font.loca.offsets[gid]!;
  const bytes = Uint8Array.from(stream.readBuffer(font.loca.offsets[gid + 1]! - font.loca.offsets[gid]!));
  const components = outline && outline.numberOfContours < 0 ? outline.components!.map(({ glyphID, pos }) => ({ glyphID, pos })) : undefined;
  entry = { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
  known.glyphs.set(gid, entry);
  return entry;
}

/** fontkit's TTFSubset.encode, step for step, with the per-font and per-glyph work done once. */
function assemble(subset: Subset, known: FontParts): Uint8Array {
  const glyf: Uint8Array[] = [];
  const metrics: GlyphEntry[] = [];
  // Components of composite glyphs join the subset as they are met, as in fontkit.
  for (let i = 0; i < subset.glyphs.length; i++) {
    const entry = glyphEntry(subset.font, known, subset.glyphs[i]!);
    let bytes = entry.bytes;
    if (entry.components) {
      bytes = bytes.slice();
      const view = new DataView(bytes.buffer);
      for (const c of entry.components) view.setUint16(c.pos, subset.includeGlyph(c.glyphID));
    }
    glyf.push(bytes);
    metrics.push(entry);
  }
  const n = glyf.length;
  const tables = new Map<string, Uint8Array>();
  const glyfBytes = concat(glyf);
  const loca = new Uint8Array((n + 1) * (known.locaVersion === 0 ? 2 : 4));
  const locaView = new DataView(loca.buffer);
  for (let i = 0, offset = 0; i <= n; offset += glyf[i]?.length ?? 0, i++) {
    if (known.locaVersion === 0) locaView.setUint16(2 * i, offset >>> 1);
    else locaView.setUint32(4 * i, offset);
  }
  const hmtx = new Uint8Array(4 * n);
  const hmtxView = new DataView(hmtx.buffer);
  metrics.forEach((m, i) => {
    hmtxView.setUint16(4 * i, m.advance);
    hmtxView.setInt16(4 * i + 2, m.bearing);
  });
  for (const [tag, bytes] of known.fixed) tables.set(tag, bytes);
  tables.set('hhea', withUint16(known.fixed.get('hhea')!, HHEA_METRICS, n));
  tables.set('maxp', withUint16(known.fixed.get('maxp')!, MAXP_GLYPHS, n));
  tables.set('loca', loca);
  tables.set('glyf', glyfBytes);
  tables.set('hmtx', hmtx);
  return directory(known.tags, tables);
}

/** fontkit's Directory: tag 'true', binary-search fields, zero checksums, tables back to back. */
function directory(tags: string[], tables: Map<string, Uint8Array>): Uint8Array {
  const count = tags.length;
  const head = 12 + 16 * count;
  const total = tags.reduce((sum, tag) => sum + tables.get(tag)!.length, head);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log(count) / Math.LN2);
  out.set([0x74, 0x72, 0x75, 0x65]); // 'true'
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log(power) / Math.LN2);
  view.setUint16(10, count * 16 - power * 16);
  let offset = head;
  tags.forEach((tag, i) => {
    const bytes = tables.get(tag)!;
    const record = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[record + k] = tag.charCodeAt(k);
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, bytes.length);
    out.set(bytes, offset);
    offset += bytes.length;
  });
  return out;
}

function withUint16(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint16(at, value);
  return copy;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A subset with the same glyphs in the same order. */
function cloneSubset(subset: Subset): Subset {
  const copy = subset.font.createSubset();
  for (const gid of subset.glyphs) copy.includeGlyph(gid);
  return copy;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
