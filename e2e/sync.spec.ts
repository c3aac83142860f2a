/**
 * Settings → Sync in web mode, and live sync between two servers: two libraries (two `serve`
 * processes) share one sync folder, as two machines do once Syncthing has delivered each other's
 * files; a highlight made in one window appears in the other without a reload.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SHARED_ARTICLE, expect, runCli, startServer, test } from './fixtures';
import { SHARED_TITLE, markWith, openInLibrary, openSharedArticle, selectText } from './reader';

const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';

async function seriousViolations(page: Page): Promise<string[]> {
  return (await new AxeBuilder({ page }).include('dialog.settings-dialog').analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

/** Opens Settings with the keyboard, sets up sync with `folder`, and leaves the dialog open. */
async function setUpSync(page: Page, folder: string, name: string) {
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('heading', { name: 'Sync' })).toBeVisible();
  await dialog.getByLabel('Sync folder').fill(folder);
  await dialog.getByLabel('This device’s name').fill(name);
  await dialog.getByRole('button', { name: 'Start syncing' }).click();
  await expect(dialog.locator('p.sync-message')).toContainText(`as “${name}”`);
  await expect(dialog.getByTestId('sync-status')).toContainText(folder);
  return dialog;
}

test('two web-mode windows on two libraries sharing a folder: a highlight made in one appears in the other', async ({
  app,
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), 'commonplace-e2e-syncfolder-'));
  const otherDir = mkdtempSync(join(tmpdir(), 'commonplace-e2e-other-'));
  const other = await startServer(join(otherDir, 'library.sqlite'));
  try {
    // A: the article, then Settings → Sync (checked with axe in both themes).
    await openSharedArticle(app, page);
    const dialogA = await setUpSync(page, folder, 'Laptop');
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await dialogA.getByRole('button', { name: 'Close' }).click();

    // B: a second server on its own library joins the folder; A's article arrives by itself.
    const pageB = await browser.newPage();
    await pageB.goto(other.url);
    const dialogB = await setUpSync(pageB, folder, 'Desktop');
    await expect(dialogB.getByRole('list', { name: 'Devices' })).toContainText('Laptop', {
      timeout: 30_000,
    });
    await expect(dialogB.getByRole('list', { name: 'Devices' })).toContainText(
      'Desktop (this device)',
    );
    await dialogB.getByRole('button', { name: 'Sync now' }).click();
    await expect(dialogB.locator('p.sync-message')).toContainText('Synced:');
    await dialogB.getByRole('button', { name: 'Close' }).click();
    await expect(pageB.getByRole('option').filter({ hasText: SHARED_TITLE })).toBeVisible({
      timeout: 30_000,
    });
    await openInLibrary(pageB);
    await expect(markWith(pageB, QUOTE)).toHaveCount(0);

    // A highlight in A's window shows up in B's open reader, without a reload.
    await selectText(page, QUOTE);
    await page.keyboard.press('h');
    await expect(markWith(page, QUOTE)).toHaveCount(1);
    await expect(markWith(pageB, QUOTE)).toHaveCount(1, { timeout: 30_000 });
    await pageB.close();
  } finally {
    other.child.kill('SIGTERM');
    await new Promise((r) => other.child.once('close', r));
    rmSync(otherDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
});

/**
 * Records, in the page, each value the sync progress bar takes and the label it has then (a
 * MutationObserver sees every render, however briefly a value is shown, on a loaded machine too).
 */
const recordBar = (page: Page) =>
  page.addInitScript(() => {
    const seen: { value: number; label: string }[] = [];
    const incoming: string[] = [];
    Object.assign(window, { barValues: seen, incomingValues: incoming });
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('dialog.settings-dialog progress');
      if (bar && seen.at(-1)?.value !== bar.value)
        seen.push({ value: bar.value, label: bar.labels[0]?.textContent ?? '' });
      const count = [...document.querySelectorAll('[data-testid="sync-status"] dt')].find(
        (dt) => dt.textContent === 'Waiting to come in',
      )?.nextElementSibling?.textContent;
      if (count && incoming.at(-1) !== count) incoming.push(count);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
/** Each count "Waiting to come in" showed, in order. */
const incomingValues = (page: Page) =>
  page.evaluate(() => (window as unknown as { incomingValues: string[] }).incomingValues);
const barValues = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { barValues: { value: number; label: string }[] }).barValues,
  );

