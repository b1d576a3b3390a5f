import { describe, expect, it } from 'vitest';
import { dialable } from '../../templates/components/ContactBox.js';

describe('the phone link', () => {
  it('dials "+" and digits, without the "(0)" written after a country code', () => {
    expect(dialable('+49 40 123456-0')).toBe('+49401234560');
    // "+49 (0) 421 …" dials +490421… abroad, a wrong number: the "(0)" is for calls within Germany.
    expect(dialable('+49 (0) 421 123456-0')).toBe('+494211234560');
    expect(dialable('+49(0)421/123456')).toBe('+49421123456');
    expect(dialable('0049 (0) 421 123456')).toBe('0049421123456');
    expect(dialable('+49-(0)-421-123456')).toBe('+49421123456');
    expect(dialable('+49 (0421) 123456')).toBe('+49421123456');
    // Without a country code the 0 is dialled.
    expect(dialable('(0421) 123456')).toBe('0421123456');
  });
});
