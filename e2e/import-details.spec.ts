import AxeBuilder from '@axe-core/playwright';
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

test('Import details from a BibTeX file: LaTeX escapes decoded, fields filled, the dialog passes axe, and Undo takes the import back', async ({
  app,
  page,
}) => {
  const id = await openSharedArticle(app, page);
  const bib = String.raw`@article{ji2024,
  title = {Putin's State Visit to North Korea Sets Stage for Elevated Ties},
  author = {Ji, Da-gyum and M{\"u}ller, J{\"o}rg},
  journal = {The Korea Herald},
  year = {2024}, month = jun, volume = {12}, pages = {3--4},
  doi = {10.1234/KH.2024}
}`;
  await page.getByLabel('Import details from a Zotero export').setInputFiles({
    name: 'zotero.bib',
    mimeType: 'application/x-bibtex',
    buffer: Buffer.from(bib),
  });
  const dialog = page.getByRole('dialog', { name: 'Imported details' });
  await expect(dialog.getByRole('status')).toContainText(
    'zotero.bib: details of 1 article updated.',
  );
  const serious = (await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
  expect(serious).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const csl = () =>
    app
      .cli(['article', 'show', id, '--csl'])
      .then((r) => JSON.parse(r.stdout) as Record<string, unknown>);
  expect(await csl()).toMatchObject({
    author: [
      { family: 'Ji', given: 'Da-gyum' },
      { family: 'Müller', given: 'Jörg' },
    ],
    'container-title': 'The Korea Herald',
    volume: '12',
    page: '3-4',
    DOI: '10.1234/KH.2024',
  });
  await expect(page.getByRole('article', { name: 'Reader' }).locator('.reader-meta')).toContainText(
    'Jörg Müller',
  );

  await page.getByRole('button', { name: 'Undo the import of details' }).click();
  await expect
    .poll(
      async () => JSON.parse((await app.cli(['article', 'show', id, '--json'])).stdout).edited,
      {
        timeout: 30_000,
      },
    )
    .toEqual({});
  await expect(
    page.getByRole('article', { name: 'Reader' }).locator('.reader-meta'),
  ).not.toContainText('Jörg Müller');
});
