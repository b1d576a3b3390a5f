/**
 * infoblatt wraps some private methods of pdfkit and fontkit (pdfkit-patches.ts, fontkit-patches.ts,
 * font-subset.ts). A version that renamed one would leave its wrapper uncalled, and print colours,
 * metadata escaping, the file /ID or the shaping cache would go wrong without a word. The patches
 * call this first, so such a version stops every render with the reason instead.
 */
export function requireMethods(dependency: 'pdfkit' | 'fontkit', proto: object, names: readonly string[]): void {
  const missing = names.filter((name) => typeof (proto as Record<string, unknown>)[name] !== 'function');
  if (missing.length > 0) {
    const files = dependency === 'pdfkit' ? 'src/pdfkit-patches.ts, src/pdf-structure.ts' : 'src/fontkit-patches.ts, src/font-subset.ts';
    throw new Error(`${dependency} no longer has ${missing.join(', ')}, which infoblatt's patches wrap (${files}): update them for this version`);
  }
}
