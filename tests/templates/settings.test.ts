import { describe, expect, it } from 'vitest';
import { loadTemplate, templateIds, templateSpecs } from '../../templates/index.js';

/**
 * A template's tighter settings are declared twice: their number in templates/index.ts (read
 * without react-pdf) and their sizes in the template. Every size list must have one value for the
 * designed setting and one for each tighter one, each smaller than the last: a missing value would
 * repeat the tightest size and render the same page again for nothing.
 */

function lists(tokens: object, path = ''): Array<[string, readonly number[]]> {
  return Object.entries(tokens).flatMap(([k, v]): Array<[string, readonly number[]]> => {
    if (Array.isArray(v)) return [[`${path}${k}`, v as number[]]];
    return v !== null && typeof v === 'object' ? lists(v as object, `${path}${k}.`) : [];
  });
}

describe.each(templateIds)('%s', (id) => {
  it('loads the template of its own name', async () => {
    expect((await loadTemplate(id)).id).toBe(id);
  });

  it('has a size per setting, getting smaller, for every setting the registry declares', async () => {
    const { layout } = await loadTemplate(id);
    const settings = (templateSpecs[id]!.tighterSettings ?? 0) + 1;
    // A template with tighter settings must say which sizes they change.
    if (settings === 1 && !layout) return;
    expect(layout, `${id} declares ${settings - 1} tighter settings but no layout sizes`).toBeDefined();
    const found = lists(layout!);
    expect(found.length).toBeGreaterThan(0);
    for (const [name, values] of found) {
      expect([name, values.length]).toEqual([name, settings]);
      for (let i = 1; i < values.length; i++) expect([name, values[i]! < values[i - 1]!]).toEqual([name, true]);
    }
  });
});
