import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SvgNode } from '../model.js';

/**
 * The logo is an SVG file in the content tree. react-pdf cannot place SVG files as images, but it
 * draws SVG primitives, so the file is parsed here (during validation, never in a template) into a
 * small tree that the template's <Logo> maps onto react-pdf's <Svg> elements.
 */

/** Elements the template can draw. Text must be converted to paths: it would need the brand font. */
export const SVG_TAGS = new Set(['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);
const IGNORED = new Set(['title', 'desc', 'metadata', '?xml', '#comment']);

export function parseSvg(source: string): { tree?: SvgNode; problem?: string } {
  const valid = XMLValidator.validate(source);
  if (valid !== true) return { problem: `the SVG file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})` };
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment' });
  const doc = parser.parse(source) as Array<Record<string, unknown>>;
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
    return { problem: `the SVG uses elements infoblatt cannot draw: ${[...unsupported].join(', ')} (supported: ${[...SVG_TAGS].join(', ')})` };
  }
  if (!root) return { problem: 'the file has no <svg> element' };
  if (!root.attrs.viewBox) return { problem: 'the <svg> element has no viewBox, so the logo cannot be scaled' };
  return { tree: root };
}
