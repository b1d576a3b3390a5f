import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_DUPLICATE_FINDINGS, MAX_FILE_BYTES, readYamlFile } from '../../src/content/source.js';
import { loadContent } from '../../src/pipeline/load.js';
import { contentDir, tempDir } from '../helpers/cli.js';

function yamlFile(text: string | Buffer): string {
  const file = path.join(tempDir(), 'x.yaml');
  writeFileSync(file, text);
  return file;
}

describe('readYamlFile', () => {
  it('points at the line and column of a YAML syntax error', () => {
    const { source, findings } = readYamlFile(yamlFile('title: ok\nlead: "nicht geschlossen\nsections: []\n'));
    expect(source).toBeUndefined();
    expect(findings[0]).toMatchObject({ line: 2, column: 7, severity: 'error', message: 'a quote opened here is never closed' });
    expect(findings[0]!.hint).toBeTruthy();
    // An unclosed single quote, with a value in double quotes below it: the single one is meant.
    const single = readYamlFile(yamlFile('contact:\n  street: \'Legienstraße 22\n  postcode: "24103"\n  city: Kiel\n')).findings;
    expect(single[0]).toMatchObject({ line: 2, column: 11, message: 'a quote opened here is never closed' });
  });

  it('points at an unclosed "[" or "{" where it was opened, not at the indentation of the next line', () => {
    const list = readYamlFile(yamlFile('id: kurz\nlocales: [de, en\ntemplates: [infoblatt]\n')).findings;
    expect(list[0]).toMatchObject({ line: 2, column: 10, message: 'a list opened here with "[" is never closed' });
    const map = readYamlFile(yamlFile('name: { de: München, en: Munich\ncontact:\n  city: München\n')).findings;
    expect(map[0]).toMatchObject({ line: 1, column: 7, message: 'a block opened here with "{" is never closed' });
  });

  it('names a tab at the start of a text line, and text after a quoted value', () => {
    const tab = readYamlFile(yamlFile('overrides:\n  append: |\n\tText mit Tab\n')).findings;
    expect(tab[0]).toMatchObject({ line: 3, column: 1, message: 'a tab is used for indentation' });
    const quoted = readYamlFile(yamlFile('office: "IG Metall" Bremen\ncity: Bremen\n')).findings;
    expect(quoted[0]).toMatchObject({ line: 1, message: 'the quotes end the text here, and YAML expects nothing after them' });
  });

  it('shows the first syntax error, and how many later ones it upsets', () => {
    const { findings } = readYamlFile(yamlFile('title: Blatt\nlead: eins\n sections: []\nkicker: k\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.hint).toMatch(/\(The lines after it show 1 more problem, which usually goes away with this fix\.\)$/);
  });

  it('points at a field uncommented one space too deep, not at the comments above it', () => {
    // The starter file's "  # email: …" with only its "#" deleted.
    const text = 'contact:\n  city: Bremen\n  # Optional: remove the "# " at the start.\n  # phone: +49 421 123456\n   email: bremen@example.org\n';
    expect(readYamlFile(yamlFile(text)).findings[0]).toMatchObject({ line: 5, column: 4, message: 'the indentation does not line up' });
  });

  it('counts a lone CR in a Windows file as the line end an editor shows', () => {
    const text = 'contact:\r\n  city: Hamburg\r  phone: "040: 12"\r\n  office: x: y\r\n';
    expect(readYamlFile(yamlFile(text)).findings[0]).toMatchObject({ line: 4, column: 12 });
  });

  it('names a typographic quote where YAML needs a straight one', () => {
    const closing = readYamlFile(yamlFile('contact:\n  postcode: "20097“\n  city: Hamburg\n')).findings;
    expect(closing[0]).toMatchObject({ line: 2, column: 13, message: 'a quote opened here is never closed: the mark at the end is a typographic quote, which YAML reads as text' });
    expect(readYamlFile(yamlFile("title: 'Zoom und Datenschutz’\n")).findings[0]!.hint).toBe("Type a straight ' at the end instead, as at the start.");
    // A closing straight quote forgotten after a pair of typographic ones: no typographic quote to replace.
    expect(readYamlFile(yamlFile('title: "Zoom und „Datenschutz“\nlead: x\n')).findings[0]!.message).toBe('a quote opened here is never closed');
    const colon = readYamlFile(yamlFile('contact:\n  office: „IG Metall: Region Hamburg“\n')).findings;
    expect(colon[0]).toMatchObject({ line: 2, column: 21, hint: 'Put the whole text in straight double quotes ("…"), or leave out the colon.' });
  });

  it('reports a duplicate key where the second one stands', () => {
    const { findings } = readYamlFile(yamlFile('title: a\nkicker: b\ntitle: c\n'));
    expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([[3, 1, 'the field "title" appears twice in the same block (first in line 1)']]);
    // In a nested block, the first entry is the one in the same column.
    const nested = readYamlFile(yamlFile('contact:\n  city: a\n  office: b\nother:\n  city: x\n  city: y\n')).findings;
    expect(nested.map((f) => [f.line, f.column, f.message])).toEqual([[6, 3, 'the field "city" appears twice in the same block (first in line 5)']]);
    // In a list, the block is one item: its first field follows "- ", and the item above is another block.
    const items = readYamlFile(yamlFile('sections:\n  - id: a\n    heading: A\n    body: x\n  - heading: B\n    id: b\n    heading: C\n')).findings;
    expect(items.map((f) => [f.line, f.column, f.message])).toEqual([[7, 5, 'the field "heading" appears twice in the same block (first in line 5)']]);
  });

  it('names the first entry of a key given three times, also in a { … } block', () => {
    const { findings } = readYamlFile(yamlFile('title: a\ntitle: b\nkicker: k\ntitle: c\nname: { de: x, de: y }\n'));
    expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([
      [2, 1, 'the field "title" appears twice in the same block (first in line 1)'],
      [4, 1, 'the field "title" appears twice in the same block (first in line 1)'],
      [5, 16, 'the field "de" appears twice in the same block (first in line 5)'],
    ]);
    // "1" and 1 are different keys to YAML, as they were to its own check.
    expect(readYamlFile(yamlFile('"1": a\n1: b\n')).findings).toEqual([]);
  });

  it(`lists the first ${MAX_DUPLICATE_FINDINGS} repeated keys and counts the rest`, () => {
    // A region file padded with one line: before, every repeated key split the whole text again
    // (minutes for a full file) and was listed on its own.
    const { source, findings } = readYamlFile(yamlFile(`name: x\n${'a: 1\n'.repeat(20_000)}`));
    expect(source).toBeUndefined();
    expect(findings).toHaveLength(MAX_DUPLICATE_FINDINGS + 1);
    expect(findings.slice(0, MAX_DUPLICATE_FINDINGS).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(
      Array.from({ length: MAX_DUPLICATE_FINDINGS }, (_, i) => `${i + 3}:1 the field "a" appears twice in the same block (first in line 2)`));
    expect(findings[MAX_DUPLICATE_FINDINGS]).toMatchObject({ line: MAX_DUPLICATE_FINDINGS + 3, column: 1,
      message: `${20_000 - 1 - MAX_DUPLICATE_FINDINGS} more fields appear twice in their block, from here on (only the first ${MAX_DUPLICATE_FINDINGS} are listed)` });
    // The count does not hide a syntax error, nor is it counted among the lines that error upsets.
    const mixed = readYamlFile(yamlFile(`name: x\n${'a: 1\n'.repeat(MAX_DUPLICATE_FINDINGS + 2)}title: "offen\n`)).findings;
    expect(mixed.map((f) => f.message).filter((m) => !m.startsWith('the field "a"'))).toEqual([
      '1 more field appears twice in their block, from here on (only the first 20 are listed)',
      'a quote opened here is never closed',
    ]);
  });

  it('reads a file of 30,000 different keys, the most the size limit allows', () => {
    // yaml's own duplicate check compared every key with all before it: some 20 s for this file,
    // 1–2 s now (its time is the bench's business; this holds the result).
    const text = `name: x\n${Array.from({ length: 30_000 }, (_, i) => `k${i.toString(36)}: 1\n`).join('')}`;
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    const { source, findings } = readYamlFile(yamlFile(text));
    expect(findings).toEqual([]);
    expect(Object.keys(source!.data as object)).toHaveLength(30_001);
  });

  it('points at a field indented too far, not at the value above it', () => {
    const { findings } = readYamlFile(yamlFile('contact:\n  office: Büro\n   street: Weg 1\n  city: Testort\n'));
    expect(findings[0]).toMatchObject({ line: 3, column: 4, message: 'this field is indented further than the one above it, so YAML reads it as part of that value' });
    // A text that really holds ": " is still told to use quotes, where it stands.
    const colon = readYamlFile(yamlFile('contact:\n  office: Büro: Hamburg\n  city: Testort\n')).findings;
    // At its ": ", not at the start of the value, where yaml points.
    expect(colon[0]).toMatchObject({ line: 2, column: 15, message: 'YAML reads a ": " (a colon and a space) here as the start of another field' });
    // A colon that ends the line does the same, with the text's next lines below it.
    const atEnd = readYamlFile(yamlFile('overrides:\n  x:\n    append: In Bremen gilt:\n      - nie\n')).findings;
    expect(atEnd[0]).toMatchObject({ line: 3, column: 27 });
  });

  it('points at a field moved left out of its block, not at the next one, which is where it belongs', () => {
    const moved = readYamlFile(yamlFile('name: Kiel\ncontact:\n  office: Büro\n  # Straße\n  street: Weg 1\n\ncity: Kiel\n  phone: +49 431 1\n')).findings;
    expect(moved[0]).toMatchObject({ line: 7, column: 1, message: 'this field starts further left than the lines above and below it, so YAML ends their block here' });
    // Without lines that line up around it, the indented field is the one out of place; the block's
    // name may be what is missing ("contact:" deleted).
    const named = readYamlFile(yamlFile('name: Kiel\n  office: Büro\n  street: Weg 1\n')).findings;
    expect(named[0]).toMatchObject({ line: 2, column: 3, message: 'this field is indented further than the one above it, so YAML reads it as part of that value' });
    expect(named[0]!.hint).toContain('the line that names it (such as "contact:") is missing above them');
  });

  it('says what is wrong with a line that lacks its colon, on that line', () => {
    // "street Weg 1": YAML reads on into the next line and reports a key over two lines.
    const noColon = readYamlFile(yamlFile('contact:\n  office: Büro\n  street Weg 1\n  city: Testort\n')).findings;
    expect(noColon[0]).toMatchObject({ line: 3, column: 3, message: 'this line has no colon after its field name, so YAML reads it together with the next line' });
    // Text meant for a block ("append: |") but not indented under it; yaml calls it a missing character.
    const unindented = readYamlFile(yamlFile('sections:\n  erster:\n    append: |\n    Wir zeichnen nie auf.\n')).findings;
    expect(unindented[0]).toMatchObject({ line: 4, message: 'the text of the field above ("|" or ">") must be indented further than the field\'s name' });
    expect(unindented[0]!.hint).toContain('Indent every line of the text');
    // A line in a block that is neither a field nor indented text, with no "|" above it.
    const stray = readYamlFile(yamlFile('contact:\n  office: Büro\n  Wir zeichnen nie auf.\n')).findings;
    expect(stray[0]).toMatchObject({ line: 3 });
    expect(stray[0]!.message).not.toContain('"|"');
    // The same mistake with the text further left: at the field's column, or at the line's start.
    for (const indent of ['    ', '  ', '']) {
      const found = readYamlFile(yamlFile(`sections:\n  - id: a\n    body: |\n${indent}Wir zeichnen nie auf.\n    heading: H\n`)).findings;
      expect(found[0], JSON.stringify(indent)).toMatchObject({ line: 4, message: 'the text of the field above ("|" or ">") must be indented further than the field\'s name' });
    }
    // A list item that goes on in a line with ": " has no colon missing: the ": " is the trouble.
    const item = readYamlFile(yamlFile('points:\n  - Niemand wird heimlich aufgezeichnet,\n    erfahren es alle: Sie können gehen.\n')).findings;
    expect(item[0]).toMatchObject({ line: 2, message: 'this list item goes on in the next line, which holds ": " (a colon and a space), so YAML reads the two as a field name' });
  });

  it('composes decomposed letters, and sets runs of spaces and tabs inside a line as one space', () => {
    // "Lüneburg" pasted decomposed (u + U+0308), a tab from a spreadsheet, a double space.
    const text = 'city: Lu\u0308neburg\noffice: IG Metall\tBremen\nhours: Mo–Do  9–16 Uhr,\t Fr 9–12 Uhr\nbody: |\n  Erster  Satz.\n\n  - eins\n    - zwei  \n';
    const { source, findings } = readYamlFile(yamlFile(text));
    expect(findings).toEqual([]);
    expect(source!.data).toEqual({
      city: 'Lüneburg',
      office: 'IG Metall Bremen',
      hours: 'Mo–Do 9–16 Uhr, Fr 9–12 Uhr',
      // Indentation (Markdown nests lists by it) and spaces at a line's end stay.
      body: 'Erster Satz.\n\n- eins\n  - zwei  \n',
    });
    expect((source!.data as { city: string }).city).toHaveLength(8);
  });

  it('says what an unquoted "#" value means, and leaves a commented-out line below a value alone', () => {
    const colour = readYamlFile(yamlFile('colors:\n  primary: #C4161C\n')).findings;
    expect(colour.map((f) => `${f.line}:${f.column} ${f.message} | ${f.hint}`)).toEqual(['2:12 "#C4161C" is read as a comment, so the field before it has no value | A value that starts with "#" goes in double quotes: "#C4161C".']);
    expect(readYamlFile(yamlFile('hours: Mo–Do 9–16 Uhr\n  #Fr geschlossen\ncity: Bremen\n')).findings).toEqual([]);
    // "# 22" after a street is a house number read as a comment too; "# Notiz" is a comment.
    expect(readYamlFile(yamlFile('street: Bahnhofsplatz # 22\n')).findings.map((f) => f.message)).toEqual(['"# 22" is read as a comment, not as part of the text: the PDFs print "Bahnhofsplatz"']);
    expect(readYamlFile(yamlFile('street: Bahnhofsplatz 22 # Hinterhaus\n')).findings).toEqual([]);
  });

  it('takes no-break spaces in a text block as text, and names them only where YAML reads them as indentation', () => {
    const body = readYamlFile(yamlFile('body: |\n  Erster Absatz.\n  \u00a0\n  Zweiter Absatz.\n'));
    expect(body.findings).toEqual([]);
    expect((body.source!.data as { body: string }).body).toContain('Zweiter Absatz.');
    const key = readYamlFile(yamlFile('contact:\n\u00a0 office: Büro\n')).findings;
    expect(key[0]).toMatchObject({ line: 2, column: 1, message: 'this line is indented with no-break spaces, which YAML does not count as spaces' });
  });

  it('warns of umlauts garbled by a wrong encoding before the file reached us', () => {
    const { source, findings } = readYamlFile(yamlFile('street: BahnhofstraÃŸe 1\ncity: BrÃ¼ssel\nname: Köln – Süd\n'));
    expect(source).toBeDefined();
    expect(findings.map((f) => `${f.severity} ${f.line}:${f.column} ${f.message}`)).toEqual([
      'warning 1:20 "Ã\u0178" looks like a garbled umlaut or quote (text that was read in the wrong encoding once)',
      'warning 2:9 "Ã¼" looks like a garbled umlaut or quote (text that was read in the wrong encoding once)',
    ]);
  });

  it('treats unknown tags as errors, not warnings', () => {
    const { source, findings } = readYamlFile(yamlFile('title: !wichtig Text\n'));
    expect(source).toBeUndefined();
    expect(findings[0]!.message).toBe('the tag "!wichtig" is not allowed');
  });

  it('finds the first character that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('title: ok\nlead: Gr'), Buffer.from([0xfc]), Buffer.from('nde\n')]);
    const { findings } = readYamlFile(yamlFile(bytes));
    expect(findings.map((f) => [f.line, f.column])).toEqual([[2, 9]]);
    expect(findings[0]!.message).toContain('UTF-8');
  });

  it('says a file saved as UTF-16 without its byte order mark is not UTF-8, though it decodes as such', () => {
    const { source, findings } = readYamlFile(yamlFile(Buffer.from('name: Leipzig\ncontact:\n  city: Leipzig\n', 'utf16le')));
    expect(source).toBeUndefined();
    expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([[1, 1, 'the file is not saved as UTF-8: it holds zero bytes, as a file saved as UTF-16 ("Unicode" in Notepad) does']]);
  });

  it('refuses files over the size limit before parsing them', () => {
    const { findings } = readYamlFile(yamlFile(`a: "${'x'.repeat(MAX_FILE_BYTES)}"\n`));
    expect(findings[0]!.message).toMatch(/may be at most 256 KiB/);
  });

  it('stops an alias bomb before expanding it: a finding, no memory growth, no hang', () => {
    // Nine levels of nine aliases would expand to 9^9 (387 million) strings.
    const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`);
    const file = yamlFile(['l0: &l0 "lol"', ...levels, 'name: x'].join('\n'));
    const heap = process.memoryUsage().heapUsed;
    const { source, findings } = readYamlFile(file);
    expect(source).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, message: `the file uses more than ${MAX_ALIASES} aliases (*name)` });
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(50 * 2 ** 20);
  });

  it('reports an alias to an anchor that does not exist, also where only resolving notices it', () => {
    for (const text of ['name: *ort\n', ': *a\n', 'a: 1\n*b : 2\n']) {
      const { source, findings } = readYamlFile(yamlFile(text));
      expect(source, text).toBeUndefined();
      expect(findings[0]!.message, text).toBe('an alias (*name) refers to nothing');
    }
  });

  it('reports an alias inside the list or block it names at the alias, instead of recursing without end', () => {
    const cases: [string, number, number, string][] = [
      ['name: x\nx: &a [*a]\n', 2, 8, 'the alias *a refers to the list it stands in, so that list never ends'],
      ['name: x\nx: &b\n  y: [1, *b]\n', 3, 10, 'the alias *b refers to the block it stands in, so that block never ends'],
      // An anchor of the same name further up is not the one meant: the nearest one before the alias is.
      ['a: &a [1]\nb: &a { c: *a }\n', 2, 12, 'the alias *a refers to the block it stands in, so that block never ends'],
    ];
    for (const [text, line, column, message] of cases) {
      const { source, findings } = readYamlFile(yamlFile(text));
      expect(source, text).toBeUndefined();
      expect(findings, text).toMatchObject([{ severity: 'error', line, column, message, hint: expect.stringMatching(/^Remove the alias \*[ab] here/) }]);
    }
    // An alias of an earlier value, also one inside a list beside it, repeats that value and ends.
    expect(readYamlFile(yamlFile('a: &a [1]\nb: [*a, [*a]]\n')).source!.data).toEqual({ a: [1], b: [[1], [[1]]] });
  });

  it('keeps a file with a self-referring alias to itself: the other regions are still read', () => {
    const dir = path.join(tempDir(contentDir), 'content');
    const file = path.join(dir, 'regions/hamburg.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}x: &a [*a]\n`);
    const tree = loadContent(dir);
    expect(tree.findings.map((f) => `${path.basename(f.file)} ${f.message}`)).toEqual(['hamburg.yaml the alias *a refers to the list it stands in, so that list never ends']);
    expect([...tree.broken].map((f) => path.basename(f))).toEqual(['hamburg.yaml']);
    expect(tree.regions.size).toBeGreaterThan(1);
  });

  it('refuses a list or block as a field name at the key, without a warning of Node\'s on stderr', () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    try {
      for (const [text, line, column] of [['name: x\n? [a, b]\n: x\n', 2, 3], ['name: x\n{ a: 1 }: x\n', 2, 1], ['a: &l [1]\nname: x\n*l : y\n', 3, 1]] as const) {
        const { source, findings } = readYamlFile(yamlFile(text));
        expect(source, text).toBeUndefined();
        expect(findings, text).toMatchObject([{ severity: 'error', line, column, message: 'this field name is a list or a block of fields, not a name' }]);
      }
    } finally {
      process.off('warning', listen);
    }
    // process.emitWarning reports on the next tick.
    return new Promise<void>((resolve) => setImmediate(() => { expect(warnings).toEqual([]); resolve(); }));
  });

  it('accepts a few aliases, as YAML allows', () => {
    const { source, findings } = readYamlFile(yamlFile('a: &x Hamburg\nb: *x\n'));
    expect(findings).toEqual([]);
    expect(source!.data).toEqual({ a: 'Hamburg', b: 'Hamburg' });
  });

  it('refuses a %YAML 1.1 or %TAG directive at its line: the files are read as YAML 1.2, without tags', () => {
    const old = readYamlFile(yamlFile('# Region\n%YAML 1.1\n---\nname: x\nopen: yes\n'));
    expect(old.source).toBeUndefined();
    expect(old.findings).toEqual([expect.objectContaining({ severity: 'error', line: 2, column: 1,
      message: '"%YAML 1.1" asks for an older YAML: content files are YAML 1.2, which reads values such as yes, no and << differently',
      hint: 'Remove the line starting with "%YAML"; the "---" below it may stay.' })]);
    const tag = readYamlFile(yamlFile('%TAG !e! tag:example.com,2000:\n---\nname: x\n')).findings;
    expect(tag).toMatchObject([{ line: 1, column: 1, message: '"%TAG !e! tag:example.com,2000:" defines a tag (!name): content files use no tags' }]);
    // Without the line, "yes" is the text it looks like; %YAML 1.2 only says so.
    expect(readYamlFile(yamlFile('---\nname: x\nopen: yes\n')).source!.data).toEqual({ name: 'x', open: 'yes' });
    expect(readYamlFile(yamlFile('%YAML 1.2\n---\nname: x\nopen: yes\n')).source!.data).toEqual({ name: 'x', open: 'yes' });
  });

  it('says a list nested thousands deep is nested too deeply, not that the stack overflowed', () => {
    const { source, findings } = readYamlFile(yamlFile(`name: x\nx: ${'['.repeat(60_000)}${']'.repeat(60_000)}\n`));
    expect(source).toBeUndefined();
    expect(findings).toMatchObject([{ severity: 'error', line: 2, message: 'the lists or blocks here are nested too deeply to be read' }]);
  });

  it('says an empty file, or one that is not a block of fields, is wrong', () => {
    expect(readYamlFile(yamlFile('')).findings[0]!.message).toBe('the file is empty');
    expect(readYamlFile(yamlFile('# only a comment\n')).findings[0]!.message).toBe('the file holds only comments (lines starting with "#")');
    // Line ends of old Mac editors (a lone CR) are line ends: not one comment line, a block of fields.
    expect(readYamlFile(yamlFile('# Region\rname: Bremen\rcity: Bremen\r')).source!.data).toEqual({ name: 'Bremen', city: 'Bremen' });
    expect(readYamlFile(yamlFile('- a\n- b\n')).findings[0]!.message).toContain('the file holds a list');
    expect(readYamlFile(yamlFile('just text\n')).findings[0]!.message).toContain('the file holds a single value');
  });

});
