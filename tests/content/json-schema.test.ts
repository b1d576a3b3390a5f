import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY } from '../../src/content/hyphenation-words.js';
import { jsonSchemas, schemaFileText } from '../../src/content/json-schema.js';
import { schemaFor, schemaLine } from '../../src/content/schema-files.js';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';

function yamlFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((n) => {
    const r = rel ? `${rel}/${n}` : n;
    return statSync(path.join(dir, r)).isDirectory() ? yamlFiles(dir, r) : n.endsWith('.yaml') ? [r] : [];
  });
}

describe('the editors’ JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))('content/schema/%s.schema.json is what the zod schema generates (run "npm run schema")', (name, schema) => {
    expect(readFileSync(path.join(contentDir, 'schema', `${name}.schema.json`), 'utf8')).toBe(schemaFileText(schema));
  });

  it('describes the region contract: required fields and closed objects', () => {
    const region = jsonSchemas().region as { required: string[]; additionalProperties: boolean; properties: { contact: { required: string[] } } };
    expect(region.required).toEqual(['name', 'contact']);
    expect(region.properties.contact.required).toEqual(['office', 'street', 'postcode', 'city']);
    expect(region.additionalProperties).toBe(false);
  });

  it('underlines exactly the hyphenation entries the build refuses', () => {
    const text = JSON.stringify(jsonSchemas().brand);
    const pattern = /"hyphenation":.*?"items":\{[^}]*"pattern":("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
    expect(pattern).toBeDefined();
    // As the YAML language server reads a pattern: with the "u" flag.
    const editor = new RegExp(JSON.parse(pattern!) as string, 'u');
    const entries = ['Prozessor-geschwindigkeit', 'Explorer', 'IG-Metall-Beschäftigten', 'Çalışanlar', 'E-Mail',
      'Pro\u00adzessor', 'it’s', 'z.B.', 'a_b', 'zwei Wörter', 'E-Mail2', '-vorne', 'doppel--strich', 'hinten-'];
    for (const entry of entries) expect(editor.test(entry), entry).toBe(ENTRY.test(entry));
    expect(entries.filter((e) => editor.test(e))).toHaveLength(5);
  });

  it('every content file starts with the yaml-language-server line of its own schema, and that schema exists', () => {
    const files = yamlFiles(contentDir);
    expect(files.length).toBeGreaterThan(10);
    for (const rel of files) {
      const first = readFileSync(path.join(contentDir, rel), 'utf8').split('\n', 1)[0]!;
      expect(first, rel).toBe(schemaLine(rel));
      const target = path.resolve(path.dirname(path.join(contentDir, rel)), first.split('$schema=')[1]!);
      expect(statSync(target).isFile(), rel).toBe(true);
    }
  });

  it('knows the schema of each place in the tree', () => {
    expect(schemaFor('brand.yaml')).toBe('brand');
    expect(schemaFor('regions/kiel.yaml')).toBe('region');
    expect(schemaFor('sheets/x/sheet.yaml')).toBe('sheet');
    expect(schemaFor('sheets/x/tr.yaml')).toBe('sheet-text');
    expect(schemaFor('sheets/x/translations.lock.yaml')).toBe('translations-lock');
    expect(schemaFor('regions/notes.txt')).toBeUndefined();
  });

  it('"infoblatt schema" writes the schemas into any content folder and names the files without the line', () => {
    const dir = path.join(tempDir(contentDir), 'content');
    const region = path.join(dir, 'regions', 'kiel.yaml');
    const text = readFileSync(region, 'utf8');
    writeFileSync(region, text.split('\n').slice(1).join('\n'));
    rmSync(path.join(dir, 'schema'), { recursive: true });
    const r = runCli(['schema', '--content', dir]);
    expect(r.status).toBe(0);
    for (const name of Object.keys(jsonSchemas())) expect(readFileSync(path.join(dir, 'schema', `${name}.schema.json`), 'utf8')).toBe(schemaFileText(jsonSchemas()[name as keyof ReturnType<typeof jsonSchemas>]));
    expect(r.stderr).toContain('regions/kiel.yaml\n    # yaml-language-server: $schema=../schema/region.schema.json');
    expect(r.stderr).not.toContain('hamburg.yaml');
  });
});
