import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import type { PreviewState } from '../../src/preview/live.js';
import { TerminalReport } from '../../src/preview/terminal.js';

const finding = (line: number, severity: Finding['severity'] = 'error'): Finding => ({ severity, file: 'content/regions/kiel.yaml', line, column: 3, yamlPath: 'contact.email', message: 'not an e-mail address', hint: 'Write it as name@example.org.' });
const state = (findings: Finding[], variantFindings: Record<string, Finding[]> = {}) => ({ findings, variantFindings }) as unknown as PreviewState;

describe('the preview’s report in the terminal', () => {
  it('writes the errors when they change, once, and says when they are gone', () => {
    const written: string[] = [];
    const report = new TerminalReport((text) => written.push(text));
    report.tell(state([]));
    expect(written).toEqual([]);
    // The same error for two viewed variants, and a warning, which the page shows but the terminal need not.
    report.tell(state([finding(9)], { a: [finding(9)], b: [finding(4, 'warning')] }));
    report.tell(state([finding(9)]));
    expect(written).toEqual(['\ncontent/regions/kiel.yaml:9:3  error  contact.email: not an e-mail address\n    hint: Write it as name@example.org.\n(1 error in the content, also shown on the page)\n']);
    report.tell(state([finding(9), finding(12)]));
    expect(written[1]).toContain('(2 errors in the content, also shown on the page)');
    report.tell(state([]));
    report.tell(state([]));
    expect(written.slice(2)).toEqual(['\nno errors in the content any more\n']);
  });
});
