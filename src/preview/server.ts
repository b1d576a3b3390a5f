import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { UsageError } from '../findings.js';
import { assets } from './assets.js';
import type { LivePreview } from './live.js';
import { pageHtml } from './page.js';

/**
 * The preview's web server. Every route is an exact entry in a table or the output path of a
 * known variant: no file is opened by a name taken from the request, and request paths that try
 * to climb out (.., any percent-encoding, backslashes, NUL) are refused before routing. Requests
 * naming another host are refused too, so a web page elsewhere cannot reach the server through a
 * DNS name that points at this machine.
 */

export interface ServerOptions {
  host: string;
  port: number;
  /** The variant shown first (from the command's selectors). */
  initialFile?: string;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data: blob:; font-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'",
};

/** Rejects anything but a plain absolute path of unreserved characters and slashes. */
export function isPlainPath(rawUrl: string): boolean {
  const pathname = rawUrl.split('?')[0]!;
  if (!pathname.startsWith('/') || pathname.startsWith('//')) return false;
  if (/[%\\\0]/.test(pathname)) return false;
  return !pathname.split('/').some((segment) => segment === '..' || segment === '.');
}

export function startServer(live: LivePreview, options: ServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    try {
      handle(live, options, req, res);
    } catch (error) {
      process.stderr.write(`infoblatt preview: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new UsageError(`port ${options.port} on ${options.host} is already in use: another preview may be running; choose another port with --port N`));
      else if (error.code === 'EACCES') reject(new UsageError(`not allowed to listen on port ${options.port}: choose a port above 1023 with --port N`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new UsageError(`cannot listen on host "${options.host}": it is not an address of this machine`));
      else reject(error);
    });
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({ server, url: `http://${host}:${port}/` });
    });
  });
}

function handle(live: LivePreview, options: ServerOptions, req: IncomingMessage, res: ServerResponse): void {
  const raw = req.url ?? '';
  if (!isPlainPath(raw)) return send(res, 400, 'text/plain; charset=utf-8', 'bad path');
  if (!hostAllowed(req.headers.host, options.host)) return send(res, 403, 'text/plain; charset=utf-8', 'unknown host');
  const url = new URL(raw, 'http://preview.invalid');
  const route = url.pathname;
  if (req.method === 'POST' && route === '/api/view') return void readView(req, res, live);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
  if (route === '/') return send(res, 200, 'text/html; charset=utf-8', pageHtml(options.initialFile));
  if (route === '/events') return req.method === 'GET' ? events(req, res, live) : send(res, 200, 'text/event-stream', '');
  const asset = assets[route];
  if (asset) return send(res, 200, asset.type, asset.body());
  if (route.startsWith('/pdf/')) return pdf(res, live, route.slice('/pdf/'.length), url.searchParams.has('download'));
  send(res, 404, 'text/plain; charset=utf-8', 'not found');
}

function hostAllowed(header: string | undefined, listenHost: string): boolean {
  if (!header) return false;
  const name = header.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const loopback = ['localhost', '127.0.0.1', '::1'];
  // Listening on all interfaces means the person chose to be reached by other names.
  if (listenHost === '0.0.0.0' || listenHost === '::') return true;
  return name === listenHost || (loopback.includes(listenHost) && loopback.includes(name));
}

function pdf(res: ServerResponse, live: LivePreview, file: string, download: boolean): void {
  const onDisk = live.knows(file) ? live.previewFile(file) : undefined;
  // Read whole (a PDF is some 50 KB): a file replaced or removed meanwhile is a 404, not a stream
  // error that would end the preview.
  let bytes: Buffer;
  try {
    if (!onDisk) throw new Error('unknown');
    bytes = readFileSync(onDisk);
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', 'not rendered (yet)');
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/pdf',
    'Cache-Control': 'no-store',
    'Content-Disposition': `${download ? 'attachment' : 'inline'}; filename="${path.basename(file)}"`,
  });
  res.end(bytes);
}

/** Server-sent events: the whole state on connect and after every change (a few KB). */
function events(req: IncomingMessage, res: ServerResponse, live: LivePreview): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  const unsubscribe = live.subscribe((state) => res.write(`data: ${JSON.stringify(state)}\n\n`));
  // A comment now and then keeps proxies and idle timeouts from closing the stream.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

function readView(req: IncomingMessage, res: ServerResponse, live: LivePreview): void {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
    if (body.length > 4096) req.destroy();
  });
  req.on('end', () => {
    let file: unknown;
    try {
      file = (JSON.parse(body) as { file?: unknown }).file;
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'expected {"file": "..."}');
    }
    if (typeof file !== 'string' || !live.knows(file)) return send(res, 404, 'text/plain; charset=utf-8', 'no such variant');
    live.view(file);
    send(res, 204, 'text/plain; charset=utf-8', '');
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(status === 204 ? undefined : body);
}
