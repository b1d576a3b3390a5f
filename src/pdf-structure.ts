import { requireMethods } from './patch-guard.js';

/**
 * Tagged PDF: the sheet's logical structure, so that screen readers read it in order, with its
 * headings, paragraphs, lists, figures and links, and so that viewers can reflow it and export
 * its text. react-pdf draws but does not tag; pdfkit, which it draws through, can tag (its
 * "markings": structure elements, marked content with MCIDs, artifacts). The hooks that
 * scripts/node-bundle.mjs puts into react-pdf's renderer call this module while a document is
 * drawn, so the structure follows what is drawn, in the order it is drawn:
 *
 * - a node with a structure role opens a structure element (`beginNode`); its own drawing (text,
 *   a figure's shapes) becomes marked content of that element (`drawContent`, `drawRun`);
 * - page furniture (`fixed` nodes: running head, footer, page numbers) is drawn as a Pagination
 *   artifact, backgrounds, borders and rules as Layout artifacts (`drawDecoration`): a screen
 *   reader skips them, and nothing drawn is left outside a marking;
 * - a link's annotation joins its Link element (OBJR), and the element its marked text.
 *
 * Roles come from the templates: a `tag` prop on a react-pdf element (`tag="H1"`, `"L"`/`"LI"`/
 * `"Lbl"`/`"LBody"`, `tag="Figure"` with `alt`), and `lang` where a text's language is not the
 * document's. A <Text> without a role is a paragraph (inside an element that holds text itself, a
 * heading, a paragraph or a link, it is part of that element's text instead); a <View> without one
 * only groups (its children join the nearest element above it); an <Svg> or image without one is
 * decoration.
 *
 * A node split across pages by pagination is drawn once per page, as copies of the node: a
 * paragraph's copies share their props object, a <View>'s do not (react-pdf copies its props for
 * the part on the next page). So before pagination every node with a role gets an identity in its
 * props (`identifyStructure`, a layout hook), which the copies keep, and both parts are marked
 * content of ONE element, on two pages.
 */

/** The structure types a template may give an element (PDF 1.7, 14.8.4), and two kinds of artifact. */
export type StructureTag =
  | 'Sect' | 'Div' | 'Part' | 'Art'
  | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P'
  | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Figure' | 'Caption' | 'Link' | 'Span'
  /** Decoration, not read: drawn as a Layout artifact. */
  | 'Artifact'
  /** Page furniture placed by hand (a masthead repeated on each page): a Pagination artifact. */
  | 'Pagination';

/** What a template may say on a react-pdf element (View, Text, Link, Svg …) about its role. */
export interface StructureProps {
  /** Its structure role; see StructureTag and the rules above for elements without one. */
  tag?: StructureTag;
  /** Alternative text of a figure (what a reader hears instead of the picture). */
  alt?: string;
  /** The language of its text where it is not the document's (BCP 47). */
  lang?: string;
}

declare module '@react-pdf/renderer' {
  // Every react-pdf element's props (ViewProps, TextProps, LinkProps, SVGProps … extend it).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface NodeProps extends StructureProps {}
}

/** Elements that hold other elements, not text: a text without a role inside one is a paragraph. */
const GROUPING = new Set<string>(['Document', 'Sect', 'Div', 'Part', 'Art', 'L', 'LI', 'LBody']);

export type Role =
  | { kind: 'element'; type: string }
  | { kind: 'artifact'; type: 'Pagination' | 'Layout' }
  /** No element of its own: drawn as part of the element it is in. */
  | { kind: 'none' };

interface Props {
  tag?: unknown;
  alt?: unknown;
  lang?: unknown;
  fixed?: unknown;
  src?: unknown;
  href?: unknown;
  [identity]?: object;
}

/** What this module reads of a node of react-pdf's layout. */
export interface LayoutNode {
  type: string;
  props?: Props;
  style?: { backgroundColor?: unknown };
  box?: { borderTopWidth?: number; borderRightWidth?: number; borderBottomWidth?: number; borderLeftWidth?: number };
  children?: LayoutNode[];
}

/**
 * The role of a node drawn inside an element of type `within`. Page furniture first: a `fixed`
 * node is drawn on every page, so it is a Pagination artifact whatever it holds.
 */
