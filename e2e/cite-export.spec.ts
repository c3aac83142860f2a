import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { makePdf, textLines } from '../electron/core/import/pdf/fixtures';
import { expect, test } from './fixtures';

const STYLE_FILE = join(
  __dirname,
  '..',
  'electron',
  'core',
  'citations',
  'fixtures',
  'harvard-test.csl',
);

async function paper(): Promise<Buffer> {
  const pages = [1, 2, 3].map((n) => [
    ...textLines(
      [
        `Page ${n} opens with this sentence about tides.`,
        'It continues on a second line of the paragraph.',
      ],
      700,
    ),
    { text: String(n), x: 300, y: 40, size: 9 },
  ]);
  return Buffer.from(
    await makePdf({
      title: 'Tides Across Three Pages',
      author: 'Ada Marsh',
      pages,
      creationDate: new Date('2021-03-04T00:00:00Z'),
    }),
  );
}

const serious = async (page: import('@playwright/test').Page, selector: string) =>
  (await new AxeBuilder({ page }).include(selector).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);

test('export with APA from the dialog: an in-text citation with the PDF page after the excerpt, the reference list at the end; an added .csl style cites in its own locale', async ({
  app,
  page,
}, testInfo) => {
  test.slow();
  await page.goto(app.url);
  await page
    .getByLabel('Import files')
    .setInputFiles({ name: 'tides.pdf', mimeType: 'application/pdf', buffer: await paper() });
  await expect(
    page.getByRole('option').filter({ hasText: 'Tides Across Three Pages' }),
  ).toBeVisible({ timeout: 90_000 }); // the PDF parser's thread starts first: slow on a loaded machine
  const id = (JSON.parse((await app.cli(['list', '--json'])).stdout) as { id: string }[])[0]!.id;
  expect(
    (
      await app.cli([
        'passage',
        'add',
        id,
        '--quote',
        'Page 2 opens with this sentence about tides.',
      ])
    ).code,
  ).toBe(0);

  await page.getByRole('option').filter({ hasText: 'Tides Across Three Pages' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export passages' });
  await expect(dialog.getByRole('status').first()).toContainText('1 excerpt from 1 source');
  await dialog.getByLabel('Citations').selectOption('apa');
  const preview = dialog.getByTestId('export-preview');
  await expect(preview).toContainText(/— \(Marsh, \d{4}, p\. 2\)/);

  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const file = testInfo.outputPath('apa.md');
  await (await downloaded).saveAs(file);
  const md = readFileSync(file, 'utf8');
  expect(md).toMatch(
    /> Page 2 opens with this sentence about tides\.\n\n— \(Marsh, (\d{4}), p\. 2\)/,
  );
  const year = /— \(Marsh, (\d{4}), p\. 2\)/.exec(md)![1];
  expect(md).toMatch(
    new RegExp(`## References\\n\\nMarsh, A\\. \\(${year}\\)\\. \\*Tides Across Three Pages\\*\\.`),
  );
  expect(md).not.toContain('tides.pdf');

  // An added style: picked as a file beside the style list, chosen at once, offered to the preview.
  await dialog.getByLabel('Add a .csl style file').setInputFiles(STYLE_FILE);
  await expect(dialog.getByText('Added “Harvard (Commonplace test)”.')).toBeVisible();
  await expect(dialog.getByLabel('Citations')).toHaveValue(/^user:/);
  await expect(preview).toContainText(`— \\[Marsh ${year}, S. 2\\]`);
  expect(await serious(page, 'dialog.export-dialog')).toEqual([]);
  // Added twice: refused with the file's name; the list is unchanged.
  await dialog.getByLabel('Add a .csl style file').setInputFiles(STYLE_FILE);
  await expect(dialog.getByRole('alert')).toContainText(
    'harvard-test.csl: “Harvard (Commonplace test)” is already in the library',
  );
  // Removed: the picker falls back to the short citation.
  await dialog.getByRole('button', { name: 'Remove style Harvard (Commonplace test)' }).click();
  await expect(dialog.getByLabel('Citations')).toHaveValue('');
  await expect(dialog.getByRole('option', { name: /Harvard/ })).toHaveCount(0);
});
