import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SHARED_ARTICLE } from '../fixtures';
import { writeNotesFolder, writePdf } from './files';
import { expect, test } from './standIn';

const MB = 1024 * 1024;
/** A path job's import worker (and its parser thread) load our importers from TypeScript here: seconds each, more on a loaded machine. */
const JOB = { timeout: 90_000 };
test.describe.configure({ timeout: 240_000 });

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

/**
 * A drop as the page receives it. A real OS drag can't be scripted, so the Files are made in the
 * page; the stand-in's pathForFile knows the real file of each name, as Electron knows a dropped file's.
 */
async function drop(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const { name, text } of list) data.items.add(new File([text], name));
    window.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, files);
}

const reader = (page: Page) => page.getByRole('article', { name: 'Reader' });

test('Import… in the desktop app imports by path: a 70 MB PDF (over the 64 MB upload cap) comes in with the progress bar', async ({
  app,
  desktop,
  page,
}) => {
  const pdf = join(app.dir, 'big-report.pdf');
  writePdf(pdf, {
    title: 'Big Report',
    text: 'A long report, over the upload limit.',
    paddingBytes: 70 * MB,
  });
  await desktop.open();
  await desktop.setPaths({ 'big-report.pdf': pdf });
  await page.getByLabel('Import files').setInputFiles(pdf);

  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect(progress.getByRole('progressbar')).toBeVisible();
  expect(await seriousViolations(page, '.bulk-progress')).toEqual([]);
  // A few files: reported like any small import (the article opens), not in the report dialog.
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText('Big Report', JOB);
  await expect(progress).toBeHidden();
  await expect(page.locator('.toasts [role="alert"]')).toHaveText('');
  const listed = JSON.parse((await app.cli(['list', '--json'])).stdout) as { title: string }[];
  expect(listed.map((a) => a.title)).toEqual(['Big Report']);
});

test('a file dropped in the desktop app is read from its path; a file with no path is uploaded', async ({
  app,
  desktop,
  page,
}) => {
  const onDisk = join(app.dir, 'dropped.md');
  writeFileSync(onDisk, '# Read from the disk\n\nThe file as it is on disk.\n');
  await desktop.open();
  await desktop.setPaths({ 'dropped.md': onDisk });
  // The page's bytes differ from the disk's: the title says which were imported.
  await drop(page, [{ name: 'dropped.md', text: '# Uploaded bytes\n\nWhat the page holds.\n' }]);
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(
    'Read from the disk',
    JOB,
  );
  const shown = JSON.parse((await app.cli(['list', '--json'])).stdout) as {
    id: string;
    title: string;
  }[];
  expect(shown.map((a) => a.title)).toEqual(['Read from the disk']);
  const article = JSON.parse((await app.cli(['show', shown[0]!.id, '--json'])).stdout) as {
    source: unknown;
  };
  expect(JSON.stringify(article.source)).toContain(onDisk);

  // Made in the page (no path): the upload route, as in web mode.
  await drop(page, [{ name: 'made-here.md', text: '# Made in the page\n\nNo file on disk.\n' }]);
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText('Made in the page', JOB);
});

test('a dropped 500 MB file is refused with a message naming it and the limit; the window stays usable', async ({
  app,
  desktop,
  page,
}) => {
  const huge = join(app.dir, 'huge-scan.pdf');
  writePdf(huge, { title: 'Huge', text: 'Too big.', paddingBytes: 500 * MB });
  expect((await app.cli(['import', SHARED_ARTICLE])).code).toBe(0);
  await desktop.open();
  await desktop.setPaths({ 'huge-scan.pdf': huge });
  await drop(page, [{ name: 'huge-scan.pdf', text: 'placeholder' }]);
  const alert = page.locator('.toasts [role="alert"]');
  await expect(alert).toContainText(
    /huge-scan\.pdf: 500\.0 MB is over the 200\.0 MB limit for imported files/,
    JOB,
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('option').filter({ hasText: 'North Korea' }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('North Korea');
});

test('a dropped folder of 400 files: one job with progress, the list usable meanwhile, then the report', async ({
  app,
  desktop,
  page,
}) => {
  const folder = join(app.dir, 'sources');
  writeNotesFolder(folder, 400);
  expect((await app.cli(['import', SHARED_ARTICLE])).code).toBe(0);
  await desktop.open();
  await desktop.setPaths({ sources: folder });
  // Electron gives a dropped folder a File whose path is the folder's.
  await drop(page, [{ name: 'sources', text: '' }]);

  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress.getByRole('button', { name: 'Cancel import' })).toBeVisible();
  // Not modal: an article opens while the job runs.
  await page.getByRole('option').filter({ hasText: 'North Korea' }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('North Korea');

  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toBeVisible({ timeout: 180_000 });
  await expect(report).toContainText('400 imported, 0 already in the library, 0 failed');
  expect(await seriousViolations(page, 'dialog.bulk-report')).toEqual([]);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(
    page
      .getByRole('option')
      .filter({ hasText: /Folder note \d+/ })
      .first(),
  ).toBeVisible();
});

test('Import folder… in the desktop app imports the picked folder’s files by path, with the report', async ({
  app,
  desktop,
  page,
}) => {
  const folder = join(app.dir, 'picked');
  writeNotesFolder(folder, 30);
  await desktop.open();
  // The folder picker hands over the folder's files; Electron knows each one's path.
  const names = readdirSync(folder);
  await desktop.setPaths(Object.fromEntries(names.map((name) => [name, join(folder, name)])));
  await page.getByLabel('Import a folder').setInputFiles(folder);
  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toContainText('30 imported, 0 already in the library, 0 failed', {
    timeout: 180_000,
  });
  const listed = JSON.parse((await app.cli(['list', '--json'])).stdout) as { id: string }[];
  expect(listed).toHaveLength(30);
  const one = JSON.parse((await app.cli(['show', listed[0]!.id, '--json'])).stdout) as {
    source: unknown;
  };
  // Imported from the disk: the article remembers the file's path (an upload has none).
  expect(JSON.stringify(one.source)).toContain(folder);
});
