/**
 * Web mode's credential stays with its own origin: the page keeps the token in sessionStorage
 * (per origin, so per port) and sends it as a header. No cookie exists for another local service
 * to receive, and a second `serve` on another port can't log the first tab out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, runCli, SHARED_ARTICLE, startServer, test } from './fixtures';

const articleRow = (page: Page, title: string | RegExp) =>
  page.getByRole('listbox', { name: 'Library' }).getByRole('option').filter({ hasText: title });

test('two servers side by side in one browser: both tabs keep working, through reloads and events', async ({
  app,
  page,
  context,
}) => {
  // A second library with its own `serve`, opened in the same browser context (same cookie jar).
  const otherDir = mkdtempSync(join(tmpdir(), 'commonplace-e2e-other-'));
  const otherLibrary = join(otherDir, 'library.sqlite');
  const other = await startServer(otherLibrary);
  try {
    await app.cli(['import', SHARED_ARTICLE]);
    await page.goto(app.url);
    await expect(articleRow(page, /Putin/)).toBeVisible();
    // The token left the address bar (and this history entry) at once.
    await expect.poll(() => page.url()).toBe(new URL(app.url).origin + '/');

    const second = await context.newPage();
    await second.goto(other.url);
    await expect(second.getByText(/Your library is empty/)).toBeVisible();
    await expect.poll(() => second.url()).toBe(new URL(other.url).origin + '/');

    // The first tab still works after the second server was opened, also after a reload (no token in its URL now).
    await page.reload();
    await expect(articleRow(page, /Putin/)).toBeVisible();
    // Events reach each tab from its own server (the stream carries the token as a header).
    const cliA = await app.cli([
      'import',
      '--json',
      join(__dirname, '..', 'electron', 'core', 'import', 'fixtures', 'markdown', 'field-notes.md'),
    ]);
    expect(cliA.code, cliA.stderr).toBe(0);
    const fieldNotes = (JSON.parse(cliA.stdout) as { title: string }[])[0]!.title;
    await expect(articleRow(page, fieldNotes)).toBeVisible();
    const cliB = await runCli(otherLibrary, ['import', SHARED_ARTICLE]);
    expect(cliB.code, cliB.stderr).toBe(0);
    await expect(articleRow(second, /Putin/)).toBeVisible();
    await expect(articleRow(second, fieldNotes)).toHaveCount(0);

    await second.reload();
    await expect(articleRow(second, /Putin/)).toBeVisible();
    // Nothing in the browser's cookie jar: no credential for the browser to hand to any port.
    expect(await context.cookies()).toEqual([]);
  } finally {
    other.child.kill('SIGTERM');
    await new Promise((r) => other.child.once('close', r));
    rmSync(otherDir, { recursive: true, force: true });
  }
});

test('the credential is not sent to another service on 127.0.0.1', async ({
  app,
  page,
  context,
}) => {
  // Another local service on another port, recording what the browser sends it.
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const spy = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>another service</title><p>hello</p><img src="/pixel" alt="">');
  });
  await new Promise<void>((resolve) => spy.listen(0, '127.0.0.1', resolve));
  const spyOrigin = `http://127.0.0.1:${(spy.address() as AddressInfo).port}`;
  try {
    await app.cli(['import', SHARED_ARTICLE]);
    await page.goto(app.url);
    await expect(articleRow(page, /Putin/)).toBeVisible();

    // The browser visits the other service (a page and its own image), in the same browser context.
    // (The app's page itself can't even make a request there: its CSP allows connecting to itself only.)
    const visit = await context.newPage();
    await visit.goto(`${spyOrigin}/visited`);
    await expect(visit.getByText('hello')).toBeVisible();
    await expect
      .poll(() => seen.map((s) => s.url))
      .toEqual(expect.arrayContaining(['/visited', '/pixel']));

    for (const request of seen) {
      expect(request.headers.cookie, request.url).toBeUndefined();
      expect(request.headers.authorization, request.url).toBeUndefined();
      expect(JSON.stringify(request), request.url).not.toContain(app.token);
    }
    // The other origin can't read the token either: sessionStorage is per origin (port included).
    expect(await visit.evaluate(() => JSON.stringify(window.sessionStorage))).not.toContain(
      app.token,
    );
    expect(await page.evaluate(() => JSON.stringify(window.sessionStorage))).toContain(app.token);
  } finally {
    await new Promise((r) => spy.close(r));
  }
});

test('a page opened without the token says how to get in, and no library data reaches it', async ({
  app,
  browser,
}) => {
  await app.cli(['import', SHARED_ARTICLE]);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(new URL(app.url).origin + '/');
    await expect(
      page.getByRole('navigation', { name: 'Articles' }).getByRole('alert'),
    ).toContainText('open the URL printed by `commonplace serve`');
    await expect(page.getByRole('option').filter({ hasText: /Putin/ })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
