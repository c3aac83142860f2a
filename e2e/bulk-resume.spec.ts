/**
 * A folder import outlives the page: the job runs on in web mode's server while the page reloads
 * or its event stream is down, and the events sent meanwhile are lost. The window asks
 * `bulkImport.status` for the jobs it follows (remembered in sessionStorage): the progress bar
 * comes back, and the report of a job that ended unseen is shown.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { installStreamSwitch } from './streamSwitch';

function folderOf(root: string, count: number): void {
  mkdirSync(root, { recursive: true });
  for (let i = 0; i < count; i++)
    writeFileSync(
      join(root, `resume-${i}.md`),
      `# Resumed note ${i}\n\n${'Words to import. '.repeat(40)}${i}`,
    );
}

/** "Importing 12 of 1,500 files" → 12. */
async function doneCount(progress: Locator): Promise<number> {
  const text = (await progress.first().textContent()) ?? '';
  return Number(/Importing ([\d,]+) of/.exec(text)?.[1]?.replace(/,/g, '') ?? 0);
}

test('a page reloaded in the middle of a folder import gets its progress bar back, then the report', async ({
  app,
  page,
}) => {
  const folder = join(app.dir, 'many');
  // Enough files that the page is still sending them when it reloads, even on a fast machine.
  const count = 1500;
  folderOf(folder, count);
  await page.goto(app.url);
  await page.getByLabel('Import a folder').setInputFiles(folder);
  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect.poll(() => doneCount(progress), { timeout: 60_000 }).toBeGreaterThan(0);

  // The reloaded page records whether the bar ever came back: it may be up only briefly, since
  // the window that finds the job can stop it at once (the unsent files went with the page).
  const expected = `of ${count.toLocaleString('en-US')} files`;
  await page.addInitScript((text) => {
    const w = window as unknown as { sawBar?: boolean };
    w.sawBar = false;
    new MutationObserver(() => {
      const bar = document.querySelector('[aria-label="Import progress"]');
      if (bar?.textContent?.includes(text)) w.sawBar = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, expected);
  await page.reload();
  // The bar is back: the page asked where the job is (no event says so before the next file).
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { sawBar?: boolean }).sawBar))
    .toBe(true);

  // The files not sent yet went with the page, so the window that finds the job stops it (if
  // every file was in before the reload, the job simply finishes).
  const report = page.getByRole('dialog', { name: /Import (cancelled|finished)/ });
  await expect(report).toBeVisible({ timeout: 120_000 });
  await expect(progress).toBeHidden();
  const imported = Number(
    /([\d,]+) imported/.exec((await report.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? -1,
  );
  expect(imported).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'report', description: (await report.textContent()) ?? '' });
  const listed = await app.cli(['list', '--json']);
  expect(JSON.parse(listed.stdout)).toHaveLength(imported);
  await expect
    .poll(() => page.evaluate(() => sessionStorage.getItem('commonplace.importJobs')))
    .toBeNull();
});

test('a folder import that ends while the event stream is down shows its report when the stream comes back', async ({
  app,
  page,
}) => {
  await installStreamSwitch(page);
  const folder = join(app.dir, 'some');
  const count = 300;
  folderOf(folder, count);
  await page.goto(app.url);
  await expect.poll(() => page.evaluate(() => window.__events!.opened)).toBeGreaterThan(0);
  await page.getByLabel('Import a folder').setInputFiles(folder);
  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  const jobId = (await progress.getAttribute('data-job'))!;
  expect(jobId).toMatch(/^job-/);

  // The stream drops; the job ends while the page hears nothing of it.
  await page.evaluate(() => window.__events!.cut());
  await expect.poll(() => page.evaluate(() => window.__events!.refused)).toBeGreaterThan(0);
  await expect
    .poll(async () => (await api<{ state: string }>(app, 'bulkImport.status', { jobId })).state, {
      timeout: 120_000,
    })
    .toBe('finished');
  await expect(progress).toBeVisible();
  await expect(page.getByRole('dialog', { name: /Import finished/ })).toBeHidden();

  // The stream comes back: the window asks where its job is, and shows the report it missed.
  await page.evaluate(() => (window.__events!.down = false));
  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(progress).toBeHidden();
  await expect(report).toContainText(`${count} imported, 0 already in the library, 0 failed`);
  // Its rows are the job's own (fetched, not made up): the first file is listed.
  await report.locator('summary', { hasText: /^Imported \(/ }).click();
  await expect(report).toContainText('resume-');
});
