import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

// The report event carries the first 200 rows of each outcome; the dialog fetches the rest on request.
test('a report longer than one page shows the first rows at once and the rest on "Show more"', async ({
  app,
  page,
}) => {
  const folder = join(app.dir, 'many');
  mkdirSync(folder);
  for (let i = 0; i < 230; i++)
    writeFileSync(
      join(folder, `n${String(i).padStart(3, '0')}.md`),
      `# Paged note ${i}\n\nText of note ${i}.`,
    );
  writeFileSync(join(folder, 'zz-empty.md'), '');
  // Imported all the same, with a warning: its front matter is not YAML.
  writeFileSync(
    join(folder, 'n007.md'),
    '---\ntitle: [unclosed\n---\n# Paged note 7\n\nText of note 7.',
  );
  await page.goto(app.url);
  await page.getByLabel('Import a folder').setInputFiles(folder);

  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report).toContainText(
    '230 imported (1 with warnings), 0 already in the library, 1 failed',
  );
  await expect(report.locator('details', { hasText: 'Failed (1)' })).toContainText(
    'many/zz-empty.md',
  );
  const warned = report.locator('details', { hasText: 'Imported with warnings (1)' });
  await expect(warned.locator('.bulk-report-list li')).toHaveText(
    /^many\/n007\.md → Paged note 7\s*front matter is not valid YAML/,
  );

  const imported = report.locator('details', { hasText: 'Imported (230)' });
  await imported.locator('summary').click();
  const rows = imported.locator('.bulk-report-list li');
  await expect(rows).toHaveCount(200);
  await expect(imported).toContainText('30 more');

  const axe = await new AxeBuilder({ page }).include('dialog.bulk-report').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );

  await imported.getByRole('button', { name: 'Show 30 more' }).click();
  await expect(rows).toHaveCount(230);
  // Every file once (in the order the folder picker gave them), and nothing left to load.
  const files = await imported.locator('.bulk-report-file').allTextContents();
  expect(files.sort()).toEqual(
    Array.from({ length: 230 }, (_, i) => `many/n${String(i).padStart(3, '0')}.md`),
  );
  await expect(imported.getByRole('button', { name: /Show/ })).toHaveCount(0);
  await report.getByRole('button', { name: 'Close' }).click();

  // Again: now every file is a duplicate, and that list pages the same way.
  await page.getByLabel('Import a folder').setInputFiles(folder);
  const again = page.getByRole('dialog', { name: 'Import finished' });
  await expect(again).toContainText('0 imported, 230 already in the library, 1 failed', {
    timeout: 60_000,
  });
  const duplicates = again.locator('details', { hasText: 'Already in the library (230)' });
  await duplicates.locator('summary').click();
  await expect(duplicates.locator('.bulk-report-list li')).toHaveCount(200);
  await duplicates.getByRole('button', { name: 'Show 30 more' }).click();
  await expect(duplicates.locator('.bulk-report-list li')).toHaveCount(230);
});
