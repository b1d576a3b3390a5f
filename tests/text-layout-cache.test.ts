import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The text layout cache on its own, with a stand-in engine that counts its calls. That the real
 * react-pdf gives the same bytes with the cache on, off and frozen is checked end to end in
 * tests/e2e/incremental.test.ts.
 */

type Module = typeof import('../src/text-layout-cache.js');

async function load(mode: string): Promise<Module> {
  vi.resetModules();
  vi.stubEnv('INFOBLATT_LAYOUT_CACHE', mode);
  return import('../src/text-layout-cache.js');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

class FakeFont {
  constructor(readonly name: string) {}
}
class Glyph {
  id = 7;
}
const glyph = new Glyph(); // a class instance, as fontkit's glyphs are
const regular = new FakeFont('regular');
const hyphenate = (word: string) => [word];

function counting() {
  const calls: string[] = [];
  const engine = (s: { string: string; runs: Array<{ attributes: Record<string, unknown> }> }, container: { width: number }) => {
    calls.push(`${s.string}@${container.width}`);
    return [[{ string: s.string, box: { x: 0, y: 0, width: container.width, height: 12 }, runs: [{ start: 0, end: s.string.length, attributes: s.runs[0]!.attributes, glyphs: [glyph], positions: [{ xAdvance: 5 }], glyphIndices: [0] }] }]];
  };
  return { calls, engine };
}

const text = (string: string, font: object = [regular], extra: Record<string, unknown> = {}) => ({
  string,
  runs: [{ start: 0, end: string.length, attributes: { font, fontSize: 9.5, color: '#000', link: undefined, ...extra } }],
});

describe('layoutWithCache', () => {
  it('lays out a paragraph once and hands out copies that share only glyphs and attributes', async () => {
    const { layoutWithCache } = await load('on');
    const { calls, engine } = counting();
    const a = layoutWithCache(engine as never, text('Datenschutz'), { width: 200 }, { hyphenationCallback: hyphenate });
    const b = layoutWithCache(engine as never, text('Datenschutz'), { width: 200 }, { hyphenationCallback: hyphenate });
    expect(calls).toEqual(['Datenschutz@200']);
    expect(b).toEqual(a);
    const la = a[0]![0] as Record<string, any>;
    const lb = b[0]![0] as Record<string, any>;
    expect(lb).not.toBe(la);
    expect(lb.box).not.toBe(la.box);
    expect(lb.runs[0]).not.toBe(la.runs[0]);
    expect(lb.runs[0].positions[0]).not.toBe(la.runs[0].positions[0]);
    expect(lb.runs[0].glyphs).not.toBe(la.runs[0].glyphs);
    expect(lb.runs[0].glyphs[0]).toBe(glyph);
    lb.box.y = 40;
    expect(la.box.y).toBe(0);
  });

  it('lays out again when anything that shapes the text differs', async () => {
    const { layoutWithCache } = await load('on');
    const { calls, engine } = counting();
    const run = (s: ReturnType<typeof text>, width = 200, hyphenationCallback: unknown = hyphenate) =>
      layoutWithCache(engine as never, s, { width }, { hyphenationCallback });
    run(text('Zoom'));
    run(text('Zoom'), 180); // another width
    run(text('Zoom', [new FakeFont('regular')])); // another font object, even with equal fields
    run(text('Zoom', [regular], { fontSize: 11 }));
    run(text('Zoom', [regular], { link: 'https://example.org' }));
    run(text('Zoom'), 200, (w: string) => [w]); // another hyphenation function
    run(text('Zoom')); // the first one again
    expect(calls).toHaveLength(6);
  });

  it('with =check, freezes what it hands out, so a write fails loudly', async () => {
    const { layoutWithCache } = await load('check');
    const { engine } = counting();
    const line = layoutWithCache(engine as never, text('Zoom'), { width: 200 }, {})[0]![0] as Record<string, any>;
    expect(() => {
      line.box.y = 3;
    }).toThrow(TypeError);
    expect(() => line.runs[0].positions.push({})).toThrow(TypeError);
    expect(Object.isFrozen(glyph)).toBe(false);
  });

  it('with =off, calls the engine every time', async () => {
    const { layoutWithCache } = await load('off');
    const { calls, engine } = counting();
    layoutWithCache(engine as never, text('Zoom'), { width: 200 }, {});
    layoutWithCache(engine as never, text('Zoom'), { width: 200 }, {});
    expect(calls).toHaveLength(2);
  });
});
