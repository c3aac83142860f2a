import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/** A folder of mixed files: good ones in nested folders, bad ones, and hidden clutter. */
function mixedFolder(root: string, good: number): void {
  mkdirSync(join(root, 'nested', 'deeper'), { recursive: true });
  for (let i = 0; i < good; i++) {
    const dir =
      i % 3 === 0 ? root : i % 3 === 1 ? join(root, 'nested') : join(root, 'nested', 'deeper');
    if (i % 2 === 0)
      writeFileSync(join(dir, `note-${i}.md`), `# Bulk note ${i}\n\nThe text of note ${i}.`);
    else
      writeFileSync(
        join(dir, `page-${i}.html`),
        `<html><head><title>Bulk page ${i}</title></head><body><article><p>Words on page ${i}, enough of them to read.</p></article></body></html>`,
      );
  }
  writeFileSync(join(root, 'empty.txt'), '');
  writeFileSync(
    join(root, 'nested', 'photo.txt'),
    Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]),
  );
  writeFileSync(join(root, '.hidden.md'), '# never imported');
}

test('a folder of mixed files: progress while it runs, then a report of imported, duplicate and failed files', async ({
  app,
  page,
}) => {
  const folder = join(app.dir, 'sources');
  mixedFolder(folder, 40);
  await page.goto(app.url);
  await page.getByLabel('Import a folder').setInputFiles(folder);

  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress.getByRole('button', { name: 'Cancel import' })).toBeVisible();

  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(progress).toBeHidden();
  await expect(report).toContainText('40 imported, 0 already in the library, 2 failed');
  const failed = report.locator('details', { hasText: 'Failed (2)' });
  await expect(failed).toContainText('sources/empty.txt');
  await expect(failed).toContainText('the file is empty');
  await expect(failed).toContainText('sources/nested/photo.txt');
  await expect(report).not.toContainText('.hidden.md');

  const axe = await new AxeBuilder({ page }).include('dialog.bulk-report').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );

  await report.getByRole('button', { name: 'Close' }).click();
  // The library list shows the new articles (it is virtualised: only the first rows exist).
  await expect(
    page
      .getByRole('option')
      .filter({ hasText: /Bulk (note|page) \d+/ })
      .first(),
  ).toBeVisible();

  // The same folder again: nothing is imported twice.
  await page.getByLabel('Import a folder').setInputFiles(folder);
  const again = page.getByRole('dialog', { name: 'Import finished' });
  await expect(again).toContainText('0 imported, 40 already in the library, 2 failed', {
    timeout: 60_000,
  });
  const listed = await app.cli(['list', '--json']);
  expect(JSON.parse(listed.stdout)).toHaveLength(40);
});

test('many files dropped on the window go through one job, and it can be cancelled', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  // Enough files that the import is still running when Cancel is pressed, even on a fast machine.
  const count = 2000;
  // A drop as the page receives it; the files are made in the page (a real OS drag can't be scripted).
  await page.evaluate((n) => {
    const data = new DataTransfer();
    for (let i = 0; i < n; i++)
      data.items.add(
        new File([`# Dropped ${i}\n\n${'Some words. '.repeat(50)}${i}`], `dropped-${i}.md`, {
          type: 'text/markdown',
        }),
      );
    window.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, count);
  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  // Wait until some files are in, then cancel: the import stops after the current file.
  await expect
    .poll(
      async () =>
        Number(
          /Importing ([\d,]+) of/
            .exec((await progress.textContent()) ?? '')?.[1]
            ?.replace(/,/g, '') ?? 0,
        ),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0);
  const report = page.getByRole('dialog', { name: /Import (cancelled|finished)/ });
  // If every file is in before the click lands, the panel is gone and there is nothing to cancel.
  await progress
    .getByRole('button', { name: 'Cancel import' })
    .click({ timeout: 10_000 })
    .catch(async (error: unknown) => {
      if (!(await report.isVisible())) throw error;
    });
  await expect(report).toBeVisible({ timeout: 60_000 });
  const summary = (await report.locator('.bulk-report-summary').textContent()) ?? '';
  const imported = Number(/([\d,]+) imported/.exec(summary)?.[1]?.replace(/,/g, ''));
  expect(imported).toBeGreaterThan(0);
  expect(imported).toBeLessThanOrEqual(count);
  // Whatever was imported is whole and listed; nothing beyond it (the CLI lists 1,000 at a time).
  let listed = 0;
  for (let offset = 0; offset <= count; offset += 1000)
    listed += (
      JSON.parse(
        (await app.cli(['list', '--json', '--limit', '1000', '--offset', String(offset)])).stdout,
      ) as unknown[]
    ).length;
  expect(listed).toBe(imported);
});
