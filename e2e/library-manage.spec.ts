import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type WebApp } from './fixtures';

/** Three articles imported in this order (the newest import is listed first). */
async function threeArticles(app: WebApp): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [title, author, date] of [
    ['Beta harbours', 'Zed, Anna', '2010-05-01'],
    ['Alpha tides', 'Bloggs, Joe', '2024-06-18'],
    ['Gamma rivers', 'Müller, Eva', ''],
  ] as const) {
    const file = join(app.dir, `${title.split(' ')[0]}.md`);
    writeFileSync(
      file,
      `---\ntitle: ${title}\nauthor: ${author}\n${date ? `date: ${date}\n` : ''}---\n\n${title} are the subject of this text.\n`,
    );
    const r = await app.cli(['import', file, '--json']);
    expect(r.code).toBe(0);
    ids[title] = (JSON.parse(r.stdout) as { id: string }[])[0]!.id;
  }
  return ids;
}

const rows = (page: Page) => page.getByRole('listbox', { name: 'Library' }).getByRole('option');
const titles = (page: Page) => rows(page).locator('.library-row-title');

async function axeSerious(page: Page): Promise<string[]> {
  return (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

test('Delete key moves an article to the trash, Undo brings it back; the Trash restores and empties with confirmation', async ({
  app,
  page,
}) => {
  const ids = await threeArticles(app);
  await page.goto(app.url);
  await expect(titles(page)).toHaveText([/Gamma rivers/, /Alpha tides/, /Beta harbours/]);

  // Delete on the active row, then the toast's Undo.
  await page.getByRole('listbox', { name: 'Library' }).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Delete');
  await expect(titles(page)).toHaveText([/Alpha tides/, /Beta harbours/]);
  await page.getByRole('button', { name: 'Undo moving “Gamma rivers” to the trash' }).click();
  await expect(titles(page)).toHaveText([/Gamma rivers/, /Alpha tides/, /Beta harbours/]);

  // The row menu's Move to trash; the CLI sees it in the trash.
  await rows(page).filter({ hasText: 'Beta harbours' }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Move to trash' }).click();
  await expect(titles(page)).toHaveText([/Gamma rivers/, /Alpha tides/]);
  await expect
    .poll(async () => (await app.cli(['trash', 'list'])).stdout, { timeout: 30_000 })
    .toContain(ids['Beta harbours']);

  // The Trash view: restore one, then trash it again and empty the trash after confirming.
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByRole('dialog', { name: 'Trash' });
  const trashed = trash.getByRole('list', { name: 'Articles in the trash' });
  await expect(trashed.getByRole('listitem')).toHaveText([/Beta harbours/]);
  expect(await axeSerious(page)).toEqual([]);
  await trash.getByRole('button', { name: 'Restore “Beta harbours”' }).click();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  await expect(titles(page)).toHaveText([/Gamma rivers/, /Alpha tides/, /Beta harbours/]);
  await trash.getByRole('button', { name: 'Close' }).click();

  await rows(page).filter({ hasText: 'Alpha tides' }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Move to trash' }).click();
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await trash.getByRole('button', { name: 'Empty trash…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(confirm).toContainText('1 article will be deleted for good');
  // Cancel has focus: Escape or Cancel keeps everything.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(trashed.getByRole('listitem')).toHaveText([/Alpha tides/]);
  await trash.getByRole('button', { name: 'Empty trash…' }).click();
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  await expect
    .poll(async () => (await app.cli(['list', '--json'])).stdout, { timeout: 30_000 })
    .not.toContain(ids['Alpha tides']);
});

test('Sort, type-to-filter (/ and Esc), read state, in both themes', async ({ app, browser }) => {
  await threeArticles(app);
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(app.url);
    await expect(titles(page)).toHaveText([/Gamma rivers/, /Alpha tides/, /Beta harbours/]);

    await page.getByLabel('Sort by').selectOption('title');
    await expect(titles(page)).toHaveText([/Alpha tides/, /Beta harbours/, /Gamma rivers/]);
    await page.getByRole('button', { name: 'Ascending order' }).click();
    await expect(titles(page)).toHaveText([/Gamma rivers/, /Beta harbours/, /Alpha tides/]);
    // Published: undated last.
    await page.getByLabel('Sort by').selectOption('published');
    await expect(titles(page)).toHaveText([/Alpha tides/, /Beta harbours/, /Gamma rivers/]);

    // `/` in the library goes to the filter; typing narrows the list; Esc clears it.
    await page.getByRole('listbox', { name: 'Library' }).focus();
    await page.keyboard.press('/');
    const filter = page.getByLabel('Filter the library by title, author or site');
    await expect(filter).toBeFocused();
    await page.keyboard.type('bloggs');
    await expect(titles(page)).toHaveText([/Alpha tides/]);
    await page.keyboard.press('Escape');
    await expect(filter).toHaveValue('');
    await expect(titles(page)).toHaveCount(3);
    expect(await axeSerious(page)).toEqual([]);

    if (colorScheme === 'light') {
      // Opened for a moment, an article is read: the dot goes; Read state filters; Mark as unread.
      await page.getByLabel('Read state').selectOption('unread');
      await expect(titles(page)).toHaveCount(3);
      await rows(page).filter({ hasText: 'Beta harbours' }).click();
      await expect(titles(page)).toHaveText([/Alpha tides/, /Gamma rivers/], { timeout: 30_000 });
      await page.getByLabel('Read state').selectOption('read');
      await expect(titles(page)).toHaveText([/Beta harbours/]);
      await expect(rows(page).locator('.unread-dot')).toHaveCount(0);
      await rows(page).first().click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Mark as unread' }).click();
      await expect(titles(page)).toHaveCount(0);
      await expect(page.getByText('No articles match.')).toBeVisible();
      await page.getByLabel('Read state').selectOption('all');
      await expect(
        rows(page).filter({ hasText: 'Beta harbours' }).locator('.unread-dot'),
      ).toHaveCount(1);
    }
    await context.close();
  }
});

test('Collections: add from the row menu, filter by one, remove, rename, delete', async ({
  app,
  page,
}) => {
  const ids = await threeArticles(app);
  await page.goto(app.url);
  await expect(titles(page)).toHaveCount(3);
  for (const title of ['Alpha tides', 'Gamma rivers']) {
    await rows(page).filter({ hasText: title }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Add to collection…' }).click();
    const dialog = page.getByRole('dialog', { name: `Add “${title}” to a collection` });
    await dialog.getByLabel('Collection').fill('Thesis');
    expect(await axeSerious(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog).toBeHidden();
  }
  const collection = page.getByLabel('Collection', { exact: true });
  await expect(collection.locator('option')).toHaveText(['All articles', 'Thesis (2)']);
  await collection.selectOption('Thesis');
  await expect(titles(page)).toHaveText([/Gamma rivers/, /Alpha tides/]);
  const cli = JSON.parse(
    (await app.cli(['list', '--collection', 'Thesis', '--sort', 'added', '--json'])).stdout,
  ) as { id: string }[];
  expect(cli.map((a) => a.id)).toEqual([ids['Gamma rivers'], ids['Alpha tides']]);

  await rows(page).filter({ hasText: 'Gamma rivers' }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Remove from “Thesis”' }).click();
  await expect(titles(page)).toHaveText([/Alpha tides/]);

  await page.getByRole('button', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename collection “Thesis”' });
  await rename.getByLabel('New name').fill('Chapter 1');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(collection.locator('option')).toHaveText(['All articles', 'Chapter 1 (1)']);
  await expect(collection).toHaveValue('Chapter 1');
  await expect(titles(page)).toHaveText([/Alpha tides/]);

  await page.getByRole('button', { name: 'Delete…' }).click();
  await page
    .getByRole('dialog', { name: 'Delete collection “Chapter 1”?' })
    .getByRole('button', { name: 'Delete collection' })
    .click();
  await expect(collection.locator('option')).toHaveText(['All articles']);
  await expect(titles(page)).toHaveCount(3);
});
