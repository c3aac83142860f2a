import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('after a reload, scrolling the library and clicking a row opens that article where the list is', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const folder = join(app.dir, 'many');
  mkdirSync(folder);
  for (let i = 0; i < 150; i++)
    writeFileSync(
      join(folder, `a${String(i).padStart(3, '0')}.md`),
      `---\ntitle: Article number ${i}\n---\n\nBody of article ${i}.\n`,
    );
  expect((await app.cli(['import', folder])).code).toBe(0);
  await page.goto(app.url);
  const list = page.getByRole('listbox', { name: 'Library' });
  await expect(list.getByRole('option').first()).toContainText('Article number');
  await page.reload();
  await expect(list.getByRole('option').first()).toContainText('Article number');
  await list.hover();
  await page.mouse.wheel(0, 4000);
  await expect
    .poll(() => list.evaluate((e) => e.scrollTop), { timeout: 30_000 })
    .toBeGreaterThan(2000);
  const row = list
    .getByRole('option')
    .filter({ hasText: /Article number \d+$/ })
    .nth(10);
  await expect(row).toBeVisible();
  const title = (await row.locator('.library-row-title').innerText())
    .replace(/^Unread:\s*/, '')
    .trim();
  const before = await list.evaluate((e) => e.scrollTop);
  await row.click();
  // The row clicked opens (the list used to jump to its top and open nothing).
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(title, {
    timeout: 30_000,
  });
  expect(await list.evaluate((e) => e.scrollTop)).toBeGreaterThan(before - 200);
});
