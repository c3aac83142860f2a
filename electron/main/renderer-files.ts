/**
 * Serves the built renderer (out/renderer) for the app:// scheme. Runtime-neutral: it speaks
 * the web's Request/Response (which Electron's `protocol.handle` uses too), so it is unit-tested
 * under plain Node.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../api/transports/web-assets';
import { APP_HOST, APP_SCHEME } from './app-url';

/** Sent with every response; the CSP is the same policy web mode sends. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // The files change on every build and are read from local disk: caching buys nothing.
  'Cache-Control': 'no-store',
};

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Maps a request path to a file under `root`, or null when the path is malformed or tries to
 * leave `root` (`..`, encoded slashes or backslashes, NUL). Does not touch the disk.
 */
export function rendererPathFor(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || /^[a-zA-Z]:$/.test(s))) return null;
  const file = resolve(root, ...(segments.length ? segments : ['index.html']));
  return isInside(resolve(root), file) ? file : null;
}

async function fileIfExists(file: string): Promise<string | null> {
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? file : null;
}

/** Answers one app:// request from the files under `root`. Never throws. */
export async function serveRendererFile(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return plain(405, 'method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, 'bad url');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'not found');
  const wanted = rendererPathFor(root, url.pathname);
  if (!wanted) return plain(403, 'forbidden');

  // A path without an extension is a client-side route: reloading it must show the app.
  const file =
    (await fileIfExists(wanted)) ??
    (extname(wanted) === '' ? await fileIfExists(join(root, 'index.html')) : null);
  if (!file) return plain(404, 'not found');
  try {
    // A symlink inside the build folder must not lead out of it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!isInside(realRoot, realFile)) return plain(403, 'forbidden');
    const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(new Uint8Array(await readFile(realFile)), { status: 200, headers });
  } catch {
    return plain(500, 'could not read the file');
  }
}
