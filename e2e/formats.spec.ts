import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { makeEpub, xhtml } from '../electron/core/import/epub/fixtures';
import { scannedPdf } from '../electron/core/import/ocr/fixtures';
import { makePdf, textLines } from '../electron/core/import/pdf/fixtures';
import { expect, test } from './fixtures';

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
    await makePdf({ title: 'Tides Across Three Pages', author: 'Ada Marsh', pages }),
  );
}

test('a PDF shows its page breaks, downloads its original and re-parses', async ({ app, page }) => {
  const pdf = await paper();
  await page.goto(app.url);
  // Named .txt: the bytes decide.
  await page
    .getByLabel('Import files')
    .setInputFiles({ name: 'tides.txt', mimeType: 'text/plain', buffer: pdf });
  await page.getByRole('option').filter({ hasText: 'Tides Across Three Pages' }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Tides Across Three Pages');
  await expect(reader).toContainText(
    'Page 2 opens with this sentence about tides. It continues on a second line of the paragraph.',
  );

  const labels = reader.locator('[data-page-label]');
  await expect(labels).toHaveCount(3);
  expect(
    await labels.evaluateAll((els) => els.map((e) => e.getAttribute('data-page-label'))),
  ).toEqual(['1', '2', '3']);
  await expect(labels.nth(1)).toContainText('Page 2 opens');
  // The label is drawn by CSS, never part of the text a selection or passage sees.
  expect(await labels.nth(1).evaluate((e) => getComputedStyle(e, '::before').content)).toBe(
    '"p. 2"',
  );
  await expect(reader.locator('[contenteditable]')).not.toContainText('p. 2');

  const download = page.waitForEvent('download');
  await reader.getByRole('button', { name: 'Download original' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('tides.txt');
  expect(readFileSync((await file.path())!).equals(pdf)).toBe(true);

  await reader.getByRole('button', { name: 'Re-parse' }).click();
  await expect(page.getByText(/Re-parsed from the original/)).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('article.reader').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
});

test('a page saved as "Web page, single file" (MHTML) shows the picture saved in it', async ({
  app,
  page,
}) => {
  // Chromium's own save of a real page (electron/core/import/fixtures/real/README.md).
  const saved = readFileSync(
    'electron/core/import/fixtures/real/python-3.11-tkinter.messagebox.mhtml',
  );
  await page.goto(app.url);
  await page
    .getByLabel('Import files')
    .setInputFiles({ name: 'tkinter.mhtml', mimeType: 'multipart/related', buffer: saved });
  await page.getByRole('option').filter({ hasText: 'tkinter.messagebox' }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(
    'tkinter.messagebox — Tkinter message prompts',
  );
  // The screenshot came out of the file: a picture that has really loaded, not a broken image.
  const picture = reader.locator('[contenteditable] img');
  await expect(picture).toHaveCount(1);
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);

  const download = page.waitForEvent('download');
  await reader.getByRole('button', { name: 'Download original' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('tkinter.mhtml');
  expect(readFileSync((await file.path())!).equals(saved)).toBe(true);
});

test('a Hebrew EPUB reads right to left, chapters in order', async ({ app, page }) => {
  const book = makeEpub({
    metadata:
      '<dc:title>ספר הים</dc:title><dc:creator>דנה לוי</dc:creator><dc:language>he</dc:language>',
    chapters: [
      { id: 'b', href: 'b.xhtml', xhtml: xhtml('<h1>פרק שני</h1><p>הסירות חזרו בבוקר.</p>') },
      { id: 'a', href: 'a.xhtml', xhtml: xhtml('<h1>פרק ראשון</h1><p>הספינה יצאה בלילה.</p>') },
    ],
    spineOrder: ['a', 'b'],
    spineAttrs: ' page-progression-direction="rtl"',
  });
  await page.goto(app.url);
  await page.getByLabel('Import files').setInputFiles({
    name: 'sea.epub',
    mimeType: 'application/epub+zip',
    buffer: Buffer.from(book),
  });
  await page.getByRole('option').filter({ hasText: 'ספר הים' }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader).toHaveAttribute('dir', 'rtl');
  await expect(reader).toHaveAttribute('lang', 'he');
  const headings = await reader
    .locator('[contenteditable] h1, [contenteditable] h2, [contenteditable] h3')
    .allTextContents();
  expect(headings).toEqual(['פרק ראשון', 'פרק שני']);
  expect(
    await reader
      .locator('[contenteditable] p')
      .first()
      .evaluate((e) => getComputedStyle(e).direction),
  ).toBe('rtl');
});

test('a scanned PDF offers OCR: a progress bar with Cancel, then the text with its pages', async ({
  app,
  page,
}) => {
  const scan = Buffer.from(
    scannedPdf([
      ['Harbour tides are delayed by the narrow', 'entrance channels that feed them.'],
      ['The gauges were read every hour', 'for three weeks in March.'],
    ]),
  );
  await page.goto(app.url);
  await page
    .getByLabel('Import files')
    .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: scan });
  await page.getByRole('option').filter({ hasText: 'scan' }).first().click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader).toContainText('No extractable text (scanned?)');

  // Cancel: the bar goes, the article stays as it was.
  await reader.getByRole('button', { name: 'OCR', exact: true }).click();
  await expect(reader.getByLabel('OCR progress')).toBeVisible();
  await reader.getByRole('button', { name: 'Cancel OCR' }).click();
  await expect(page.getByText('OCR cancelled; the article is unchanged.')).toBeVisible({
    timeout: 60_000,
  });
  await expect(reader).toContainText('No extractable text (scanned?)');

  // Run it through: the text read, page by page.
  await reader.getByRole('button', { name: 'OCR', exact: true }).click();
  await expect(reader.getByLabel('OCR progress')).toBeVisible();
  await expect(page.getByText('OCR read 2 pages.')).toBeVisible({ timeout: 150_000 });
  await expect(reader).toContainText('Harbour tides are delayed by the narrow entrance channels');
  const labels = reader.locator('[data-page-label]');
  await expect(labels).toHaveCount(2);
  await expect(labels.nth(1)).toContainText('gauges were read every hour');
  await expect(reader).not.toContainText('No extractable text');
});
