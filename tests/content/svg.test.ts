import { describe, expect, it } from 'vitest';
import { parseSvg } from '../../src/content/svg.js';

/** The logo file, parsed into what the template draws, or a problem a person can act on. */

const body = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#1F5FA8"/></svg>';

describe('parseSvg', () => {
  it('reads a plain logo into the elements the template draws', () => {
    const parsed = parseSvg(body);
    expect(parsed).toEqual({ tree: { tag: 'svg', attrs: { xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 40 40' }, children: [{ tag: 'circle', attrs: { cx: '20', cy: '20', r: '18', fill: '#1F5FA8' }, children: [] }] } });
  });

  it('reads a logo whose DOCTYPE declares entities, as Illustrator writes them', () => {
    const illustrator = `<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n\t<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">\n]>\n${body}`;
    expect(parseSvg(illustrator)).toHaveProperty('tree.tag', 'svg');
  });

  // The validator passes over a DOCTYPE's declarations, and the parser threw on these: the whole
  // build ended as "internal error, a bug in infoblatt" (exit 70) for a content mistake.
  it.each([
    ['an entity read from another file', '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'],
    ['a parameter entity', '<!DOCTYPE svg [<!ENTITY % p "x">]>'],
  ])('names a DOCTYPE with %s as the logo\'s problem, with what to do', (_name, doctype) => {
    const parsed = parseSvg(`${doctype}\n${body}`);
    expect(parsed).toMatchObject({ problem: expect.stringMatching(/^the logo's DOCTYPE declares something infoblatt does not read \(.+\)$/), hint: expect.stringContaining('delete the <!DOCTYPE …> line') });
  });
});

describe('parseSvg: numbers pdfkit cannot draw', () => {
  const logo = (inner: string, viewBox = '0 0 40 40') => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}">${inner}</svg>`;

  // Each passed the check and then stopped every variant in pdfkit ("unsupported number: 1e+21",
  // "dash([0], {}) invalid"): exit 70 for a content mistake.
  it.each([
    ['a rect 1e21 wide', logo('<rect x="0" y="0" width="1e21" height="48"/>'), /<rect> has width="1e21", with a number outside -1000000 to 1000000/],
    ['a path to 1e308', logo('<path d="M1e308 0 L-1e308 1e308 Z"/>'), /<path> has d="M1e308 0 L-1e308 1e308 Z", with a number outside/],
    ['points far out', logo('<polygon points="0,0 5e7,0 0,1"/>'), /<polygon> has points="0,0 5e7,0 0,1", with a number outside/],
    ['a transform far out', logo('<g transform="translate(1e22 0)"><rect width="1" height="1"/></g>'), /<g> has transform="translate\(1e22 0\)", with a number outside/],
    ['a tiny viewBox', logo('<rect width="1" height="1"/>', '0 0 1e-300 1e-300'), /viewBox "0 0 1e-300 1e-300" is too large or too small to draw/],
    ['a viewBox overflowing to Infinity', logo('<rect width="1" height="1"/>', '-1e308 -1e308 1.7e308 1.7e308'), /viewBox "-1e308 -1e308 1.7e308 1.7e308" is too large or too small/],
    ['a viewBox a billion times as wide as high', logo('<rect width="1" height="1"/>', '0 0 1e6 0.001'), /neither more than 1000 times the other/],
    ['a dash of 0', logo('<rect width="1" height="1" stroke="red" stroke-dasharray="0"/>'), /stroke-dasharray="0", which is not "none" or dash lengths above 0/],
    ['negative dashes', logo('<rect width="1" height="1" stroke="red" stroke-dasharray="-1 -1"/>'), /stroke-dasharray="-1 -1", which is not "none" or dash lengths above 0/],
  ])('names %s as the logo\'s problem, at its place in the file', (_name, svg, message) => {
    const parsed = parseSvg(svg);
    expect(parsed).toMatchObject({ problem: expect.stringMatching(message), hint: expect.stringContaining('Export the logo'), at: { line: 1, column: expect.any(Number) } });
  });

  it('draws dashes, "none", and numbers up to a million', () => {
    for (const svg of [
      logo('<rect width="1" height="1" stroke="red" stroke-dasharray="none"/>'),
      logo('<rect width="1" height="1" stroke="red" stroke-dasharray="2, 1.5"/>'),
      logo('<path d="M-1e6 0 L1000000 .5e3z"/>', '-1e6 -1e6 2e3 2'),
    ]) expect(parseSvg(svg)).toHaveProperty('tree.tag', 'svg');
  });
});

describe('parseSvg: what the parser refuses, by its cause', () => {
  it('names elements nested too deep as such, not as a DOCTYPE', () => {
    const deep = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">${'<g>'.repeat(50_000)}<rect width="1" height="1"/>${'</g>'.repeat(50_000)}</svg>`;
    const parsed = parseSvg(deep);
    expect(parsed).toMatchObject({ problem: expect.stringMatching(/^the logo nests its elements more than 100 deep/), hint: expect.stringContaining('Ungroup') });
    expect((parsed as { problem: string }).problem).not.toContain('DOCTYPE');
  });

  it('draws a logo nested 99 deep', () => {
    const nested = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">${'<g>'.repeat(99)}<rect width="1" height="1"/>${'</g>'.repeat(99)}</svg>`;
    expect(parseSvg(nested)).toHaveProperty('tree.tag', 'svg');
  });
});

describe('parseSvg: a logo too large', () => {
  // Every variant draws every element: tens of thousands took seconds per variant to check.
  it('names more than 5000 elements, and draws 5000', () => {
    const logo = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${'<rect width="1" height="1"/>'.repeat(n)}</svg>`;
    expect(parseSvg(logo(5001))).toMatchObject({ problem: 'the logo has 5002 elements; a logo may have at most 5000', hint: expect.stringMatching(/^Simplify the logo/) });
    expect(parseSvg(logo(4999))).toHaveProperty('tree.tag', 'svg');
  });
});

describe('parseSvg: transform names', () => {
  // Looked up as a plain object, "constructor" found Object's and the check stopped with a TypeError.
  it.each(['constructor(1)', 'toString()', 'hasOwnProperty(1 2)'])('names transform="%s" as one it cannot draw', (transform) => {
    const parsed = parseSvg(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="1" height="1" transform="${transform}"/></svg>`);
    expect(parsed).toMatchObject({ problem: `the logo's <rect> has transform="${transform}", which is not a transform infoblatt can draw (matrix, translate, scale, rotate, skewX, skewY with their numbers)` });
  });
});
