import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { SHARED_TITLE, openSharedArticle } from './reader';

const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';

test('Edit details: the metadata saved from the reader changes the citation, and Undo restores it', async ({
  app,
  browser,
}) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const id = await openSharedArticle(app, page);
  expect((await app.cli(['passage', 'add', id, '--quote', QUOTE])).code).toBe(0);
  await page.reload();
  await page.getByRole('listbox', { name: 'Library' }).getByRole('option').first().click();

  const copyApa = async () => {
    await page.locator('mark').filter({ hasText: 'mutual settlements' }).first().click();
    const editor = page.getByRole('dialog', { name: 'Passage' });
    await editor.getByLabel('Citation style').selectOption('apa');
    await editor.getByRole('button', { name: 'Copy as citation' }).click();
    await expect(editor.getByRole('status')).toHaveText('Copied');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    await page.keyboard.press('Escape');
    await expect(editor).toBeHidden();
    return text;
  };
  const before = await copyApa();
  expect(before).not.toContain('The Korea Herald');

  const reader = page.getByRole('article', { name: 'Reader' });
  await reader.getByRole('button', { name: 'Edit details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit details' });
  await expect(dialog.getByLabel('Item type')).toBeFocused();
  // A date that is no date is refused, naming the field; nothing is saved.
  await dialog.getByLabel('Date', { exact: true }).fill('someday');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Date: "someday" is not a date');
  await dialog.getByLabel('Date', { exact: true }).fill('2024-06-18');
  await dialog.getByLabel('Item type').selectOption('article-newspaper');
  await dialog.getByLabel('Authors').fill('Ji, Da-gyum');
  await dialog.getByLabel('Publication').fill('The Korea Herald');
  const serious = (await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
  expect(serious).toEqual([]);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // The reader's header and the citation both say the publication now.
  await expect(reader.locator('.reader-meta')).toContainText('The Korea Herald');
  const after = await copyApa();
  expect(after).toMatch(/— Ji, D\.(?:-G\.)? \(2024, June 18\)\. .*The Korea Herald\./);

  // Undo (the toast's button) puts everything back.
  await page.getByRole('button', { name: 'Undo the edit of the details' }).click();
  await expect(reader.locator('.reader-meta')).not.toContainText('The Korea Herald');
  await expect
    .poll(
      async () => JSON.parse((await app.cli(['article', 'show', id, '--json'])).stdout).edited,
      {
        timeout: 30_000,
      },
    )
    .toEqual({});
  expect(await copyApa()).toBe(before);
  await context.close();
});

test('Edit details from the library: the row menu (right click on a row, or the Menu key on the active row)', async ({
  app,
  page,
}) => {
  const id = await openSharedArticle(app, page);
  const row = page.getByRole('option').filter({ hasText: SHARED_TITLE });
  const dialog = page.getByRole('dialog', { name: 'Edit details' });

  // The Menu key on the active row opens the dialog; Escape closes it without saving.
  await page.getByRole('listbox', { name: 'Library' }).focus();
  await page.keyboard.press('ContextMenu');
  const menu = page.getByRole('menu', { name: `Actions for “${SHARED_TITLE}”` });
  await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Item type')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await row.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Edit details…' }).click();
  await expect(dialog.getByLabel('Item type')).toBeFocused();
  await dialog.getByLabel('Publication').fill('The Korea Herald');
  // A web page's revision date (Chicago's "Last modified"), carried to the CSL-JSON.
  await dialog.getByLabel('Last modified').fill('2024-06-19');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(
      async () =>
        JSON.parse((await app.cli(['article', 'show', id, '--json'])).stdout).edited[
          'container-title'
        ],
      { timeout: 30_000 },
    )
    .toBe('The Korea Herald');
  expect(JSON.parse((await app.cli(['article', 'show', id, '--csl'])).stdout).modified).toEqual({
    'date-parts': [[2024, 6, 19]],
  });
  // The open reader shows the change too.
  await expect(page.getByRole('article', { name: 'Reader' }).locator('.reader-meta')).toContainText(
    'The Korea Herald',
  );
});

test('Edit details from the library: a visible button under the list for the selected row, reached with Tab', async ({
  app,
  page,
}) => {
  const id = await openSharedArticle(app, page);
  const list = page.getByRole('listbox', { name: 'Library' });
  const dialog = page.getByRole('dialog', { name: 'Edit details' });
  const button = page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: 'Edit details…' });

  // The selected row's button: Tab from the list reaches it, Enter opens the dialog for that row.
  await list.focus();
  await expect(list.getByRole('option', { selected: true })).toContainText(SHARED_TITLE);
  await expect(button).toBeVisible();
  await expect(button).toHaveAccessibleDescription(SHARED_TITLE);
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  const serious = (await new AxeBuilder({ page }).include('.library-pane').analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
  expect(serious).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Item type')).toBeFocused();
  await dialog.getByLabel('Volume').fill('12');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(
      async () =>
        JSON.parse((await app.cli(['article', 'show', id, '--json'])).stdout).edited.volume,
      { timeout: 30_000 },
    )
    .toBe('12');
});
