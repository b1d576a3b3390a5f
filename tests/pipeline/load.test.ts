import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.js';
import { tempDir } from '../helpers/cli.js';
import { minimalWith } from '../helpers/content.js';

describe('loadContent', () => {
  it('never reads a file outside the content folder through a link', () => {
    const secret = path.join(tempDir(), 'secret.yaml');
    writeFileSync(secret, 'name: Geheim\ncontact: {office: x, street: y, postcode: "1", city: z}\n');
    const dir = minimalWith();
    symlinkSync(secret, path.join(dir, 'regions', 'geheim.yaml'));
    const tree = loadContent(dir);
    expect(tree.regions.has('geheim')).toBe(false);
    expect(tree.findings).toEqual([expect.objectContaining({ line: 1, column: 1, message: 'geheim.yaml is a link to a file outside the content folder, so it is not read' })]);
    expect(tree.regions.has('testort')).toBe(true);
  });

  it('follows links that stay inside the content folder, and reports a dangling one', () => {
    const dir = minimalWith();
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(path.join(dir, 'shared', 'ort.yaml'), 'name: Ort\ncontact: {office: x, street: y, postcode: "12345", city: z}\n');
    symlinkSync(path.join(dir, 'shared', 'ort.yaml'), path.join(dir, 'regions', 'ort.yaml'));
    symlinkSync(path.join(dir, 'shared', 'gone.yaml'), path.join(dir, 'regions', 'weg.yaml'));
    const tree = loadContent(dir);
    expect(tree.regions.has('ort')).toBe(true);
    expect(tree.findings.map((f) => f.message)).toEqual(['weg.yaml is a link to a file that does not exist']);
  });
});
