import { Circle, Ellipse, G, Line, Path, Polygon, Polyline, Rect, Svg } from '@react-pdf/renderer';
import type { ComponentType, ReactNode } from 'react';
import type { SvgNode } from '../../src/model.js';

/** Draws the brand's SVG logo (parsed during validation) with react-pdf's SVG primitives. */
const elements: Record<string, ComponentType<Record<string, unknown> & { children?: ReactNode }>> = {
  g: G as never, path: Path as never, rect: Rect as never, circle: Circle as never, ellipse: Ellipse as never,
  line: Line as never, polyline: Polyline as never, polygon: Polygon as never,
};

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function props(attrs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attrs)
      .filter(([k]) => !k.startsWith('xmlns') && k !== 'id' && k !== 'class' && k !== 'version')
      .map(([k, v]) => [camel(k), v]),
  );
}

function draw(node: SvgNode, key: number): ReactNode {
  const El = elements[node.tag];
  if (!El) return null;
  return <El key={key} {...props(node.attrs)}>{node.children.map(draw)}</El>;
}

/** Attributes of the <svg> element that place it; the others (fill, stroke …) paint its shapes. */
const PLACEMENT = new Set(['viewBox', 'width', 'height', 'x', 'y', 'preserveAspectRatio']);

/** `alt`: what a screen reader says for it (the tagged PDF's Figure). */
export function Logo({ tree, height, alt }: { tree: SvgNode; height: number; alt: string }) {
  const [, , w, h] = (tree.attrs.viewBox ?? '0 0 1 1').split(/[\s,]+/).map(Number) as [number, number, number, number];
  // In SVG a shape without a fill is painted black, and paint given on <svg> itself (fill="#…",
  // common in exported logos) passes to every shape. react-pdf's <Svg> does neither by itself (such
  // a logo came out invisible), but it hands its own paint props down to its shapes.
  const paint = { fill: 'black', ...props(Object.fromEntries(Object.entries(tree.attrs).filter(([k]) => !PLACEMENT.has(k)))) };
  const Root = Svg as unknown as ComponentType<Record<string, unknown> & { children?: ReactNode }>;
  return (
    <Root viewBox={tree.attrs.viewBox} style={{ height, width: (height * w) / h }} {...paint} tag="Figure" alt={alt}>
      {tree.children.map(draw)}
    </Root>
  );
}
