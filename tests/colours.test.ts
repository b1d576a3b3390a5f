import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it } from 'vitest';
import { colourKey, inkTable, svgColours } from '../src/colours.js';
import { drawWithInks, patchPdfkit, takeUnknownInks } from '../src/pdfkit-patches.js';
import type { SvgNode } from '../src/model.js';
import type { BrandFile } from '../src/content/schema.js';

const colours = { primary: '#C4161C', text: '#1D1D1B', muted: '#6A6A66', tint: '#F7F1EE', onPrimary: '#FFFFFF' };
const cmyk: NonNullable<BrandFile['cmyk']> = { primary: [0, 100, 95, 20], text: [0, 0, 0, 100], muted: [0, 0, 0, 72], tint: [0, 4, 4, 2], onPrimary: [0, 0, 0, 0] };

describe('colourKey', () => {
  it('gives one key however a colour is written', () => {
    for (const written of ['#c4161c', '#C4161C', ' #C4161C ', 'rgb(196, 22, 28)']) expect(colourKey(written), written).toBe('#c4161c');
    expect(colourKey('#fff')).toBe('#ffffff');
    expect(colourKey('white')).toBe('#ffffff');
    expect(colourKey('Black')).toBe('#000000');
  });

  it('has no key for what is not one opaque colour', () => {
    for (const written of ['none', 'url(#gradient)', '#12345', 'rgba(0, 0, 0, 0.5)', '']) expect(colourKey(written), written).toBeUndefined();
  });
});

describe('inkTable', () => {
  it("maps the brand's colours to their CMYK values, and white and black to paper and black ink", () => {
    const table = inkTable(colours, cmyk);
    expect(table.get('#c4161c')).toEqual([0, 100, 95, 20]);
    expect(table.get('#1d1d1b')).toEqual([0, 0, 0, 100]);
    expect(table.get('#ffffff')).toEqual([0, 0, 0, 0]);
    expect(table.get('#000000')).toEqual([0, 0, 0, 100]);
    expect(table.get('#123456')).toBeUndefined();
  });

  it("adds the logo's other colours by their hex value; a brand colour's own value wins", () => {
    const table = inkTable(colours, { ...cmyk, logo: { '#F2B200': [0, 30, 100, 5], '#c4161c': [0, 0, 0, 0] } });
    expect(table.get('#f2b200')).toEqual([0, 30, 100, 5]);
    expect(table.get('#c4161c')).toEqual([0, 100, 95, 20]);
  });

  it("lets the brand's own value for white or black win", () => {
    const table = inkTable({ ...colours, text: '#000000' }, { ...cmyk, text: [40, 30, 30, 100] });
    expect(table.get('#000000')).toEqual([40, 30, 30, 100]);
  });
});

describe('svgColours', () => {
  it('lists the colours painted anywhere in the tree, <svg> itself too, not "none", inherited or unpainted ones', () => {
    const tree: SvgNode = {
      tag: 'svg', attrs: { viewBox: '0 0 10 10', fill: '#1D1D1B' }, children: [
        { tag: 'rect', attrs: { fill: '#C4161C', stroke: 'none' }, children: [] },
        { tag: 'g', attrs: { fill: 'currentColor', stroke: 'gold', color: 'blue' }, children: [{ tag: 'path', attrs: { d: 'M0 0', fill: '#C4161C', stroke: 'None' }, children: [] }] },
        { tag: 'circle', attrs: { r: '1' }, children: [] },
      ],
    };
    expect(svgColours(tree)).toEqual(['#1D1D1B', '#C4161C', 'gold']);
  });
});

describe('pdfkit drawing with inks', () => {
  afterEach(() => drawWithInks(undefined));

  // src/types.d.ts declares only pdfkit's prototype: the few methods used here.
  interface Painter {
    rect(x: number, y: number, w: number, h: number): Painter;
    fillColor(c: string | number[]): Painter;
    strokeColor(c: string | number[]): Painter;
    fill(): Painter;
    stroke(): Painter;
    on(event: string, listener: (chunk: Buffer) => void): void;
    end(): void;
  }
  const Pdf = PDFDocument as unknown as new (options: { compress: boolean }) => Painter;

  const draw = (paint: (doc: Painter) => void): Promise<string> => {
    patchPdfkit();
    const doc = new Pdf({ compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<string>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1'))));
    paint(doc);
    doc.end();
    return done;
  };

  it('sets a table colour as its CMYK value, for fills and strokes, written as hex, named or as numbers', async () => {
    drawWithInks(inkTable(colours, cmyk));
    const pdf = await draw((doc) => {
      doc.rect(0, 0, 10, 10).fillColor('#C4161C').fill();
      doc.rect(0, 0, 10, 10).strokeColor('white').stroke();
      doc.rect(0, 0, 10, 10).fillColor([29, 29, 27]).fill();
    });
    expect(pdf).toContain('/DeviceCMYK cs\n0 1 0.95 0.2 scn');
    expect(pdf).toContain('/DeviceCMYK CS\n0 0 0 0 SCN');
    // Black ink alone overprints; the red knocks out.
    expect(pdf).toContain('/GsOverprint gs\n/DeviceCMYK cs\n0 0 0 1 scn');
    expect(pdf).toContain('/GsKnockout gs\n/DeviceCMYK cs\n0 1 0.95 0.2 scn');
    expect(pdf).not.toContain('DeviceRGB');
    expect(takeUnknownInks()).toEqual([]);
  });

  it('notes a colour the table lacks, and leaves documents made without a table in RGB', async () => {
    drawWithInks(inkTable(colours, cmyk));
    await draw((doc) => doc.rect(0, 0, 10, 10).fillColor('#123456').fill());
    expect(takeUnknownInks()).toEqual(['#123456']);
    drawWithInks(undefined);
    const plain = await draw((doc) => doc.rect(0, 0, 10, 10).fillColor('#C4161C').fill());
    expect(plain).toContain('/DeviceRGB cs');
    expect(plain).not.toContain('DeviceCMYK');
    expect(takeUnknownInks()).toEqual([]);
  });
});
