import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';

export const ROOT = join(__dirname, '..');
/** The built CLI (`COMMONPLACE_OUT_DIR` as for the build, default out/). */
export const CLI = join(resolve(ROOT, process.env.COMMONPLACE_OUT_DIR ?? 'out'), 'main', 'cli.js');
/** The team's shared article beside the checkout, else the repository's identical fixture copy. */
export const SHARED_ARTICLE = [
  join(ROOT, '..', 'shared', 'articles', 'putin-north-korea-state-visit.txt'),
  join(ROOT, 'electron', 'core', 'import', 'text', 'fixtures', 'putin-north-korea-state-visit.txt'),
].find((p) => existsSync(p))!;

export interface WebApp {
  /** URL with the token: open it once; the page keeps the token in sessionStorage (no cookie). */
  url: string;
  /** The run's token, and the header that presents it (for calling the API from a test). */
  token: string;
  authHeaders: { Authorization: string };
  libraryPath: string;
  dir: string;
  /** Runs the real CLI against the same library (e.g. while the page is open). */
  cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

export function runCli(
  libraryPath: string,
  args: string[],
  options: { clockAheadMs?: number } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const clock = options.clockAheadMs
    ? ['--require', join(__dirname, 'clockAhead.cjs')]
    : ([] as string[]);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...clock, CLI, '--library', libraryPath, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, COMMONPLACE_TEST_CLOCK_AHEAD_MS: String(options.clockAheadMs ?? 0) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** `commonplace serve --port 0` on `libraryPath`; resolves once it printed its URL. */
export function startServer(
  libraryPath: string,
): Promise<{ child: ChildProcess; url: string; token: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--library', libraryPath, 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`web mode did not start in 45 s: ${out}${err}`)),
      45_000,
    );
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+))/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, token: m[2]! });
      }
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${code}: ${err}`));
    });
  });
}

/** Each test: its own temp library and its own `commonplace serve` process. */
export const test = base.extend<{ app: WebApp }>({
  // Playwright reads the fixtures a function needs from its first parameter's pattern: `{}` = none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'commonplace-e2e-'));
    const libraryPath = join(dir, 'library.sqlite');
    const { child, url, token } = await startServer(libraryPath);
    await use({
      url,
      token,
      authHeaders: { Authorization: `Bearer ${token}` },
      libraryPath,
      dir,
      cli: (args) => runCli(libraryPath, args),
    });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
    rmSync(dir, { recursive: true, force: true });
  },
});

/**
 * Calls the app's API as its client does, with the run's token: to set up what a test needs, or to
 * check what reached the library. Throws with the API's message when the call is refused.
 */
export async function api<T>(app: WebApp, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${new URL(app.url).origin}/api/${method}`, {
    method: 'POST',
    headers: { ...app.authHeaders, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.data;
}

export { expect };
