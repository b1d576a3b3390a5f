import { describe, expect, it } from 'vitest';
import { requireMethods } from '../src/patch-guard.js';

describe('requireMethods', () => {
  it('stops a patch whose dependency no longer has a method it wraps, naming the method and the patch file', () => {
    class Doc {
      _write() {}
    }
    expect(() => requireMethods('pdfkit', Doc.prototype, ['_write'])).not.toThrow();
    expect(() => requireMethods('pdfkit', Doc.prototype, ['_write', '_finalize', '_addInfo'])).toThrow(
      "pdfkit no longer has _finalize, _addInfo, which infoblatt's patches wrap (src/pdfkit-patches.ts, src/pdf-structure.ts): update them for this version",
    );
  });
});
