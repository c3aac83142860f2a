import { expect, test } from './fixtures';
import { markWith, openSharedArticle, selectText } from './reader';

const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';

test('Ctrl+Z undoes a new highlight, Ctrl+Shift+Z and Ctrl+Y redo it; a deletion redoes too', async ({
  app,
  page,
}) => {
  await openSharedArticle(app, page);
  const reader = page.getByRole('article', { name: 'Reader' });
  const items = page.getByRole('region', { name: 'Passages' }).locator('.passage-item');

  await selectText(page, QUOTE);
  await reader.focus();
  await page.keyboard.press('h');
  await expect(markWith(page, QUOTE)).toHaveCount(1);
  await expect(items).toHaveCount(1);

  // Undo the creation, redo it (both chords), undo again.
  await page.keyboard.press('Control+z');
  await expect(markWith(page, QUOTE)).toHaveCount(0);
  await expect(items).toHaveCount(0);
  await page.keyboard.press('Control+Shift+Z');
  await expect(markWith(page, QUOTE)).toHaveCount(1);
  await expect(items).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(items).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(items).toHaveCount(1);
  await expect(markWith(page, QUOTE)).toHaveCount(1);

  // Deleting from the passage editor: Ctrl+Z brings it back, Ctrl+Shift+Z deletes it again.
  await markWith(page, QUOTE).first().click();
  await page
    .getByRole('dialog', { name: 'Passage' })
    .getByRole('button', { name: 'Delete passage' })
    .click();
  await expect(items).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(items).toHaveCount(1);
  await page.keyboard.press('Control+Shift+Z');
  await expect(items).toHaveCount(0);
  await expect(markWith(page, QUOTE)).toHaveCount(0);
});
