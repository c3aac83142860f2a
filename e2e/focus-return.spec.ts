import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { selectText } from './reader';

const TITLE = 'Harbour Office Notes';

test('focus returns to where it came from when a dialog closes (passage editor, link dialog)', async ({
  app,
  page,
}) => {
  const file = join(app.dir, 'harbour.md');
  writeFileSync(
    file,
    `# ${TITLE}\n\nThe tides and the pilots kept the port busy all week.\n\n` +
      'Ask [the harbour office](https://example.org/harbour) for the ledger of arrivals.\n',
  );
  expect((await app.cli(['import', file])).code).toBe(0);
  await page.goto(app.url);
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);

  // From the keyboard: the toolbar button that opened the passage editor goes away with the
  // selection, so the reader gets the focus back (not the page).
  await selectText(page, 'tides and the pilots');
  await reader.focus();
  await page.keyboard.press('Tab');
  const tag = page
    .getByRole('toolbar', { name: 'Selected text' })
    .getByRole('button', { name: 'Tag…' });
  await tag.focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: 'Passage' });
  await expect(editor.getByRole('combobox', { name: 'Tags' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(reader).toBeFocused();

  const link = reader.getByRole('link', { name: 'the harbour office' });
  await link.focus();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: 'Open this link in your browser?' });
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(link).toBeFocused();
});
