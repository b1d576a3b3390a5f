import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { menuLabels } from '../../src/preview/menu-labels.js';
import { contentDir, tempDir } from '../helpers/cli.js';
import { validate } from '../helpers/content.js';

describe('the preview’s menu labels', () => {
  it('names templates by what they are, and keeps a region’s last good name while its file has errors', () => {
    const dir = path.join(tempDir(contentDir), 'content');
    const good = menuLabels(validate(dir));
    expect(good.templates).toEqual({ infoblatt: 'Info sheet (A4)', flyer: 'Flyer (A5)', aushang: 'Poster (A3)' });
    expect(good.regions.hamburg).toBe('Region Hamburg');
    const file = path.join(dir, 'regions/hamburg.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/email: \S+/, 'email: hamburg@'));
    const broken = validate(dir);
    expect(broken.regions.has('hamburg')).toBe(false);
    // It read "hamburg" in the menu until the file was mended.
    expect(menuLabels(broken, good).regions.hamburg).toBe('Region Hamburg');
    expect(menuLabels(broken).regions.hamburg).toBeUndefined();
  });
});
