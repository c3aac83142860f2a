/**
 * The desktop shell itself, driven through Playwright's Electron support. Needs the Electron
 * binary (downloaded lazily by the electron package) and better-sqlite3 built for Electron's
 * ABI; where either cannot be had, every test here is skipped with the reason.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { downloadElectron, ensureElectronSqlite } from '../electron/dev/electron-env.cjs';
import { obtainElectronSqlite } from '../electron/packaging/electron-sqlite.cjs';

const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'out', 'main', 'index.js');
const APP_URL = /^app:\/\/commonplace\//;

test.describe.configure({ mode: 'serial' });

let app: ElectronApplication | undefined;
let page: Page;
let dir: string;
let libraryPath: string;

test.beforeAll(async () => {
  // A first run may download Electron and better-sqlite3's prebuilt for it (compiled where there is
  // none), as `npm start` does; a stalled download ends after a minute without progress.
  test.setTimeout(20 * 60_000);
  const binary = await downloadElectron();
  test.skip(
    !binary.ok,
    `Electron binary not downloadable on this machine: ${binary.ok ? '' : binary.reason}`,
  );
  if (!binary.ok) return;
  const sqlite = await obtainElectronSqlite({ compile: () => ensureElectronSqlite() });
  test.skip(
    !sqlite.ok,
    `better-sqlite3 could not be built for Electron on this machine: ${sqlite.ok ? '' : sqlite.reason}`,
  );
  if (!sqlite.ok) return;
  expect(existsSync(MAIN), `${MAIN} is missing: run \`npm run build\` first`).toBe(true);

  dir = mkdtempSync(join(tmpdir(), 'cp-electron-'));
  libraryPath = join(dir, 'library.sqlite');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, {
    COMMONPLACE_LIBRARY: libraryPath,
    COMMONPLACE_SQLITE_BINDING: sqlite.binding,
    // userData (Chromium profile, single-instance lock) in the temp dir too, on Linux.
    XDG_CONFIG_HOME: join(dir, 'config'),
  });
  // Chromium will not start as root with its OS sandbox on (CI containers).
  const rootArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  app = await electron.launch({
    executablePath: binary.path,
    args: [...rootArgs, MAIN],
    env,
    cwd: ROOT,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('opens one window on the app:// origin with the app title', async () => {
  expect(page.url()).toMatch(APP_URL);
  expect(await page.title()).toContain('Commonplace');
  expect(app!.windows()).toHaveLength(1);
  expect(existsSync(libraryPath)).toBe(true);
});

test('the page sees only window.commonplace with invoke, onEvent and saveNoteSync, and no Node', async () => {
  expect(await page.evaluate('Object.keys(window.commonplace).sort()')).toEqual([
    'invoke',
    'onEvent',
    'saveNoteSync',
  ]);
  expect(
    await page.evaluate('[typeof window.commonplace.invoke, typeof window.commonplace.onEvent]'),
  ).toEqual(['function', 'function']);
  expect(await page.evaluate('typeof require')).toBe('undefined');
  expect(await page.evaluate('typeof process')).toBe('undefined');
  expect(await page.evaluate('typeof module')).toBe('undefined');
  expect(await page.evaluate('typeof window.ipcRenderer')).toBe('undefined');
});

test('IPC reaches the library; local-only methods are refused over IPC', async () => {
  const info = (await page.evaluate("window.commonplace.invoke('library.info', {})")) as {
    ok: boolean;
    data?: { path: string };
  };
  expect(info.ok).toBe(true);
  expect(info.data?.path).toBe(libraryPath);
  const local = (await page.evaluate(
    "window.commonplace.invoke('articles.importPaths', { paths: ['/etc/hostname'] })",
  )) as {
    ok: boolean;
    error?: { code: string };
  };
  expect(local).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  const bogus = (await page.evaluate("window.commonplace.invoke('no.such.method', {})")) as {
    ok: boolean;
  };
  expect(bogus.ok).toBe(false);
});

test('pages are served with a strict CSP and nothing remote loads', async () => {
  const csp = await page.evaluate(
    "fetch('/index.html').then((r) => r.headers.get('content-security-policy'))",
  );
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  const remote = await page.evaluate(
    "fetch('https://example.org/').then(() => 'loaded', () => 'blocked')",
  );
  expect(remote).toBe('blocked');
});

test('the window cannot be navigated away or open new windows', async () => {
  const before = page.url();
  await page.evaluate("location.href = 'https://example.org/'");
  await page.evaluate("location.assign('file:///etc/hostname')").catch(() => undefined);
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  // A non-web URL is neither opened in a window nor handed to the OS.
  expect(await page.evaluate("window.open('file:///etc/hostname') === null")).toBe(true);
  expect(app!.windows()).toHaveLength(1);
  expect(await page.evaluate('typeof window.commonplace.invoke')).toBe('function');
});
