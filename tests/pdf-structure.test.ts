import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { beginNode, beginStructure, drawContent, drawDecoration, drawRun, endStructure, identifyStructure, roleOf, type LayoutNode } from '../src/pdf-structure.js';
import { parseStructText } from './helpers/structure.js';

describe('roleOf', () => {
  it('makes fixed nodes page furniture, whatever they hold, and tag="Artifact" decoration', () => {
    expect(roleOf({ type: 'VIEW', props: { fixed: true } }, 'Document')).toEqual({ kind: 'artifact', type: 'Pagination' });
    expect(roleOf({ type: 'TEXT', props: { fixed: true, tag: 'H1' } }, 'Document')).toEqual({ kind: 'artifact', type: 'Pagination' });
    expect(roleOf({ type: 'VIEW', props: { tag: 'Pagination' } }, 'Document')).toEqual({ kind: 'artifact', type: 'Pagination' });
    expect(roleOf({ type: 'VIEW', props: { tag: 'Artifact' } }, 'Document')).toEqual({ kind: 'artifact', type: 'Layout' });
  });

  it('takes the tag a template gives', () => {
    expect(roleOf({ type: 'TEXT', props: { tag: 'H1' } }, 'Document')).toEqual({ kind: 'element', type: 'H1' });
    expect(roleOf({ type: 'VIEW', props: { tag: 'L' } }, 'Document')).toEqual({ kind: 'element', type: 'L' });
    expect(roleOf({ type: 'SVG', props: { tag: 'Figure', alt: 'Logo' } }, 'Link')).toEqual({ kind: 'element', type: 'Figure' });
  });

  it('makes a text without a role a paragraph where elements are grouped, and part of the text where it is in one', () => {
    for (const within of ['Document', 'Sect', 'Div', 'L', 'LI', 'LBody']) expect(roleOf({ type: 'TEXT', props: {} }, within)).toEqual({ kind: 'element', type: 'P' });
    for (const within of ['P', 'H2', 'Link', 'Lbl']) expect(roleOf({ type: 'TEXT', props: {} }, within)).toEqual({ kind: 'none' });
  });

  it('lets views and pages only group, makes links Link elements and undescribed pictures decoration', () => {
    expect(roleOf({ type: 'VIEW', props: {} }, 'Document')).toEqual({ kind: 'none' });
    expect(roleOf({ type: 'PAGE', props: {} }, 'Document')).toEqual({ kind: 'none' });
    expect(roleOf({ type: 'LINK', props: { src: 'https://x' } }, 'P')).toEqual({ kind: 'element', type: 'Link' });
    expect(roleOf({ type: 'SVG', props: {} }, 'Document')).toEqual({ kind: 'artifact', type: 'Layout' });
    expect(roleOf({ type: 'IMAGE' }, 'Document')).toEqual({ kind: 'artifact', type: 'Layout' });
  });
});

describe('identifyStructure', () => {
  it('leaves a tree without roles as it is', () => {
    const tree: LayoutNode = { type: 'PAGE', props: {}, children: [{ type: 'VIEW', props: {}, children: [{ type: 'TEXT', props: {} }] }] };
    expect(identifyStructure(tree)).toBe(tree);
  });

  it('copies the nodes on the way to one with a role, and changes none of the originals', () => {
    const list: LayoutNode = { type: 'VIEW', props: { tag: 'L' }, children: [] };
    const other: LayoutNode = { type: 'VIEW', props: {} };
    const tree: LayoutNode = { type: 'PAGE', props: {}, children: [other, list] };
    const identified = identifyStructure(tree);
    expect(identified).not.toBe(tree);
    expect(identified.children![0]).toBe(other);
    expect(identified.children![1]).not.toBe(list);
    expect(identified.children![1]!.props).toMatchObject({ tag: 'L' });
    expect(Object.getOwnPropertySymbols(list.props!)).toHaveLength(0);
    expect(Object.getOwnPropertySymbols(identified.children![1]!.props!)).toHaveLength(1);
    // A second pass (a re-layout) keeps the identity.
    expect(identifyStructure(identified)).toBe(identified);
  });
});

/**
 * The hooks with a real pdfkit document, called as react-pdf's renderer calls them; poppler reads
 * the result.
 */
interface Doc {
  addPage(options?: object): Doc;
  rect(x: number, y: number, w: number, h: number): Doc;
  fill(color?: string): Doc;
  link(x: number, y: number, w: number, h: number, url: string): Doc;
  on(event: string, listener: (chunk?: Buffer) => void): Doc;
  end(): void;
}

async function drawn(draw: (doc: Doc) => void): Promise<{ file: string; pdf: string }> {
  const Doc = PDFDocument as unknown as new (options: object) => Doc;
  const doc = new Doc({ autoFirstPage: false, compress: false, pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk) => chunks.push(chunk!));
  const done = new Promise((resolve) => doc.on('end', () => resolve(undefined)));
  beginStructure(doc);
  draw(doc);
  endStructure(doc);
  doc.end();
  await done;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'infoblatt-structure-')), 'test.pdf');
  const bytes = Buffer.concat(chunks);
  writeFileSync(file, bytes);
  return { file, pdf: bytes.toString('latin1') };
}

