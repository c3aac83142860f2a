import { expect, test } from './fixtures';
import { openSharedArticle } from './reader';

test('Import details: a Zotero RIS export picked in the app fills the matching article and names what matched nothing', async ({
  app,
  page,
}) => {
  const id = await openSharedArticle(app, page);
  const ris = [
    'TY  - NEWS',
    "TI  - Putin's State Visit to North Korea Sets Stage for Elevated Ties",
    'AU  - Ji, Da-gyum',
    'T2  - The Korea Herald',
    'DA  - 2024/06/18',
    'ER  - ',
    'TY  - BOOK',
    'TI  - Café society',
    'ER  - ',
    '',
  ].join('\n');
  await page.getByLabel('Import details from a Zotero export').setInputFiles({
    name: 'zotero.ris',
    mimeType: 'application/x-research-info-systems',
    buffer: Buffer.from(ris),
  });
  const dialog = page.getByRole('dialog', { name: 'Imported details' });
  await expect(dialog.getByRole('status')).toContainText(
    'zotero.ris: details of 1 article updated.',
  );
  await expect(dialog.getByRole('list', { name: 'Matched', exact: true })).toContainText(
    '(by title)',
  );
  await expect(dialog.getByRole('list', { name: 'Unmatched' })).toHaveText('“Café society”');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // The open reader shows the imported publication; the library has it too.
  await expect(page.getByRole('article', { name: 'Reader' }).locator('.reader-meta')).toContainText(
    'The Korea Herald',
  );
  const shown = JSON.parse((await app.cli(['article', 'show', id, '--json'])).stdout);
  expect(shown.edited['container-title']).toBe('The Korea Herald');

  // A file that is no export is refused with one line naming it; nothing changes.
  await page.getByLabel('Import details from a Zotero export').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"not": "csl"'),
  });
  await expect(dialog.getByRole('alert')).toContainText('notes.json:');
});
