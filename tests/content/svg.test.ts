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
