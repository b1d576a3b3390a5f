import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, isInside } from '../src/paths.js';

describe('isInside and displayPath', () => {
  it('tell a path that climbs out of a folder from a name that starts with two dots', () => {
    expect(isInside('/c', '/c/..logo.svg')).toBe(true);
    expect(isInside('/c', '/c/logo.svg')).toBe(true);
    expect(isInside('/c', '/c')).toBe(true);
    expect(isInside('/c', '/logo.svg')).toBe(false);
    expect(isInside('/c', '/c/../d/logo.svg')).toBe(false);
    expect(isInside('/c', '/cd/logo.svg')).toBe(false);
    expect(displayPath(path.join(process.cwd(), '..notes.yaml'))).toBe('..notes.yaml');
    expect(displayPath(path.join(process.cwd(), '..', 'x.yaml'))).toBe(path.join(process.cwd(), '..', 'x.yaml'));
  });
});
