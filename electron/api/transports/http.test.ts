import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { openLibrary } from '../../core/library';
import { importDocument } from '../../core/articles/import';
import { MAX_BODY_BYTES, startWebServer, type WebServer } from './http';

const tempDir = useTempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(watchIntervalMs = 0) {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Commonplace</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  const t = openTestLibrary(dir, watchIntervalMs);
  const server = await startWebServer({ library: t.library, dispatch: t.dispatch, rendererDir });
  cleanups.push(
    () => t.library.close(),
    () => server.close(),
  );
  return { ...t, server, dir };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP (not fetch) so tests can send any Host header, as a DNS-rebinding page would. */
function send(
  server: WebServer,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: opts.method ?? 'GET',
        headers: opts.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const auth = (s: WebServer) => ({ Authorization: `Bearer ${s.token}` });
const json = (s: WebServer) => ({ ...auth(s), 'Content-Type': 'application/json' });

describe('web mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', async () => {
    const { server } = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.openUrl).toBe(`${server.url}?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses API calls and the event stream without the token, or with a wrong one', async () => {
    const { server } = await serve();
    const call = (headers: Record<string, string>) =>
      send(server, '/api/library.info', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{}',
      });
    const refused = await call({});
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({
      ok: false,
      error: { code: 'not_authorized', message: expect.stringMatching(/commonplace serve/) },
    });
    expect((await call({ Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await call({ Authorization: `Basic ${server.token}` })).status).toBe(401);
    expect((await send(server, '/api/events')).status).toBe(401);
    expect((await send(server, `/api/events?token=${server.token}`)).status).toBe(401);
    expect((await send(server, '/?token=wrong')).status).toBe(401);
  });

  it('never takes a cookie as the credential, even one holding the token, and never sets one', async () => {
    const { server } = await serve();
    const withCookie = await send(server, '/api/library.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `commonplace_token=${server.token}` },
      body: '{}',
    });
    expect(withCookie.status).toBe(401);
    for (const path of ['/', `/?token=${server.token}`, '/assets/app.js'])
      expect((await send(server, path)).headers['set-cookie'], path).toBeUndefined();
    const info = await send(server, '/api/library.info', {
      method: 'POST',
      headers: json(server),
      body: '{}',
    });
    expect(info.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a Host header that is not loopback (DNS rebinding), even with the token', async () => {
    const { server } = await serve();
    const r = await send(server, '/api/library.info', {
      method: 'POST',
      headers: { ...json(server), Host: 'evil.example:80' },
      body: '{}',
    });
    expect(r.status).toBe(403);
    const wrongPort = await send(server, '/', {
      headers: { ...auth(server), Host: `localhost:${server.port + 1}` },
    });
    expect(wrongPort.status).toBe(403);
    const ok = await send(server, '/', {
      headers: { ...auth(server), Host: `localhost:${server.port}` },
    });
    expect(ok.status).toBe(200);
  });

  it('serves the app itself (no library data) with or without the token, so a reload works once the page dropped it from the URL', async () => {
    const { server } = await serve();
    for (const path of [`/?token=${server.token}`, '/']) {
      const page = await send(server, path);
      expect(page.status, path).toBe(200);
      expect(page.body).toContain('<title>Commonplace</title>');
      expect(page.headers['content-security-policy']).toContain("default-src 'none'");
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      // pdf.js's worker (the page view) is a file of ours: workers from our origin only.
      expect(page.headers['content-security-policy']).toContain("worker-src 'self';");
    }
  });

  it('serves only files inside the renderer folder', async () => {
    const { server } = await serve();
    expect((await send(server, '/assets/app.js', { headers: auth(server) })).status).toBe(200);
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/nope.js',
    ]) {
      const r = await send(server, p, { headers: auth(server) });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('outside the renderer');
    }
  });

  it('answers API calls in the envelope, with clear errors for bad requests', async () => {
    const { server } = await serve();
    const info = await send(server, '/api/library.info', {
      method: 'POST',
      headers: json(server),
      body: '{}',
    });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, data: { articleCount: 0 } });
    const badJson = await send(server, '/api/articles.list', {
      method: 'POST',
      headers: json(server),
      body: '{oops',
    });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.message).toBe(
      'articles.list: request body is not valid JSON',
    );
    const badInput = await send(server, '/api/articles.get', {
      method: 'POST',
      headers: json(server),
      body: '{"id":5}',
    });
    expect(badInput.status).toBe(400);
    expect(JSON.parse(badInput.body).error.message).toMatch(/^articles\.get: id:/);
    const form = await send(server, '/api/library.info', {
      method: 'POST',
      headers: { ...auth(server), 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const crossSite = await send(server, '/api/library.info', {
      method: 'POST',
      headers: { ...json(server), Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const local = await send(server, '/api/articles.importPaths', {
      method: 'POST',
      headers: json(server),
      body: '{"paths":["/etc/passwd"]}',
    });
    expect(JSON.parse(local.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('never follows a path stored in the library: updateFromSource is refused over HTTP', async () => {
    const { server, dir, library, invoke } = await serve();
    const file = join(dir, 'article.txt');
    writeFileSync(file, 'A source on this machine.\n');
    const [imported] = await invoke('articles.importPaths', { paths: [file] });
    if (!imported?.ok) throw new Error('import failed');
    // What a restored or foreign library can hold: any path as the source.
    library.db
      .prepare('UPDATE articles SET source = ? WHERE id = ?')
      .run('/etc/passwd', imported.article.id);
    const r = await send(server, '/api/articles.updateFromSource', {
      method: 'POST',
      headers: json(server),
      body: JSON.stringify({ id: imported.article.id }),
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'articles.updateFromSource: only available to the desktop app',
      },
    });
    expect((await invoke('articles.get', { id: imported.article.id })).text).toBe(
      'A source on this machine.',
    );
  });

  it('streams change events, including commits made by another process on the same library', async () => {
    const { server, dir } = await serve(50);
    const events: string[] = [];
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      path: '/api/events',
      headers: auth(server),
    });
    const connected = new Promise<void>((resolve) => {
      req.on('response', (res) => {
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          events.push(c);
          resolve();
        });
      });
    });
    req.end();
    cleanups.push(() => req.destroy());
    await connected;
    // A second connection stands in for the CLI importing while the app is open.
    const other = openLibrary(join(dir, 'library.sqlite'), { watchIntervalMs: 0 });
    const { article } = await importDocument(other.db, {
      bytes: Buffer.from('# From the CLI\n\nText.'),
      fileName: 'cli.md',
    });
    other.close();
    await expect.poll(() => events.join(''), { timeout: 5000 }).toContain(article.id);
    const data = events
      .join('')
      .split('\n')
      .find((l) => l.startsWith('data: '))!;
    expect(JSON.parse(data.slice(6))).toEqual({
      type: 'changed',
      seq: expect.any(Number),
      all: false,
      changes: expect.arrayContaining([{ entity: 'article', id: article.id, op: 'insert' }]),
    });
  });

  it('answers a malformed %-escape in the API path with 400 and a message, logging no stack', async () => {
    const { server } = await serve();
    const logged = vi.spyOn(console, 'error');
    cleanups.push(() => logged.mockRestore());
    const r = await send(server, '/api/articles.list%E0%A4%A', {
      method: 'POST',
      headers: json(server),
      body: '{}',
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          '"articles.list%E0%A4%A": the method name in the path is not valid percent-encoding',
      },
    });
    expect(logged).not.toHaveBeenCalled();
    // A well-formed escape still names a method.
    expect(
      (
        await send(server, '/api/library%2Einfo', {
          method: 'POST',
          headers: json(server),
          body: '{}',
        })
      ).status,
    ).toBe(200);
  });

  it('answers an over-limit body with 413 instead of resetting the connection, declared or streamed', async () => {
    const { server } = await serve();
    const big = Buffer.alloc(MAX_BODY_BYTES + 1024, 'a');
    // Declared up front: refused before the body is read, then the body is drained.
    const declared = await send(server, '/api/articles.importFile', {
      method: 'POST',
      headers: { ...json(server), 'Content-Length': String(big.length) },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({
      ok: false,
      error: {
        code: 'too_large',
        message: expect.stringMatching(/^request body is larger than \d+ MB$/),
      },
    });
    // Chunked: found over the limit while reading.
    const streamed = await send(server, '/api/articles.importFile', {
      method: 'POST',
      headers: json(server),
      body: big,
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.code).toBe('too_large');
    // The server still answers.
    expect(
      (
        await send(server, '/api/library.info', {
          method: 'POST',
          headers: json(server),
          body: '{}',
        })
      ).status,
    ).toBe(200);
  });
});
