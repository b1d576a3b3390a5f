import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { affects, watchErrorMessage } from '../../src/preview/watch.js';
import { isPlainPath } from '../../src/preview/server.js';

describe('what a saved file affects', () => {
  const root = '/c';
  const key = { sheet: 'zoom', region: 'hamburg', locale: 'de', template: 'infoblatt' };
  const at = (rel: string) => path.join(root, rel);

  it('a region file: only that region', () => {
    expect(affects(root, at('regions/hamburg.yaml'), key)).toBe(true);
    expect(affects(root, at('regions/kiel.yaml'), key)).toBe(false);
  });

  it('a sheet file: only that sheet', () => {
    expect(affects(root, at('sheets/zoom/en.yaml'), key)).toBe(true);
    expect(affects(root, at('sheets/zoom/sheet.yaml'), key)).toBe(true);
    expect(affects(root, at('sheets/other/de.yaml'), key)).toBe(false);
  });

  it('the brand, the logo or anything else: everything', () => {
    expect(affects(root, at('brand.yaml'), key)).toBe(true);
    expect(affects(root, at('logo.svg'), key)).toBe(true);
  });
});

describe('a folder the preview cannot watch', () => {
  const error = (code: string) => Object.assign(new Error(`${code}: watch /c/sheets/x`), { code, path: '/c/sheets/x' });

  it('is said for people, with what to do', () => {
    expect(watchErrorMessage(error('EACCES'))).toBe('cannot watch /c/sheets/x (no permission to read it): saves there are not seen; give yourself read access to it, or move it out of the content folder');
    expect(watchErrorMessage(error('ENOSPC'))).toContain('the system\'s limit of watched files is reached (ENOSPC)');
    expect(watchErrorMessage(error('ENOSPC'))).toContain('fs.inotify.max_user_watches');
    expect(watchErrorMessage(error('EIO'))).toBe('cannot watch /c/sheets/x: EIO: watch /c/sheets/x; saves there may not be seen');
  });
});

describe('request paths the preview server accepts', () => {
  it('plain paths only', () => {
    for (const ok of ['/', '/assets/pdf.mjs', '/pdf/a/b/a-b-de-x.pdf?v=3', '/events']) expect([ok, isPlainPath(ok)]).toEqual([ok, true]);
    const bad = ['/../etc/passwd', '/pdf/../../x', '/pdf/%2e%2e/x', '/pdf/..%2fx', '/%2E%2E/x', '/pdf\\..\\x', '/pdf/a\0.pdf', '//etc/passwd',
      'http://evil/x', 'etc/passwd', '/pdf/./x', '/a/%00', '/%5c'];
    for (const path of bad) expect([path, isPlainPath(path)]).toEqual([path, false]);
  });
});
