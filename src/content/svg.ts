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

export function parseSvg(source: string): { tree: SvgNode } | SvgProblem {
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    // The parser's own words, kept as the detail: XML errors are too many kinds to reword each.
    return { problem: `the logo is not well-formed XML here, so it cannot be drawn (${valid.err.msg.replace(/\.$/, '')})`, hint: `${EXPORT_HINT} A file cut off or edited by hand shows this.`, at: { line: valid.err.line, column: valid.err.col } };
  }
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment' });
  let doc: Array<Record<string, unknown>>;
  try {
    doc = parser.parse(source) as Array<Record<string, unknown>>;
  } catch (error) {
    // The validator passes over a DOCTYPE's declarations; the parser refuses some of them (an
    // entity read from another file, a parameter entity). Illustrator's own entities parse fine.
    const detail = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    return { problem: `the logo's DOCTYPE declares something infoblatt does not read (${detail})`, hint: `${EXPORT_HINT} A logo needs no DOCTYPE: delete the <!DOCTYPE …> line, or save it without one.` };
  }
  const unsupported = new Set<string>();

  const convert = (entry: Record<string, unknown>): SvgNode | undefined => {
    const tag = Object.keys(entry).find((k) => k !== ':@');
    if (!tag || tag === '#text' || IGNORED.has(tag)) return undefined;
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
  if (unsupported.size > 0) {
    return { problem: `the logo uses SVG elements infoblatt cannot draw: ${[...unsupported].join(', ')} (supported: ${[...SVG_TAGS].join(', ')})`, hint: EXPORT_HINT };
  }
  if (!root) return { problem: 'the logo file has no <svg> element', hint: 'Point logo at an SVG file, e.g. logo: logo.svg.' };
  if (!root.attrs.viewBox) return { problem: 'the logo\'s <svg> element has no viewBox, so the logo cannot be scaled', hint: `${EXPORT_HINT} It gives the drawing's size, e.g. viewBox="0 0 120 48".` };
  // Four numbers, a size above 0: anything else draws the logo stretched or not at all.
  const box = root.attrs.viewBox.trim().split(/[\s,]+/).map(Number);
  if (box.length !== 4 || !box.every(Number.isFinite) || box[2]! <= 0 || box[3]! <= 0) {
    return { problem: `the logo's viewBox "${root.attrs.viewBox}" is not four numbers (x, y, width, height) with a width and height above 0`, hint: `${EXPORT_HINT} It gives the drawing's size, e.g. viewBox="0 0 120 48".` };
  }
  return checkNumbers(root, source) ?? { tree: root };
}

/** Attributes the drawing reads as one number (a unit such as "px" after it is fine). */
const NUMERIC = new Set(['x', 'y', 'width', 'height', 'rx', 'ry', 'cx', 'cy', 'r', 'x1', 'y1', 'x2', 'y2', 'opacity', 'fill-opacity', 'stroke-opacity', 'stroke-width', 'stroke-miterlimit']);
/** How many numbers each transform function takes. */
const TRANSFORM_ARGS: Record<string, number[]> = { matrix: [6], translate: [1, 2], scale: [1, 2], rotate: [1, 3], skewX: [1], skewY: [1] };
const isNumber = (v: string) => Number.isFinite(Number.parseFloat(v));

/**
 * Numbers the drawing needs, checked before it is drawn: a value that is no number ("opacity=abc",
 * "rotate()") reached pdfkit as NaN and stopped every variant with a stack trace.
 */
function checkNumbers(node: SvgNode, source: string): SvgProblem | undefined {
  for (const [name, value] of Object.entries(node.attrs)) {
    const bad = NUMERIC.has(name) ? !isNumber(value)
      : name === 'points' ? !value.trim().split(/[\s,]+/).every(isNumber)
      : name === 'transform' ? !validTransform(value)
      : name === 'd' ? !/^[MmZzLlHhVvCcSsQqTtAa\d\s,.eE+-]*$/.test(value)
      : false;
    if (bad) {
      return { problem: `the logo's <${node.tag}> has ${name}="${value}", which is not ${name === 'transform' ? 'a transform infoblatt can draw (matrix, translate, scale, rotate, skewX, skewY with their numbers)' : name === 'd' ? 'a path of numbers and path commands' : 'a number'}`,
        hint: EXPORT_HINT, at: whereIn(source, `${name}="${value}"`) ?? whereIn(source, `${name}='${value}'`) };
    }
  }
  for (const child of node.children) {
    const problem = checkNumbers(child, source);
    if (problem) return problem;
  }
  return undefined;
}

function validTransform(value: string): boolean {
  const rest = value.replace(/(\w+)\s*\(([^)]*)\)/g, (call, fn: string, args: string) => {
    const numbers = args.trim() === '' ? [] : args.trim().split(/[\s,]+/);
    return TRANSFORM_ARGS[fn]?.includes(numbers.length) && numbers.every(isNumber) ? '' : call;
  });
  return /^[\s,]*$/.test(rest);
}

function whereIn(source: string, needle: string): { line: number; column: number } | undefined {
  const at = source.indexOf(needle);
  return at < 0 ? undefined : positionInText(source, at);
}
