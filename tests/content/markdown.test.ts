import { describe, expect, it } from 'vitest';
import { parseMarkdown, plainText } from '../../src/content/markdown.js';

describe('parseMarkdown', () => {
  it('reads paragraphs, bold, italic and links into styled runs', () => {
    const { blocks, problems } = parseMarkdown('Ein **fettes** und *kursives* Wort mit [Link](https://example.org).\n\nZweiter Absatz.');
    expect(problems).toEqual([]);
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Ein ' },
          { text: 'fettes', bold: true },
          { text: ' und ' },
          { text: 'kursives', italic: true },
          { text: ' Wort mit ' },
          { text: 'Link', href: 'https://example.org' },
          { text: '.' },
        ],
      },
      { kind: 'paragraph', runs: [{ text: 'Zweiter Absatz.' }] },
    ]);
  });

  it('reads bullet and numbered lists, keeping the start number', () => {
    const { blocks } = parseMarkdown('- eins\n- zwei\n\n3. drei\n4. vier');
    expect(blocks.map((b) => b.kind === 'list' && [b.ordered, b.start, b.items.length])).toEqual([[false, 1, 2], [true, 3, 2]]);
    expect(plainText(blocks)).toBe('eins\nzwei\n\ndrei\nvier');
  });

  it('keeps the German gender star literal instead of reading it as emphasis', () => {
    const { blocks } = parseMarkdown('die Teilnehmer*innen und Moderator*innen');
    expect(blocks).toEqual([{ kind: 'paragraph', runs: [{ text: 'die Teilnehmer*innen und Moderator*innen' }] }]);
  });

  it('cuts the text to find a problem by from the text as typed, after any number of gender stars', () => {
    // The stars are escaped for the parser; the snippet must still match the source, or the
    // finding's column points at the wrong place (or falls back to the start of the text).
    const source = 'Kolleg*innen und Vertreter*innen: <b>fett</b> und Teilnehmer\\*innen `code`';
    expect(parseMarkdown(source).problems.map((p) => p.snippet)).toEqual(['<b>', '</b>', '`code`']);
    for (const { snippet } of parseMarkdown(source).problems) expect(source).toContain(snippet);
  });

  it('joins soft line breaks of a YAML block into spaces', () => {
    expect(plainText(parseMarkdown('eine Zeile\nund die nächste').blocks)).toBe('eine Zeile und die nächste');
  });

  it('reports constructs an info sheet cannot print, with the text to find them by', () => {
    const { problems } = parseMarkdown('Text\n\n## Zwischentitel\n\n> Zitat');
    expect(problems.map((p) => [p.message, p.snippet])).toEqual([
      ['a heading ("#") inside a body', '## Zwischentitel'],
      ['a quotation block (">") inside a body', '> Zitat'],
    ]);
  });

  it('rejects links that are neither https, mailto nor tel', () => {
    const { problems } = parseMarkdown('[alt](http://example.org) [gut](https://example.org) [mail](mailto:a@example.org)');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('http://example.org');
  });
});

describe('marks left open', () => {
  it('reports bold or a link that is never closed, instead of printing its marks', () => {
    const messages = (md: string) => parseMarkdown(md).problems.map((p) => [p.message, p.snippet]);
    expect(messages('**Wichtig: In Bremen zeichnen wir nie auf.')).toEqual([['"**" opens bold text that is never closed', '**Wichtig: In Bremen zeichnen wir nie au']]);
    expect(messages('Mehr unter [FAQ](https://www.example.org/faq.')).toEqual([['a link is not complete', '[FAQ](https://www.example.org/faq.']]);
    expect(messages('Mehr unter [FAQ(https://www.example.org/faq)')).toEqual([['a link is not complete', '[FAQ(https://www.example.org/faq)']]);
    // Closed marks, a gender star and brackets in plain text are fine.
    expect(messages('**fett** und [FAQ](https://example.org/faq), Teilnehmer*innen [sic] (siehe oben)')).toEqual([]);
  });
});