test('a large library first received shows a progress bar that moves, then the status', async ({
  browser,
}) => {
  test.setTimeout(600_000); // 3.5 min on a loaded 2-core machine
  const folder = mkdtempSync(join(tmpdir(), 'commonplace-e2e-syncfolder-'));
  const dirA = mkdtempSync(join(tmpdir(), 'commonplace-e2e-big-'));
  const dirB = mkdtempSync(join(tmpdir(), 'commonplace-e2e-other-'));
  const [libA, libB] = [join(dirA, 'library.sqlite'), join(dirB, 'library.sqlite')];
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  try {
    // A library of one article with 30,000 passages (six segments of 5,000 changes), restored
    // from a whole-library file: what a window lists stays small, what sync carries is large.
    const file = join(dirA, 'big.json');
    const cli = async (args: string[]) => {
      const r = await runCli(libA, args);
      expect(r.stderr).toBe('');
      return r.stdout;
    };
    await cli(['import', SHARED_ARTICLE]);
    const article = (JSON.parse(await cli(['list', '--json'])) as { id: string }[])[0]!.id;
    await cli(['passage', 'add', article, '--quote', QUOTE]);
    await cli(['export', '--all', '--format', 'json', '--out', file]);
    for (const f of [libA, `${libA}-wal`, `${libA}-shm`]) rmSync(f, { force: true });
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      tables: { passages: Record<string, unknown>[] };
    };
    const one = doc.tables.passages[0]!;
    doc.tables.passages = Array.from({ length: 30_000 }, (_, i) => ({
      ...one,
      id: `01a24b3a-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
    }));
    writeFileSync(file, JSON.stringify(doc));
    expect(await cli(['import-json', file])).toContain('30000 passages');

    // A sends it all into the folder.
    servers.push(await startServer(libA));
    const pageA = await browser.newPage();
    await pageA.goto(servers[0]!.url);
    const dialogA = await setUpSync(pageA, folder, 'Laptop');
    const segments = () =>
      readdirSync(join(folder, 'devices'), { recursive: true }).filter((f) =>
        String(f).endsWith('.seg'),
      ).length;
    await expect.poll(segments, { timeout: 120_000 }).toBeGreaterThanOrEqual(6);
    await expect(dialogA.getByTestId('sync-status')).toContainText('Waiting to go out0 changes', {
      timeout: 120_000,
    });
    await pageA.close();

    // B, an empty library, joins: it receives a segment at a time, and the bar moves.
    servers.push(await startServer(libB));
    const contextB = await browser.newContext(); // axe needs a page from a context
    const pageB = await contextB.newPage();
    await recordBar(pageB);
    await pageB.goto(servers[1]!.url);
    await pageB.keyboard.press('Control+,');
    const dialogB = pageB.getByRole('dialog', { name: 'Settings' });
    await dialogB.getByLabel('Sync folder').fill(folder);
    await dialogB.getByLabel('This device’s name').fill('Desktop');
    await dialogB.getByRole('button', { name: 'Start syncing' }).click();
    // The bar showed (checked with axe while it is up, as a rule), named for what it counts, and
    // moved: two values at least, rising.
    await expect(dialogB.getByRole('progressbar', { name: /^Receiving/ })).toBeVisible({
      timeout: 120_000,
    });
    expect(await seriousViolations(pageB)).toEqual([]);
    await expect
      .poll(async () => new Set((await barValues(pageB)).map((v) => v.value)).size, {
        timeout: 120_000,
      })
      .toBeGreaterThanOrEqual(2);
    const seen = await barValues(pageB);
    for (const v of seen) expect(v.label).toMatch(/^Receiving \d+ of \d+ segments…$/);
    expect(seen.map((v) => v.value)).toEqual(seen.map((v) => v.value).sort((x, y) => x - y));
    await expect(dialogB.getByRole('progressbar')).toBeHidden({ timeout: 120_000 });
    expect(await seriousViolations(pageB)).toEqual([]);
    await expect(dialogB.getByTestId('sync-status')).toContainText('Waiting to come in0 segments');
    // The count came down while the segments were applied, not only at the end.
    const counts = (await incomingValues(pageB)).map((t) => Number(/^\d+/.exec(t)?.[0]));
    expect(counts.at(-1)).toBe(0);
    expect(counts.some((n) => n > 0 && n < Math.max(...counts))).toBe(true);
    await expect(dialogB.getByRole('list', { name: 'Devices' })).toContainText('Laptop');
    await contextB.close();
  } finally {
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await new Promise((r) => s.child.once('close', r));
    }
    for (const d of [dirA, dirB, folder]) rmSync(d, { recursive: true, force: true });
  }
});

test('a device whose clock is hours ahead is named in Settings → Sync, and its edits still arrive', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), 'commonplace-e2e-syncfolder-'));
  const otherDir = mkdtempSync(join(tmpdir(), 'commonplace-e2e-clock-'));
  const other = join(otherDir, 'library.sqlite');
  try {
    await page.goto(app.url);
    const dialog = await setUpSync(page, folder, 'Laptop');
    await expect(dialog.getByTestId('sync-clocks')).toHaveCount(0);
    // Another machine, its clock five hours ahead, joins the folder and adds an article.
    const ahead = { clockAheadMs: 5 * 3600_000 };
    for (const args of [
      ['sync', 'init', '--folder', folder, '--name', 'Desktop'],
      ['import', SHARED_ARTICLE],
      ['sync', 'now'],
    ]) {
      const r = await runCli(other, args, ahead);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    await dialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(dialog.getByTestId('sync-clocks')).toContainText(
      "Desktop's clock is 5 hours ahead of this device's",
      { timeout: 60_000 },
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('option').filter({ hasText: SHARED_TITLE })).toBeVisible({
      timeout: 30_000,
    });
  } finally {
    rmSync(otherDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
});
