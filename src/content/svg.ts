import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SvgNode } from '../model.js';
import { positionInText } from './locate.js';

/**
 * The logo is an SVG file in the content tree. react-pdf cannot place SVG files as images, but it
 * draws SVG primitives, so the file is parsed here (during validation, never in a template) into a
 * small tree that the template's <Logo> maps onto react-pdf's <Svg> elements.
 */

/** Elements the template can draw. Text must be converted to paths: it would need the brand font. */
export const SVG_TAGS = new Set(['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);
const IGNORED = new Set(['title', 'desc', 'metadata', '?xml', '#comment']);

/** What is wrong with a logo file, what to do, and where in the file when the parser knows. */
export interface SvgProblem {
  problem: string;
  hint: string;
  at?: { line: number; column: number };
}

const EXPORT_HINT = 'Export the logo from the drawing program again as plain SVG (text converted to paths).';

/**
 * A logo's size limits. Every variant draws the logo, and checking it parses it: a logo of 60,000
 * rectangles (3.3 MB) took 21 s and 700 MB to check, 11 MB over two minutes. An exported logo, even
 * a detailed emblem, is some kilobytes and some hundred elements.
 */
export const MAX_LOGO_BYTES = 1024 * 1024;
export const MAX_LOGO_ELEMENTS = 5000;
export const LOGO_TOO_LARGE_HINT = 'Simplify the logo in the drawing program (fewer points and shapes, groups merged) and export it again as plain SVG.';

/** fast-xml-parser's default limit (maxNestedTags), named in the message when a logo exceeds it. */
const MAX_DEPTH = 100;

export function parseSvg(source: string): { tree: SvgNode } | SvgProblem {
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    // The parser's own words, kept as the detail: XML errors are too many kinds to reword each.
    return { problem: `the logo is not well-formed XML here, so it cannot be drawn (${valid.err.msg.replace(/\.$/, '')})`, hint: `${EXPORT_HINT} A file cut off or edited by hand shows this.`, at: { line: valid.err.line, column: valid.err.col } };
  }
  const parser = new XMLParser({ maxNestedTags: MAX_DEPTH, preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment' });
  let doc: Array<Record<string, unknown>>;
  try {
    doc = parser.parse(source) as Array<Record<string, unknown>>;
  } catch (error) {
    // The validator passes over what the parser refuses: some DOCTYPE declarations (an entity read
    // from another file, a parameter entity; Illustrator's own entities parse fine) and elements
    // nested deeper than its limit. Each is worded by its cause, the parser's words kept as detail.
    const detail = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    if (/nested tags/i.test(detail)) {
      return { problem: `the logo nests its elements more than ${MAX_DEPTH} deep, which infoblatt does not read (${detail})`, hint: `${EXPORT_HINT} Ungroup the drawing (groups inside groups) before exporting it.` };
    }
    if (/<!DOCTYPE/i.test(source)) {
      return { problem: `the logo's DOCTYPE declares something infoblatt does not read (${detail})`, hint: `${EXPORT_HINT} A logo needs no DOCTYPE: delete the <!DOCTYPE …> line, or save it without one.` };
    }
    return { problem: `the logo cannot be read as SVG (${detail})`, hint: EXPORT_HINT };
  }
  const unsupported = new Set<string>();
  let elements = 0;

  const convert = (entry: Record<string, unknown>): SvgNode | undefined => {
    const tag = Object.keys(entry).find((k) => k !== ':@');
    if (!tag || tag === '#text' || IGNORED.has(tag)) return undefined;
    elements += 1;
    if (!SVG_TAGS.has(tag)) {
      unsupported.add(tag);
      return undefined;
    }
    const attrs = Object.fromEntries(
      Object.entries((entry[':@'] as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)]),
    );
    const children = ((entry[tag] as Array<Record<string, unknown>>) ?? []).map(convert).filter((n): n is SvgNode => !!n);
    return { tag, attrs, children };
  };

  const root = doc.map(convert).find((n) => n?.tag === 'svg');
  if (elements > MAX_LOGO_ELEMENTS) {
    return { problem: `the logo has ${elements} elements; a logo may have at most ${MAX_LOGO_ELEMENTS}`, hint: LOGO_TOO_LARGE_HINT };
  }
  if (unsupported.size > 0) {
    return { problem: `the logo uses SVG elements infoblatt cannot draw: ${[...unsupported].join(', ')} (supported: ${[...SVG_TAGS].join(', ')})`, hint: EXPORT_HINT };
  }
  if (!root) return { problem: 'the logo file has no <svg> element', hint: 'Point logo at an SVG file, e.g. logo: logo.svg.' };
  if (!root.attrs.viewBox) return { problem: 'the logo\'s <svg> element has no viewBox, so the logo cannot be scaled', hint: `${EXPORT_HINT} It gives the drawing's size, e.g. viewBox="0 0 120 48".` };
  // Four numbers, a size above 0: anything else draws the logo stretched or not at all. The size is
  // scaled to the logo's height in the header (some 20–60 pt): a viewBox of 1e-300 made that factor
  // 3e+301, past what pdfkit writes (it stops at 1e21), and 1.7e308 overflowed to Infinity. The
  // width follows from the height and the viewBox's proportions: a billion times as wide as high
  // laid out as Infinity, which pdfkit refused as well.
  const box = root.attrs.viewBox.trim().split(/[\s,]+/).map(Number);
  if (box.length !== 4 || !box.every(Number.isFinite) || box[2]! <= 0 || box[3]! <= 0) {
    return { problem: `the logo's viewBox "${root.attrs.viewBox}" is not four numbers (x, y, width, height) with a width and height above 0`, hint: `${EXPORT_HINT} It gives the drawing's size, e.g. viewBox="0 0 120 48".` };
  }
  const [, , w, h] = box as [number, number, number, number];
  if (!box.every(inRange) || w < MIN_VIEWBOX_SIZE || h < MIN_VIEWBOX_SIZE || Math.max(w / h, h / w) > MAX_PROPORTION) {
    return { problem: `the logo's viewBox "${root.attrs.viewBox}" is too large or too small to draw: its numbers must lie between -${MAX_NUMBER} and ${MAX_NUMBER}, its width and height at least ${MIN_VIEWBOX_SIZE} and neither more than ${MAX_PROPORTION} times the other`,
      hint: `${EXPORT_HINT} It gives the drawing's size, e.g. viewBox="0 0 120 48".`, at: attributeIn(source, 'viewBox', root.attrs.viewBox) };
  }
  return checkNumbers(root, source) ?? { tree: root };
}

/** Attributes the drawing reads as one number (a unit such as "px" after it is fine). */
const NUMERIC = new Set(['x', 'y', 'width', 'height', 'rx', 'ry', 'cx', 'cy', 'r', 'x1', 'y1', 'x2', 'y2', 'opacity', 'fill-opacity', 'stroke-opacity', 'stroke-width', 'stroke-miterlimit', 'stroke-dashoffset']);
/** How many numbers each transform function takes. */
const TRANSFORM_ARGS: Record<string, number[]> = { matrix: [6], translate: [1, 2], scale: [1, 2], rotate: [1, 3], skewX: [1], skewY: [1] };
/**
 * pdfkit refuses to write a number of 1e21 or more and stopped the build (exit 70). A logo's
 * drawing has a few hundred units across; a million leaves room for any real export and keeps every
 * number drawn (after the viewBox scaling below, at most some 1e5) far from that limit.
 */
const MAX_NUMBER = 1_000_000;
/**
 * The smallest viewBox width and height: the drawing is scaled by the logo's height divided by the
 * viewBox's, so 0.001 gives a factor of at most some 1e5, and coordinates of a million at most 1e11.
 */
const MIN_VIEWBOX_SIZE = 0.001;
/** How many times as wide as high (or high as wide) a logo may be: a wordmark is some 10 times. */
const MAX_PROPORTION = 1000;
const inRange = (n: number) => Math.abs(n) <= MAX_NUMBER;
const isNumber = (v: string) => Number.isFinite(Number.parseFloat(v));
const NUMBER_IN_TEXT = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;
/** Every number written in an attribute (a path, a point list, a transform's arguments). */
const numbersIn = (v: string) => (v.match(NUMBER_IN_TEXT) ?? []).map(Number);
/**
 * A dash pattern is "none" or lengths above 0: pdfkit refuses a length of 0 or below ("0", "-1 -1")
 * with an error that stopped the build.
 */
const validDashes = (v: string) => v.trim() === 'none' || v.trim() === ''
  || v.trim().split(/[\s,]+/).every((n) => isNumber(n) && Number.parseFloat(n) > 0 && inRange(Number.parseFloat(n)));

/**
 * Numbers the drawing needs, checked before it is drawn: a value that is no number ("opacity=abc",
 * "rotate()") reached pdfkit as NaN, and one too large ("1e21") as a number pdfkit cannot write;
 * both stopped every variant with a stack trace.
 */
function checkNumbers(node: SvgNode, source: string): SvgProblem | undefined {
  for (const [name, value] of Object.entries(node.attrs)) {
    const bad = NUMERIC.has(name) ? !isNumber(value)
      : name === 'points' ? !value.trim().split(/[\s,]+/).every(isNumber)
      : name === 'transform' ? !validTransform(value)
      : name === 'd' ? !/^[MmZzLlHhVvCcSsQqTtAa\d\s,.eE+-]*$/.test(value)
      : name === 'stroke-dasharray' ? !validDashes(value)
      : false;
    const at = () => attributeIn(source, name, value);
    if (bad) {
      const what = name === 'transform' ? 'a transform infoblatt can draw (matrix, translate, scale, rotate, skewX, skewY with their numbers)'
        : name === 'd' ? 'a path of numbers and path commands'
        : name === 'stroke-dasharray' ? '"none" or dash lengths above 0'
        : 'a number';
      return { problem: `the logo's <${node.tag}> has ${name}="${value}", which is not ${what}`, hint: EXPORT_HINT, at: at() };
    }
    const checked = NUMERIC.has(name) || name === 'points' || name === 'transform' || name === 'd';
    if (checked && !numbersIn(value).every(inRange)) {
      return { problem: `the logo's <${node.tag}> has ${name}="${shorten(value)}", with a number outside -${MAX_NUMBER} to ${MAX_NUMBER}, too large to draw`,
        hint: `${EXPORT_HINT} A logo's drawing is some hundreds of units across; scale it down in the drawing program.`, at: at() };
    }
  }
  for (const child of node.children) {
    const problem = checkNumbers(child, source);
    if (problem) return problem;
  }
  return undefined;
}

/** A long path shown in a message: its start is enough to find it. */
const shorten = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);

function validTransform(value: string): boolean {
  const rest = value.replace(/(\w+)\s*\(([^)]*)\)/g, (call, fn: string, args: string) => {
    const numbers = args.trim() === '' ? [] : args.trim().split(/[\s,]+/);
    // Own keys only: "constructor(1)" found Object's constructor and stopped the check with a TypeError.
    return Object.hasOwn(TRANSFORM_ARGS, fn) && TRANSFORM_ARGS[fn]!.includes(numbers.length) && numbers.every(isNumber) ? '' : call;
  });
  return /^[\s,]*$/.test(rest);
}

/** Where the attribute `name="value"` (or in single quotes) stands in the file, for the message. */
function attributeIn(source: string, name: string, value: string): { line: number; column: number } | undefined {
  const at = [`${name}="${value}"`, `${name}='${value}'`].map((needle) => source.indexOf(needle)).find((i) => i >= 0);
  return at === undefined ? undefined : positionInText(source, at);
}
