import { request } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/exit-codes.js';
import type { PreviewState } from '../../src/preview/live.js';
import { fixtures, runCli, tempDir } from '../helpers/cli.js';
import { startPreview, type RunningPreview } from '../helpers/preview.js';

/** The preview server over plain HTTP: what it serves, what it refuses, and that bad content never stops it. */

const testort = 'kurz/testort/kurz-testort-de-infoblatt.pdf';
const zweitort = 'kurz/zweitort/kurz-zweitort-de-infoblatt.pdf';

/** Sends the path exactly as written (fetch would normalise "..", "%2e%2e" and backslashes away). */
function rawGet(url: string, rawPath: string, host?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET', headers: host ? { host } : {}, insecureHTTPParser: true }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A request line with a NUL byte, which no HTTP client library will send. */
function rawSocket(url: string, line: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.end(`${line}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.setEncoding('latin1').on('data', (c: string) => (answer += c)).on('close', () => resolve(answer));
  });
}

/** Follows the server-sent events until a state satisfies `until`. */
async function waitForState(url: string, until: (s: PreviewState) => boolean, timeoutMs = 20_000): Promise<PreviewState> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(`${url}events`, { signal: controller.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('event stream ended');
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!event.startsWith('data: ')) continue;
        const state = JSON.parse(event.slice(6)) as PreviewState;
        if (until(state)) return state;
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

const view = (url: string, file: string) => fetch(`${url}api/view`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ file }) });

describe('infoblatt preview: the server', () => {
  let dir: string;
  let preview: RunningPreview;

  beforeAll(async () => {
    dir = tempDir(path.join(fixtures, 'minimal'));
    const regions = path.join(dir, 'content/regions');
    writeFileSync(path.join(regions, 'zweitort.yaml'), readFileSync(path.join(regions, 'testort.yaml'), 'utf8').replace('name: Testort', 'name: Zweitort'));
    preview = await startPreview(dir);
  });

  afterAll(() => preview?.stop());

  it('listens on loopback and serves the page, its assets and rendered PDFs', async () => {
    expect(new URL(preview.url).hostname).toBe('127.0.0.1');
    const page = await fetch(preview.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<select id="region">');
    for (const asset of ['assets/preview.js', 'assets/preview.css', 'assets/pdf.mjs', 'assets/pdf.worker.mjs']) expect([asset, (await fetch(preview.url + asset)).status]).toEqual([asset, 200]);
    expect((await view(preview.url, testort)).status).toBe(204);
    await waitForState(preview.url, (s) => Boolean(s.rendered[testort]));
    const pdf = await fetch(`${preview.url}pdf/${testort}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fetch(`${preview.url}pdf/${testort}?download`)).headers.get('content-disposition')).toContain('attachment');
  });

  it('serves nothing outside its own assets and the known variants', async () => {
    const attempts = [
      '/../package.json', '/pdf/../../package.json', '/assets/../../package.json',
      '/%2e%2e/%2e%2e/package.json', '/pdf/%2e%2e%2f%2e%2e%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/assets/%2E%2E/package.json',
      '/pdf\\..\\..\\package.json', '/assets/..\\..\\package.json', '//etc/passwd', '/pdf//etc/passwd', '/etc/passwd',
      '/pdf/kurz/testort/../../../content/brand.yaml', '/pdf/manifest.json', '/pdf/.preview/x.pdf', '/assets/pdf.mjs%00.txt', '/package.json',
      `/pdf/${testort}/..`, '/content/brand.yaml', '/assets/', '/node_modules/pdfjs-dist/package.json',
    ];
    for (const attempt of attempts) {
      const { status, body } = await rawGet(preview.url, attempt);
      expect([attempt, status >= 400 && status < 500]).toEqual([attempt, true]);
      expect(body).not.toMatch(/"name": "infoblatt"|organisation|root:/);
    }
    expect(await rawSocket(preview.url, 'GET /pdf/\0../../package.json HTTP/1.1')).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawSocket(preview.url, 'GET http://127.0.0.1/../package.json HTTP/1.1')).toMatch(/^HTTP\/1\.1 400/);
    // What fetch makes of such URLs (normalised) is refused as well.
    for (const attempt of ['../../package.json', 'pdf/%2e%2e/%2e%2e/package.json', 'assets/..\\..\\package.json']) expect((await fetch(preview.url + attempt)).status).toBeGreaterThanOrEqual(400);
    // A page on another site reaching the server through a name that points here is turned away.
    expect((await rawGet(preview.url, '/', 'evil.example:80')).status).toBe(403);
    expect((await view(preview.url, '../../package.json')).status).toBe(404);
  });

  it('renders again only the viewed variants a save affects', async () => {
    await view(preview.url, zweitort);
    const before = await waitForState(preview.url, (s) => Boolean(s.rendered[testort] && s.rendered[zweitort]) && s.rendering.length === 0);
    const file = path.join(dir, 'content/regions/zweitort.yaml');
    // Saved once the stream is open, so every state after the save is seen: a variant the save
    // does not affect never enters the queue (its unchanged inputs would also keep its version).
    let saved = false;
    const queued = new Set<string>();
    const after = await waitForState(preview.url, (s) => {
      if (!saved) {
        saved = true;
        writeFileSync(file, readFileSync(file, 'utf8').replace('Teststraße 1', 'Teststraße 7'));
        return false;
      }
      for (const f of s.rendering) queued.add(f);
      return s.rendered[zweitort]!.version > before.rendered[zweitort]!.version && s.rendering.length === 0;
    });
    expect([...queued]).toEqual([zweitort]);
    expect(after.rendered[testort]!.version).toBe(before.rendered[testort]!.version);
  });

  it('shows the build’s fit rule beside a PDF that runs over, and drops it once the text fits', async () => {
    // Testort adds a sentence; the press office's text is what runs over, for Zweitort too.
    const region = path.join(dir, 'content/regions/testort.yaml');
    const plain = readFileSync(region, 'utf8');
    writeFileSync(region, `${plain.trimEnd()}\noverrides:\n  kurz:\n    de:\n      sections:\n        erster:\n          append: In Testort gilt das auch.\n`);
    const file = path.join(dir, 'content/sheets/kurz/de.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, readFileSync(path.join(fixtures, 'bad/fit-too-long/files/sheets/kurz/de.yaml'), 'utf8'));
    const over = await waitForState(preview.url, (s) => s.rendered[testort]?.pages === 3 && s.rendering.length === 0);
    expect(over.variantFindings[testort]!.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} | ${f.hint}`)).toEqual([
      // (Its hint does not send people to the preview, where they are: the build's does.)
      'content/sheets/kurz/de.yaml:4:1 error kurz · testort · de · infoblatt: runs to 3 pages; the template "infoblatt" has room for 2 pages | It runs too long for other regions too: shorten the text until it fits.',
    ]);
    writeFileSync(region, plain);
    // The PDF is there to look at what runs over.
    expect((await fetch(`${preview.url}pdf/${testort}`)).status).toBe(200);
    writeFileSync(file, good);
    const fits = await waitForState(preview.url, (s) => s.rendered[testort]!.pages <= 2 && s.rendering.length === 0);
    expect(fits.variantFindings[testort]).toEqual([]);
  });

  it('shows the width rule beside a PDF with a word wider than its box, and drops it once fixed', async () => {
    const file = path.join(dir, 'content/regions/testort.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, `${good.trimEnd()}\n  hours: Donnerstagsvormittagssprechstunde\n`);
    const wide = await waitForState(preview.url, (s) => (s.variantFindings[testort] ?? []).length > 0 && s.rendering.length === 0);
    expect(wide.variantFindings[testort]!.map((f) => `${f.file}:${f.line} ${f.yamlPath} ${f.severity}`)).toEqual(['content/regions/testort.yaml:7 contact.hours error']);
    expect(wide.variantFindings[testort]![0]!.message).toContain('"Donnerstagsvormittagssprechstunde" is wider than its line');
    writeFileSync(file, good);
    const fixed = await waitForState(preview.url, (s) => (s.variantFindings[testort] ?? []).length === 0 && s.rendering.length === 0);
    expect(fixed.variantFindings[testort]).toEqual([]);
  });

  it('reports broken YAML with file, line and column, keeps the last PDF and keeps running', async () => {
    const file = path.join(dir, 'content/regions/testort.yaml');
    const good = readFileSync(file, 'utf8');
    const before = await waitForState(preview.url, (s) => Boolean(s.rendered[testort]));
    writeFileSync(file, good.replace('  city: Testort', '  city: "Testort'));
    const broken = await waitForState(preview.url, (s) => s.findings.length > 0);
    expect(broken.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual(['content/regions/testort.yaml:6:9 a quote opened here is never closed']);
    expect(broken.rendered[testort]).toEqual(before.rendered[testort]);
    expect((await fetch(`${preview.url}pdf/${testort}`)).status).toBe(200);
    writeFileSync(file, good);
    await waitForState(preview.url, (s) => s.findings.length === 0);
    expect(preview.child.exitCode).toBeNull();
  });
});

describe('infoblatt preview: usage errors (exit 2)', () => {
  it('says so when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const r = runCli(['preview', '--content', path.join(fixtures, 'minimal'), '--port', String(port)]);
      expect(r.status).toBe(ExitCode.usage);
      expect(r.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('names an unknown region, and a bad port', () => {
    expect(runCli(['preview', '--content', path.join(fixtures, 'minimal'), '--region', 'nirgendwo']).status).toBe(ExitCode.usage);
    expect(runCli(['preview', '--port', 'abc']).stderr).toContain('--port needs a port number');
  });
});
