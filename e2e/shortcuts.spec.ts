/**
 * The shortcuts sheet: `?` (not while typing), the header's button and the desktop Help menu's
 * event open one dialog listing every shortcut of app/shortcuts.ts, grouped, in the platform's keys.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SHORTCUT_GROUPS, SHORTCUTS } from '../renderer/src/app/shortcuts';
import { expect, test } from './fixtures';

const sheet = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

test('? opens the list of every shortcut, grouped, with Ctrl keys; Esc closes it, focus returns', async ({
  app,
  browser,
}, testInfo) => {
  const imported = await app.cli(['import', 'README.md']);
  expect(imported.code, imported.stderr).toBe(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1024, height: 700 },
    });
    const page = await context.newPage();
    await page.goto(app.url);
    const list = page.getByRole('listbox', { name: 'Library' });
    await expect(list.getByRole('option')).toHaveCount(1);

    // Typed in a field, ? is a character, not the sheet.
    await list.focus();
    await page.keyboard.press('/');
    const filter = page.getByLabel('Filter the library by title, author or site');
    await expect(filter).toBeFocused();
    await page.keyboard.type('?');
    await expect(filter).toHaveValue('?');
    await expect(sheet(page)).toHaveCount(0);
    await page.keyboard.press('Escape');

    await list.focus();
    await page.keyboard.press('?');
    await expect(sheet(page)).toBeVisible();
    for (const group of SHORTCUT_GROUPS)
      await expect(sheet(page).getByRole('heading', { name: group, level: 3 })).toBeVisible();
    const rows = sheet(page).getByRole('row');
    await expect(rows).toHaveCount(Object.keys(SHORTCUTS).length);
    for (const { label } of Object.values(SHORTCUTS))
      await expect(sheet(page).getByRole('rowheader', { name: label })).toHaveCount(1);
    await expect(
      sheet(page)
        .getByRole('row', { name: /Export passages/ })
        .locator('kbd'),
    ).toHaveText('Ctrl+Shift+E');
    await expect(sheet(page).getByRole('row', { name: /^Redo/ }).locator('kbd')).toHaveText([
      'Ctrl+Shift+Z',
      'Ctrl+Y',
    ]);
    await page.screenshot({ path: testInfo.outputPath(`shortcuts-${colorScheme}-1024.png`) });
    const axe = await new AxeBuilder({ page }).include('dialog.shortcuts-sheet').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );

    await page.keyboard.press('Escape');
    await expect(sheet(page)).toHaveCount(0);
    await expect(list).toBeFocused();

    // The header's button opens it too.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(sheet(page)).toBeVisible();
    await sheet(page).getByRole('button', { name: 'Close' }).click();
    await expect(sheet(page)).toHaveCount(0);
    await context.close();
  }
});

test('on macOS the sheet names ⌘ and ⌥ keys', async ({ app, browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }),
  );
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Export…' })).toHaveAttribute(
    'aria-keyshortcuts',
    'Meta+Shift+E',
  );
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(
    sheet(page)
      .getByRole('row', { name: /Export passages/ })
      .locator('kbd'),
  ).toHaveText('⇧⌘E');
  await expect(
    sheet(page)
      .getByRole('row', { name: /New note/ })
      .locator('kbd'),
  ).toHaveText('⌥⌘N');
  await context.close();
});
