import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor } from '../api/transports/web-assets';
import { rendererPathFor, serveRendererFile } from './renderer-files';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'cp-renderer-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Commonplace</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveRendererFile(root, new Request(url, { method }));

describe('serveRendererFile', () => {
  it('serves index.html for / with the CSP and type headers', async () => {
    const res = await get('app://commonplace/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Commonplace</title>');
  });

  it('serves assets with their content type', async () => {
    const js = await get('app://commonplace/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const css = await get('app://commonplace/assets/app.css?v=2#x');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for client-side routes but not for missing files', async () => {
    expect((await get('app://commonplace/articles/123')).status).toBe(200);
    expect((await get('app://commonplace/assets/missing.js')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://commonplace/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://commonplace/index.html', 'POST')).status).toBe(405);
  });

  it('refuses other hosts', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
  });

  it.each([
    'app://commonplace/..%2fsecret.txt',
    'app://commonplace/assets/..%2F..%2Fsecret.txt',
    'app://commonplace/%2e%2e%2fsecret.txt',
    'app://commonplace/..%5csecret.txt',
    'app://commonplace/assets%5c..%5c..%5csecret.txt',
    'app://commonplace/index.html%00.js',
    'app://commonplace/%E0%A4%A',
  ])('refuses traversal and malformed paths: %s', async (url) => {
    const res = await get(url);
    expect([400, 403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('outside the renderer');
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const res = await get('app://commonplace/assets/link.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('outside the renderer');
  });
});

describe('rendererPathFor', () => {
  it('maps paths under the root and refuses escapes', () => {
    expect(rendererPathFor('/r', '/')).toBe(join('/r', 'index.html'));
    expect(rendererPathFor('/r', '/a/./b.js')).toBe(join('/r', 'a', 'b.js'));
    expect(rendererPathFor('/r', '/a/../../etc/passwd')).toBeNull();
    expect(rendererPathFor('/r', '/C:/Windows/win.ini')).toBeNull();
    expect(rendererPathFor('/r', 'relative')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('knows the build output types and defaults to octet-stream', () => {
    expect(contentTypeFor('a.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.exe')).toBe('application/octet-stream');
  });
});