/** A node drawn as react-pdf's renderNode draws it: decoration, own content, then children. */
function node(doc: Doc, n: LayoutNode, own?: () => void, children: () => void = () => {}) {
  beginNode(doc, n, () => {
    if (n.type === 'PAGE') doc.addPage({ size: [200, 200], margin: 0 });
    drawDecoration(doc, n, () => {
      if (n.style?.backgroundColor) doc.rect(0, 0, 200, 2).fill('#c4161c');
    });
    if (own) drawContent(doc, n, own);
    children();
  });
}

const structure = (file: string) => parseStructText(execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8' }));

describe('the drawing hooks', () => {
  it('make one element of a paragraph drawn on two pages, a Link element of a link run, artifacts of furniture and decoration', async () => {
    const paragraph = identifyStructure<LayoutNode>({ type: 'TEXT', props: {} });
    const list = identifyStructure<LayoutNode>({ type: 'VIEW', props: { tag: 'L' } });
    // Pagination copies a split view's props; the identity goes with them.
    const listOnPage2 = { ...list, props: { ...list.props, bookmark: null } };
    const item = (n: number) => ({ type: 'VIEW', props: { tag: 'LI', n } });
    const footer: LayoutNode = { type: 'VIEW', props: { fixed: true }, style: { backgroundColor: '#c4161c' }, box: {} };
    const decorated: LayoutNode = { type: 'VIEW', props: {}, style: { backgroundColor: '#fff' }, box: {} };
    const run = (link?: string) => ({ attributes: { link } });
    const { file, pdf } = await drawn((doc) => {
      const square = () => doc.rect(10, 10, 5, 5).fill('#000');
      node(doc, { type: 'PAGE', props: {} }, undefined, () => {
        node(doc, decorated);
        node(doc, { type: 'TEXT', props: { tag: 'H1' } }, () => drawRun(doc, run(), square));
        node(doc, paragraph, () => {
          drawRun(doc, run(), square);
          drawRun(doc, run('https://example.org'), () => { doc.link(0, 0, 5, 5, 'https://example.org'); square(); });
          drawRun(doc, run('https://example.org'), square);
          drawRun(doc, run(), square);
        });
        node(doc, list, undefined, () => node(doc, item(1), undefined, () => node(doc, { type: 'TEXT', props: { tag: 'LBody' } }, () => drawRun(doc, run(), square))));
        node(doc, footer, undefined, () => node(doc, { type: 'TEXT', props: {} }, () => drawRun(doc, run(), square)));
      });
      node(doc, { type: 'PAGE', props: {} }, undefined, () => {
        node(doc, { ...paragraph }, () => drawRun(doc, run(), square));
        node(doc, listOnPage2, undefined, () => node(doc, item(2), undefined, () => node(doc, { type: 'TEXT', props: { tag: 'LBody' } }, () => drawRun(doc, run(), square))));
        node(doc, { type: 'SVG', props: { tag: 'Figure', alt: 'A square' } }, square);
        node(doc, footer, undefined, () => node(doc, { type: 'TEXT', props: {} }, () => drawRun(doc, run(), square)));
      });
    });
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    const tree = structure(file);
    const outline = (e: (typeof tree.items)[number]): unknown => (typeof e === 'string' ? e : [e.type, ...(e.objects ? [`objects:${e.objects}`] : []), ...e.items.map(outline)]);
    expect(outline(tree)).toEqual(['StructTreeRoot', ['Document',
      ['H1'],
      ['P', ['Link', 'objects:1']],
      ['L', ['LI', ['LBody']], ['LI', ['LBody']]],
      ['Figure'],
    ]]);
    // The paragraph: its content on page 1 (three marked sequences: text, link, text) and on page 2.
    expect(pdf.match(/\/Type \/MCR/g)).toHaveLength(1);
    expect(pdf).toContain('/Alt (A square)');
    expect(pdf).toContain('/Contents (https://example.org)');
    expect(pdf.match(/\/Artifact <<\n\/Type \/Pagination\n>> BDC/g)).toHaveLength(2);
    // The decorated view's background; the footers' backgrounds are part of their own artifact.
    expect(pdf.match(/\/Artifact <<\n\/Type \/Layout\n>> BDC/g)).toHaveLength(1);
    expect(pdf.match(/ BDC/g)!.length).toBe(pdf.match(/\nEMC/g)!.length);
  });

  it('leave an untagged document untouched', async () => {
    const Doc = PDFDocument as unknown as new (options: object) => Doc;
    const doc = new Doc({ autoFirstPage: false, compress: false });
    let drew = 0;
    node(doc, { type: 'PAGE', props: {} }, undefined, () => node(doc, { type: 'TEXT', props: { tag: 'H1' } }, () => drawRun(doc, { attributes: {} }, () => drew++)));
    expect(drew).toBe(1);
    doc.end();
  });
});