export function roleOf(node: LayoutNode, within: string): Role {
  const props = node.props ?? {};
  if (node.type === 'PAGE' || node.type === 'DOCUMENT') return { kind: 'none' };
  if (props.fixed === true || props.tag === 'Pagination') return { kind: 'artifact', type: 'Pagination' };
  if (props.tag === 'Artifact') return { kind: 'artifact', type: 'Layout' };
  if (typeof props.tag === 'string') return { kind: 'element', type: props.tag };
  switch (node.type) {
    case 'TEXT':
      return GROUPING.has(within) ? { kind: 'element', type: 'P' } : { kind: 'none' };
    case 'LINK':
      return { kind: 'element', type: 'Link' };
    case 'SVG':
    case 'IMAGE':
    case 'IMAGE_BACKGROUND':
    case 'CANVAS':
      // A picture nobody described is decoration: a figure without alternative text helps no one.
      return { kind: 'artifact', type: 'Layout' };
    default:
      return { kind: 'none' };
  }
}

const identity = Symbol('infoblatt structure element');

/**
 * Layout hook, before pagination: every node with a role of its own gets an identity in its props
 * (a new object; nodes are copied, never changed). Pagination copies props with everything in
 * them, so the parts of a split node keep it (see the module comment).
 */
export function identifyStructure<T extends LayoutNode>(node: T): T {
  const children = node.children?.map((child) => identifyStructure(child));
  const changed = children !== undefined && children.some((child, i) => child !== node.children![i]);
  const tagged = node.props !== undefined && typeof node.props.tag === 'string' && node.props[identity] === undefined;
  if (!changed && !tagged) return node;
  return { ...node, ...(changed && { children }), ...(tagged && { props: { ...node.props, [identity]: {} } }) };
}

/** The parts of a node split across pages share this (see identifyStructure). */
const identityOf = (node: LayoutNode): object => node.props?.[identity] ?? node.props ?? node;

// What this module uses of pdfkit (0.20: its markings mixin and PDFStructureElement).
interface StructElement {
  add(child: unknown): StructElement;
  end(): void;
}
interface Doc {
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(element: StructElement): Doc;
  markContent(tag: string, options?: Record<string, unknown> | null): Doc;
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): Doc;
  getMarkInfoDictionary(): { data: Record<string, unknown> };
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): Doc;
}

interface Open {
  element: StructElement;
  type: string;
}

/** A <Text> being drawn: its runs are marked content of `owner`, or of a Link element inside it. */
interface TextDrawing {
  owner: Open;
  /** The element whose marked content is open, if any. */
  marked?: StructElement;
  /** The Link element of the link run just drawn: the next run of the same link joins it. */
  link?: { url: string; element: StructElement };
  links: StructElement[];
}

interface Tagging {
  /** The document's element first, then one per node being drawn that has an element. */
  open: Open[];
  /** Elements by node identity: a part on a later page adds to the element of the first. */
  elements: Map<object, StructElement>;
  /** Above 0 while an artifact is drawn: nothing inside it is tagged again. */
  inArtifact: number;
  text?: TextDrawing;
  /** The Link element (and its address) a link annotation made now belongs to. */
  annotationOwner?: { element: StructElement; url: string };
}

const taggings = new WeakMap<object, Tagging>();

/** Hook at the start of react-pdf's render(): the document is tagged, with a Document element at its root. */
export function beginStructure(ctx: unknown): void {
  const doc = ctx as Doc;
  requireMethods('pdfkit', doc, ['struct', 'addStructure', 'markContent', 'markStructureContent', 'endMarkedContent', 'getMarkInfoDictionary', 'annotate']);
  // What pdfkit's `tagged: true` option does (react-pdf does not pass it): /MarkInfo << /Marked true >>.
  doc.getMarkInfoDictionary().data.Marked = true;
  const root = doc.struct('Document');
  doc.addStructure(root);
  const tagging: Tagging = { open: [{ element: root, type: 'Document' }], elements: new Map(), inArtifact: 0 };
  taggings.set(doc, tagging);
  // react-pdf makes link annotations itself (pdfkit's link() and goTo(), without options). The one
  // made while a link is drawn becomes part of its Link element (OBJR, StructParent), with the
  // address as its description (Contents), which assistive technology reads for the link.
  const annotate = doc.annotate;
  doc.annotate = function (this: Doc, x, y, w, h, options) {
    const owner = tagging.annotationOwner;
    if (owner && options.Subtype === 'Link' && options.structParent === undefined) {
      options = { ...options, structParent: owner.element, Contents: new String(owner.url) };
    }
    return annotate.call(this, x, y, w, h, options);
  };
}

/** Hook before react-pdf ends the document: every marking is closed (pdfkit writes the tree as the document ends). */
export function endStructure(ctx: unknown): void {
  const tagging = taggings.get(ctx as object);
  if (!tagging) return;
  taggings.delete(ctx as object);
  const page = (ctx as { page?: { markings: unknown[] } }).page;
  if (tagging.open.length !== 1 || tagging.inArtifact !== 0 || tagging.text || (page && page.markings.length > 0)) {
    throw new Error('pdf-structure: a node or marked content was not closed (our bug)');
  }
}

