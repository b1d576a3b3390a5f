import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPath, locate, locateInScalar, nodeAt } from '../../src/content/locate.js';
import { readYamlFile, type SourceFile } from '../../src/content/source.js';
import { tempDir } from '../helpers/cli.js';

function parsed(text: string): SourceFile {
  const file = path.join(tempDir(), 'x.yaml');
  writeFileSync(file, text);
  return readYamlFile(file).source!;
}

const sheet = parsed('title: Zoom\nsections:\n  - id: a\n    body: |\n      eins\n  - id: b\n    heading: Zwei\n');

describe('locate', () => {
  it('points at a value, or at its key for a field that should not be there', () => {
    expect(locate(sheet, ['sections', 1, 'heading'])).toEqual({ line: 7, column: 14 });
    expect(locate(sheet, ['sections', 1, 'heading'], true)).toEqual({ line: 7, column: 5 });
  });

  it('finds a key YAML reads as null ("~:", ": x"), which the data names ""', () => {
    for (const key of ['~', 'null', '']) {
      const source = parsed(`name: x\ncontact:\n  city: y\n  ${key}: z\n`);
      expect(source.data, key).toEqual({ name: 'x', contact: { city: 'y', '': 'z' } });
      // (An empty key has no text of its own: yaml places it at the line's start.)
      expect(locate(source, ['contact', ''], true), key).toEqual({ line: 4, column: key ? 3 : 1 });
    }
  });

  it('points a path that does not exist at the nearest place on the way', () => {
    // A missing field: the mapping that should hold it (the second section starts at "id").
    expect(nodeAt(sheet, ['sections', 1, 'body']).complete).toBe(false);
    expect(locate(sheet, ['sections', 1, 'body'])).toEqual({ line: 6, column: 5 });
    // A list item that is not there: the list.
    expect(locate(sheet, ['sections', 5, 'id'])).toEqual({ line: 3, column: 3 });
  });

  it('locates text inside plain, quoted and block scalars', () => {
    const source = parsed('a: eins {x} zwei\nb: "drei {y}"\nc: |\n  vier\n  fünf {z}\n');
    expect(locateInScalar(source, ['a'], '{x}')).toEqual({ line: 1, column: 9 });
    expect(locateInScalar(source, ['b'], '{y}')).toEqual({ line: 2, column: 10 });
    expect(locateInScalar(source, ['c'], '{z}')).toEqual({ line: 5, column: 8 });
    // Its second appearance; text that is not there falls back to the scalar's start.
    expect(locateInScalar(parsed('a: x {x} {x}\n'), ['a'], '{x}', 1)).toEqual({ line: 1, column: 10 });
    expect(locateInScalar(source, ['a'], '{nope}')).toEqual({ line: 1, column: 4 });
  });

  it('writes a path as people read it in a finding', () => {
    expect(formatPath(['sections', 2, 'body'])).toBe('sections[2].body');
    expect(formatPath(['contact', 'email'])).toBe('contact.email');
  });
});
