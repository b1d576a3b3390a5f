import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LivePreview, type PreviewState } from '../../src/preview/live.js';
import { fixtures, tempDir } from '../helpers/cli.js';

/** The preview's state in this process (its render thread is real), for what the server cannot easily show. */

const testort = 'kurz/testort/kurz-testort-de-infoblatt.pdf';
let live: LivePreview | undefined;
afterEach(async () => {
  await live?.close();
  live = undefined;
});

function start(options: { compileTemplates?: () => Promise<string> } = {}): LivePreview {
  const dir = tempDir(path.join(fixtures, 'minimal'));
  return (live = new LivePreview({ content: path.join(dir, 'content'), previewDir: path.join(dir, 'out/.preview'), ...options }));
}

/** The first state (now or later) that satisfies `until`. */
function stateWhere(preview: LivePreview, until: (s: PreviewState) => boolean): Promise<PreviewState> {
  return new Promise((resolve) => {
    const stop = preview.subscribe((s) => {
      if (!until(s)) return;
      queueMicrotask(() => stop());
      resolve(s);
    });
  });
}

describe('the live preview', () => {
  it('keeps saying that the templates do not compile after it renders with the last ones that did', async () => {
    const preview = start({ compileTemplates: () => Promise.reject(new Error('Build failed with 1 error: templates/infoblatt.tsx:90:21: ERROR: Expected ")"')) });
    preview.view(testort);
    const first = await stateWhere(preview, (s) => s.rendered[testort] !== undefined && s.rendering.length === 0);
    expect(first.problem).toBeUndefined();
    preview.changed([{ kind: 'templates', files: [path.resolve('templates/infoblatt.tsx')] }]);
    // The variant renders again (its inputs include the templates' generation), with the old templates…
    const after = await stateWhere(preview, (s) => s.rendered[testort]!.version > first.rendered[testort]!.version && s.rendering.length === 0);
    // …and the page still says why its PDF is not the edited template's: the good render cleared it.
    expect(after.problem).toContain('templates/infoblatt.tsx:90:21');
    expect(after.problem).toContain('the PDFs are made with the templates as they last compiled');
  });

  it('shows a folder it cannot watch until it stops, and a session id that differs per run', async () => {
    const preview = start();
    const other = new LivePreview({ content: path.join(fixtures, 'minimal'), previewDir: path.join(tempDir(), '.preview') });
    try {
      expect(preview.state().session).not.toBe(other.state().session);
    } finally {
      await other.close();
    }
    preview.cannotWatch('cannot watch /c/sheets/x (no permission to read it)');
    preview.view(testort);
    const rendered = await stateWhere(preview, (s) => s.rendered[testort] !== undefined && s.rendering.length === 0);
    expect(rendered.problem).toBe('cannot watch /c/sheets/x (no permission to read it)');
  });
});
