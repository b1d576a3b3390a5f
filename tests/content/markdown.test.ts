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

  it('refuses an http:// address written out, which becomes a link as a Markdown link to it would', () => {
    const { problems } = parseMarkdown('Siehe http://example.org/x. Und **http://example.org/x** oder https://example.org und www.example.org.');
    expect(problems.map((p) => [p.message, p.snippet, p.occurrence])).toEqual([
      ['the address "http://example.org/x" would be a link that does not start with https://, mailto: or tel:', 'http://example.org/x', 0],
      ['the address "http://example.org/x" would be a link that does not start with https://, mailto: or tel:', 'http://example.org/x', 1],
    ]);
    // As a link's text it is only text; the link's own address is checked.
    expect(parseMarkdown('[http://example.org](https://example.org)').problems).toEqual([]);
  });
});

describe('texts the parser or the layout cannot take', () => {
  const messages = (text: string) => parseMarkdown(text).problems.map((p) => p.message);

  it('refuses a line nested deeper than a sheet prints before parsing it, however deep', () => {
    // 150 levels broke the layout (Yoga threw), 1,000 overflowed the stack, 20,000 kept the
    // parser busy for minutes: each is one finding at once, and nothing to render.
    for (const text of ['- '.repeat(150) + 'x', '>'.repeat(20_000), '- '.repeat(9_999) + 'x', '\t-'.repeat(20) + ' x']) {
      // Refused before parsing: no blocks at all (parsed, the text would give some).
      const { blocks, problems } = parseMarkdown(text);
      expect(blocks).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toMatch(/^a line starts with \d+ columns of indentation and list or quotation marks, nesting it deeper than a sheet can print$/);
      expect(text).toContain(problems[0]!.snippet);
    }
    expect(parseMarkdown('- '.repeat(150) + 'x').problems[0]!.snippet).toBe('- '.repeat(20));
    // A horizontal rule of many dashes is one, and said so.
    expect(messages('- '.repeat(30))).toEqual(['a horizontal rule ("---") inside a body']);
  });

  it('prints lists three levels deep and refuses a fourth level, nested on one line or by indentation', () => {
    const three = parseMarkdown('- eins\n  - zwei\n    - drei');
    expect(three.problems).toEqual([]);
    expect(plainText(three.blocks)).toBe('eins\n\nzwei\n\ndrei');
    expect(parseMarkdown('- - - drei').problems).toEqual([]);
    for (const text of ['- eins\n  - zwei\n    - drei\n      - vier', '- - - - vier', 'Text\n\n1. eins\n   - zwei\n     - drei\n       1. vier']) {
      const { blocks, problems } = parseMarkdown(text);
      expect(problems.map((p) => p.message)).toEqual(['a list nested more than 3 levels deep, deeper than a sheet can print']);
      expect(problems[0]!.snippet).toMatch(/^(?:- |1\. )?vier$/);
      expect(plainText(blocks)).not.toContain('vier');
    }
    expect(parseMarkdown('- eins\n  - zwei\n    - drei\n      - vier').problems[0]!.snippet).toBe('- vier');
  });

  it('refuses a text too long or with too many marks for the parser, before parsing it', () => {
    expect(messages('Wort '.repeat(4_001))).toEqual(['the text has 20,005 characters, more than the 20,000 a text may have']);
    expect(messages('Wort '.repeat(3_999))).toEqual([]);
    expect(messages('a\n'.repeat(1_001))).toEqual(['the text has 1,002 lines, more than the 1,000 a text may have']);
    // Nested emphasis: 6,666 marks took the parser 16 seconds; 1,000 with text between, a fraction of one.
    expect(messages('*a '.repeat(3_333) + 'x' + ' a*'.repeat(3_333))).toEqual(['the text has 6,666 of the marks "*", "_", "[" and "]", more than the 1,000 a text may have']);
    // A mark after an escaped backslash ("\\*": a backslash, then a mark) is one; it passed uncounted,
    // and 6,600 of them kept the parser busy for seconds in each text.
    expect(messages('\\\\*'.repeat(6_600))).toEqual(['the text has 6,600 of the marks "*", "_", "[" and "]", more than the 1,000 a text may have']);
    // One escaped is no mark: a literal star.
    expect(messages('a\\* '.repeat(1_200))).toEqual([]);
    // Gender stars are not marks (they are escaped before parsing).
    expect(messages('Kolleg*innen '.repeat(1_200))).toEqual([]);
  });
});

describe('character references', () => {
  it('refuses those CommonMark decodes, naming the character, since it would pass the checks of typed characters', () => {
    // Decoded after the checks: a soft hyphen or a zero-width character inside an address linked
    // elsewhere than it printed, a control character or a glyph the font lacks printed garbage.
    const text = 'Siehe https://example.org/da&shy;ten und https://example.org/in&#x200B;fo und mail an ham&#x200D;burg@example.org. Eins &#x6771; zwei &#x1F600; drei &#7; vier &#x2028; fünf &#X202e; sechs &#0; sieben &shy; acht.';
    const { problems } = parseMarkdown(text);
    expect(problems.map((p) => p.message)).toEqual([
      '"&shy;" is HTML\'s way of writing a soft hyphen (U+00AD); a text is printed as typed, so write the character itself',
      '"&#x200B;" is HTML\'s way of writing a zero-width space (U+200B); a text is printed as typed, so write the character itself',
      '"&#x200D;" is HTML\'s way of writing a zero-width joiner (U+200D); a text is printed as typed, so write the character itself',
      '"&#x6771;" is HTML\'s way of writing "東" (U+6771); a text is printed as typed, so write the character itself',
      '"&#x1F600;" is HTML\'s way of writing "😀" (U+1F600); a text is printed as typed, so write the character itself',
      '"&#7;" is HTML\'s way of writing U+0007; a text is printed as typed, so write the character itself',
      '"&#x2028;" is HTML\'s way of writing a line separator (U+2028); a text is printed as typed, so write the character itself',
      '"&#X202e;" is HTML\'s way of writing U+202E; a text is printed as typed, so write the character itself',
      '"&#0;" is HTML\'s way of writing "\ufffd" (U+FFFD); a text is printed as typed, so write the character itself',
      '"&shy;" is HTML\'s way of writing a soft hyphen (U+00AD); a text is printed as typed, so write the character itself',
    ]);
    // Each points at its own place: the second "&shy;" is the second occurrence.
    expect(problems.map((p) => [p.snippet, p.occurrence])).toContainEqual(['&shy;', 1]);
    expect(problems[0]!.hint).toContain('Type the character where it belongs');
    // In a link's address too.
    expect(parseMarkdown('[Daten](https://example.org/a&#x200b;b)').problems.map((p) => p.snippet)).toEqual(['&#x200b;']);
  });

  it('leaves an "&" alone that CommonMark prints as typed', () => {
    for (const text of ['Kunst & Kultur', 'A&O', 'Tom&Jerry; und &foo; und &amp ohne Semikolon', '\\&shy; ist maskiert', '&#x; &#12345678; &#xFFFFFFF;', 'https://example.org/?a=1&b=2']) {
      expect(parseMarkdown(text).problems).toEqual([]);
    }
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
