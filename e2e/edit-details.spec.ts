import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { openSharedArticle } from './reader';

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
  await page.getByRole('option').first().click();

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