/** Hook around react-pdf's renderNode: the node's element (or artifact) is open while it and its children are drawn. */
export function beginNode(ctx: unknown, node: LayoutNode, draw: () => void): void {
  const doc = ctx as Doc;
  const tagging = taggings.get(doc);
  if (!tagging || tagging.inArtifact > 0) return draw();
  const within = tagging.open.at(-1)!;
  const role = roleOf(node, within.type);
  if (role.kind === 'none') return draw();
  if (role.kind === 'artifact') {
    tagging.inArtifact++;
    doc.markContent('Artifact', { type: role.type });
    draw();
    doc.endMarkedContent();
    tagging.inArtifact--;
    return;
  }
  // A Link element ends with its node, so that pdfkit writes its annotation's page (OBJR /Pg) as
  // the page it is on: it takes the page current when the element is written.
  const link = role.type === 'Link';
  const key = identityOf(node);
  let element = link ? undefined : tagging.elements.get(key);
  if (!element) {
    element = doc.struct(role.type, optionsOf(node.props ?? {}));
    within.element.add(element);
    if (!link) tagging.elements.set(key, element);
  }
  tagging.open.push({ element, type: role.type });
  draw();
  tagging.open.pop();
  if (link) element.end();
}

function optionsOf(props: Props): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (typeof props.alt === 'string' && props.alt !== '') options.alt = props.alt;
  if (typeof props.lang === 'string' && props.lang !== '') options.lang = props.lang;
  return options;
}

/** Hook around a node's background and borders: decoration, a Layout artifact. */
export function drawDecoration(ctx: unknown, node: LayoutNode, draw: () => void): void {
  const doc = ctx as Doc;
  const tagging = taggings.get(doc);
  if (!tagging || tagging.inArtifact > 0 || !paints(node)) return draw();
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

/** Whether react-pdf draws a background or a border for the node (its renderBackground and renderBorders). */
const paints = (node: LayoutNode): boolean =>
  !!node.box && (!!node.style?.backgroundColor || !!(node.box.borderTopWidth || node.box.borderRightWidth || node.box.borderBottomWidth || node.box.borderLeftWidth));

/** Hook around a node's own drawing (react-pdf's render function for its type). */
export function drawContent(ctx: unknown, node: LayoutNode, draw: () => void): void {
  const doc = ctx as Doc;
  const tagging = taggings.get(doc);
  if (!tagging || tagging.inArtifact > 0) return draw();
  const owner = tagging.open.at(-1)!;
  if (node.type === 'LINK') {
    // A <Link> around other nodes draws nothing itself, only its annotation.
    tagging.annotationOwner = { element: owner.element, url: String(node.props?.src ?? node.props?.href ?? '') };
    draw();
    tagging.annotationOwner = undefined;
    return;
  }
  if (node.type === 'TEXT') {
    // Marked per run (drawRun): a link inside the text is an element of its own.
    const text: TextDrawing = { owner, links: [] };
    tagging.text = text;
    draw();
    tagging.text = undefined;
    if (text.marked) doc.endMarkedContent();
    for (const link of text.links) link.end();
    return;
  }
  owner.element.add(doc.markStructureContent(owner.type));
  draw();
  doc.endMarkedContent();
}

/** Hook around the drawing of one run of a text's line (react-pdf's renderRun). */
export function drawRun(ctx: unknown, run: { attributes?: { link?: unknown } }, draw: () => void): void {
  const doc = ctx as Doc;
  const tagging = taggings.get(doc);
  const text = tagging?.text;
  if (!tagging || !text) return draw();
  const url = typeof run.attributes?.link === 'string' ? run.attributes.link : undefined;
  let element = text.owner.element;
  let type = text.owner.type;
  if (url) {
    // The runs of one link (its words on two lines, a bold word in it) are one Link element.
    if (text.link?.url !== url) {
      const link = doc.struct('Link');
      text.owner.element.add(link);
      text.links.push(link);
      text.link = { url, element: link };
    }
    element = text.link.element;
    type = 'Link';
  } else text.link = undefined;
  if (text.marked !== element) {
    if (text.marked) doc.endMarkedContent();
    element.add(doc.markStructureContent(type));
    text.marked = element;
  }
  if (!url) return draw();
  tagging.annotationOwner = { element, url };
  draw();
  tagging.annotationOwner = undefined;
}
