import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SHARED_ARTICLE } from '../fixtures';
import { expect, test } from './standIn';

const notePane = (page: Page) => page.getByRole('region', { name: 'Note' });
const noteText = (page: Page) => notePane(page).getByRole('textbox', { name: 'Note text' });
const saveState = (page: Page) => notePane(page).locator('[data-save-state]');

async function newNote(page: Page, title: string): Promise<string> {
  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  await expect(notePane(page)).toBeVisible();
  await notePane(page).getByLabel('Note title').fill(title);
  await expect(saveState(page)).toHaveAttribute('data-save-state', 'saved');
  return (await notePane(page).getAttribute('data-note-id'))!;
}

async function noteTextInLibrary(
  cli: (args: string[]) => Promise<{ stdout: string }>,
  id: string,
): Promise<string> {
  return (JSON.parse((await cli(['note', 'show', id, '--json'])).stdout) as { text: string }).text;
}

test('closing the window saves the last edit with saveNoteSync', async ({ app, desktop, page }) => {
  await desktop.open();
  const id = await newNote(page, 'Closing in the desktop app');
  // Autosaves fail, so only the exit save can bring the text in.
  await desktop.failNoteSaves('async');
  await noteText(page).click();
  await page.keyboard.type('typed right before closing');
  await expect(saveState(page)).toHaveAttribute('data-save-state', 'error');
  expect(await noteTextInLibrary(app.cli, id)).not.toContain('typed right before closing');
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  await expect
    .poll(() => noteTextInLibrary(app.cli, id), { timeout: 15_000 })
    .toContain('typed right before closing');
});

test('a failing save on close keeps the window; retry-save (Retry in main’s dialog) saves and closes it', async ({
  app,
  desktop,
}) => {
  const page = await desktop.open({ closable: true });
  const id = await newNote(page, 'Disk trouble');
  // The library can't be written (a full disk): autosaves fail, the edit stays unsaved.
  await desktop.failNoteSaves('all');
  await noteText(page).click();
  await page.keyboard.type('must not be lost');
  await expect(saveState(page)).toHaveAttribute('data-save-state', 'error');

  // Closing: the exit save fails, so the page asks to stay (main turns that into its dialog).
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss(); // main's Cancel: the window stays
  expect(page.isClosed()).toBe(false);
  await expect(noteText(page)).toContainText('must not be lost');
  expect(await noteTextInLibrary(app.cli, id)).not.toContain('must not be lost');
  expect(await desktop.syncSaves()).toBeGreaterThan(0);

  // The disk has room again; main's Retry: the page saves again and lets the window close.
  const closed = page.waitForEvent('close');
  await desktop.failNoteSaves('none');
  await desktop.send({ type: 'retry-save' });
  await closed;
  await expect
    .poll(() => noteTextInLibrary(app.cli, id), { timeout: 15_000 })
    .toContain('must not be lost');
});

test('File → Export… in the desktop app opens the dialog, and Export hands a blob download to main’s Save dialog', async ({
  app,
  desktop,
  page,
}) => {
  expect((await app.cli(['import', SHARED_ARTICLE])).code).toBe(0);
  const id = (JSON.parse((await app.cli(['list', '--json'])).stdout) as { id: string }[])[0]!.id;
  expect(
    (await app.cli(['passage', 'add', id, '--quote', 'mutual settlements', '--tag', 'desk'])).code,
  ).toBe(0);
  await desktop.open();
  await expect(page.getByRole('option').filter({ hasText: 'North Korea' })).toBeVisible();
  // The menu item arrives as an event from main.
  await desktop.send({ type: 'open-export' });
  const dialog = page.getByRole('dialog', { name: 'Export passages' });
  await expect(dialog.getByRole('status')).toContainText('1 excerpt from 1 source');
  const axe = await new AxeBuilder({ page }).include('dialog.export-dialog').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);

  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const download = await downloaded;
  // A download with a suggested name and no path: Electron asks where to save it (main allows blob: downloads).
  expect(download.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const file = test.info().outputPath('desktop-export.md');
  await download.saveAs(file);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(file, 'utf8')).toContain('mutual settlements');
});

test('the empty library names every format it imports', async ({ desktop, page }) => {
  await desktop.open();
  const empty = page.locator('.library-empty');
  await expect(empty).toBeVisible();
  for (const format of ['text', 'Markdown', 'HTML', 'PDF', 'EPUB', 'DOCX'])
    await expect(empty).toContainText(format);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);
});
