/**
 * Settings → Sync in web mode, and live sync between two servers: two libraries (two `serve`
 * processes) share one sync folder, as two machines do once Syncthing has delivered each other's
 * files; a highlight made in one window appears in the other without a reload.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, startServer, test } from './fixtures';
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
  await expect(dialog.getByRole('status')).toContainText(`as “${name}”`);
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
    await expect(dialogB.getByRole('status')).toContainText('Synced:');
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
