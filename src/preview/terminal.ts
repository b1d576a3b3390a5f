import { formatFinding, isError, sortFindings } from '../findings.js';
import type { PreviewState } from './live.js';

/**
 * The preview's errors in the terminal it was started from, for someone not looking at the page:
 * written when they change, and once when they are gone.
 */
export class TerminalReport {
  /** The errors as last written. */
  private told = '';

  constructor(private readonly write: (text: string) => void = (text) => process.stderr.write(text)) {}

  tell(state: PreviewState): void {
    const errors = sortFindings([...state.findings, ...Object.values(state.variantFindings).flat()].filter(isError));
    // The same finding for several viewed variants (an error in the brand) once.
    const lines = [...new Set(errors.map(formatFinding))];
    const now = lines.join('\n');
    if (now === this.told) return;
    const before = this.told;
    this.told = now;
    if (lines.length > 0) this.write(`\n${now}\n(${lines.length === 1 ? '1 error' : `${lines.length} errors`} in the content, also shown on the page)\n`);
    else if (before) this.write('\nno errors in the content any more\n');
  }
}
