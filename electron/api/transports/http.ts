import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import type { Library } from '../../core/library';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, type Envelope } from '../contract';
import { MAX_IMPORT_BYTES } from '../../model/articles';
import type { Dispatch } from '../dispatch';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from './web-assets';

/** JSON envelope + base64 inflation of the largest upload. */
export const MAX_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES * 1.4) + 1024 * 1024;

export interface WebServerOptions {
  library: Library;
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token (tests); a random one per run otherwise. */
  token?: string;
}

export interface WebServer {
  url: string;
  /** The URL to open: it carries the token once; the page keeps it in sessionStorage and sends it as a header. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Web mode: the renderer and the API over HTTP on 127.0.0.1 only. Every request needs a Host
 * header naming loopback (DNS-rebinding defence). Every API call and the event stream need the
 * per-run token as an `Authorization: Bearer` header — never a cookie: cookies are not scoped to a
 * port, so a cookie would go to every local service the browser visits, and a second `serve`
 * would overwrite it. The page takes the token from the printed URL once and keeps it in
 * sessionStorage, which belongs to this origin (port included). So the app's own files (the same
 * bytes as in the package, no library data) are served without it: a reload, whose URL no longer
 * carries the token, must still load the page.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const rendererDir = resolve(opts.rendererDir);
  const sockets = new Set<ServerResponse>();
  let port = 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('web mode request failed:', e);
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'internal error' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!isLoopbackHost(req.headers.host, port)) {
      return sendText(
        res,
        403,
        'Forbidden: this server only answers requests addressed to localhost.',
      );
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      if (!isAuthorized(req, token)) {
        return sendJson(
          res,
          401,
          errorEnvelope(
            'not_authorized',
            'Unauthorized: open the URL printed by `commonplace serve` (it carries the token); scripts send it as `Authorization: Bearer TOKEN`.',
          ),
        );
      }
      if (url.pathname === HTTP_EVENTS_PATH && req.method === 'GET') return streamEvents(req, res);
      return handleApi(req, res, url.pathname.slice(HTTP_API_PREFIX.length));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed');
    // The page opened with a wrong (say, an old run's) token is told so, rather than failing later.
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && !tokenMatches(queryToken, token)) {
      return sendText(
        res,
        401,
        'Unauthorized: wrong token. Use the URL printed by `commonplace serve`.',
      );
    }
    return serveStatic(res, url.pathname, req.method === 'HEAD');
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
  ): Promise<void> {
    if (req.method !== 'POST')
      return sendJson(res, 405, errorEnvelope('invalid_input', 'API calls are POST requests'));
    // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(
        res,
        415,
        errorEnvelope('invalid_input', 'API calls need Content-Type: application/json'),
      );
    }
    const origin = req.headers.origin;
    if (origin && !isLoopbackOrigin(origin, port))
      return sendJson(res, 403, errorEnvelope('invalid_input', 'cross-origin request refused'));
    // Answered, not reset: a client still sending would otherwise never see the 413.
    const tooLarge = () =>
      sendJson(
        res,
        413,
        errorEnvelope(
          'too_large',
          `request body is larger than ${Math.round(MAX_BODY_BYTES / 1024 / 1024)} MB`,
        ),
      );
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
      discardBody(req, MAX_BODY_BYTES);
      return tooLarge();
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) return tooLarge();
    let input: unknown;
    try {
      input = body.trim() ? JSON.parse(body) : {};
    } catch {
      return sendJson(
        res,
        400,
        errorEnvelope('invalid_input', `${method}: request body is not valid JSON`),
      );
    }
    let name: string;
    try {
      name = decodeURIComponent(method);
    } catch {
      return sendJson(
        res,
        400,
        errorEnvelope(
          'invalid_input',
          `"${method.slice(0, 100)}": the method name in the path is not valid percent-encoding`,
        ),
      );
    }
    const env = await opts.dispatch(name, input, 'http');
    sendJson(res, env.ok ? 200 : statusFor(env.error.code), env);
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sockets.add(res);
    const unsubscribe = opts.library.onEvent((event) =>
      res.write(`data: ${JSON.stringify(event)}\n\n`),
    );
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      sockets.delete(res);
    });
  }

  function serveStatic(res: ServerResponse, pathname: string, headOnly: boolean): void {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return sendText(res, 400, 'Bad path');
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = normalize(join(rendererDir, rel));
    if (!file.startsWith(rendererDir + sep) || rel.includes('\0'))
      return sendText(res, 404, 'Not found');
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      if (rel === '/index.html')
        return sendText(
          res,
          500,
          `The renderer is not built (${file} is missing). Run \`npm run build\` first.`,
        );
      return sendText(res, 404, 'Not found');
    }
    res.writeHead(200, {
      'Content-Type': contentTypeFor(file),
      'Content-Length': stat.size,
      'Cache-Control': rel === '/index.html' ? 'no-store' : 'no-cache',
    });
    if (headOnly) return void res.end();
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.end();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1']);

export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^([^:]+)(?::(\d+))?$/.exec(host.toLowerCase());
  if (!m || !LOOPBACK_NAMES.has(m[1]!)) return false;
  return m[2] === undefined || Number(m[2]) === port;
}

function isLoopbackOrigin(origin: string, port: number): boolean {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && isLoopbackHost(u.host, port);
  } catch {
    return false;
  }
}

function tokenMatches(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only the header: a cookie, even one holding the token, is never a credential here. */
function isAuthorized(req: IncomingMessage, token: string): boolean {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') === true && tokenMatches(auth.slice(7).trim(), token);
}

/** The body as text, or null once it passes `limit` (the rest is then read and dropped). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        discardBody(req, limit);
        resolveBody(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Reads and drops the rest of a refused body, so the answer reaches a client that is still
 * sending (closing a socket with unread data resets it, losing the answer). A client that keeps
 * sending past `cap` more bytes is cut off.
 */
function discardBody(req: IncomingMessage, cap: number): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > cap) req.socket.destroy();
  });
  req.on('error', () => {});
}

function statusFor(code: string): number {
  if (code === 'invalid_input') return 400;
  if (code === 'not_found') return 404;
  if (code === 'too_large') return 413;
  if (code === 'internal') return 500;
  return 422;
}

function errorEnvelope(code: string, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(json);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
