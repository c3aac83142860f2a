/**
 * A document's own contents in the reader (#20 point 3): an EPUB's navigation (here an EPUB 2
 * NCX, whose labels differ from the chapter headings) and a PDF's outline, listed instead of the
 * headings; an entry jumps to its place, in the text and in the page view.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makeEpub, xhtml } from '../electron/core/import/epub/fixtures';
import { makePdf, textLines } from '../electron/core/import/pdf/fixtures';
import { expect, test } from './fixtures';

/** Whether the reader's text shows `text` on screen. */
function onScreen(page: Page, text: string): Promise<boolean> {
  return page.evaluate((text) => {
    const reader = document.querySelector('article.reader')!.getBoundingClientRect();
    for (const p of document.querySelectorAll('[aria-label="Article text"] p')) {
      if (!p.textContent?.startsWith(text)) continue;
      const r = p.getBoundingClientRect();
      return r.top >= reader.top - 1 && r.top < reader.bottom;
    }
    return false;
  }, text);
}

async function seriousViolations(page: Page): Promise<string[]> {
  return (await new AxeBuilder({ page }).include('nav[aria-label="Contents"]').analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

const filler = (what: string) =>
  Array.from(
    { length: 25 },
    (_, i) => `<p>${what}, paragraph ${i + 1}, goes on at length.</p>`,
  ).join('');

test('an EPUB lists its own navigation as the contents; an entry jumps into the middle of a chapter', async ({
  app,
  page,
}) => {
  const ncx = `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
    <navPoint><navLabel><text>The voyage out</text></navLabel><content src="one.xhtml"/>
      <navPoint><navLabel><text>Landfall at dusk</text></navLabel><content src="one.xhtml#landfall"/></navPoint>
    </navPoint>
    <navPoint><navLabel><text>The voyage home</text></navLabel><content src="two.xhtml"/></navPoint>
  </navMap></ncx>`;
  const book = makeEpub({
    version: '2.0',
    metadata: '<dc:title>Two Voyages</dc:title><dc:language>en</dc:language>',
    chapters: [
      {
        id: 'one',
        href: 'one.xhtml',
        xhtml: xhtml(
          `<h1>Chapter 1</h1>${filler('Outward')}<p id="landfall">Land was sighted at dusk on the ninth day.</p>${filler('Ashore')}`,
        ),
      },
      { id: 'two', href: 'two.xhtml', xhtml: xhtml(`<h1>Chapter 2</h1>${filler('Homeward')}`) },
    ],
    ncx,
  });
  await page.goto(app.url);
  await page.getByLabel('Import files').setInputFiles({
    name: 'voyages.epub',
    mimeType: 'application/epub+zip',
    buffer: Buffer.from(book),
  });
  await page.getByRole('option').filter({ hasText: 'Two Voyages' }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  const contents = reader.getByRole('navigation', { name: 'Contents' });
  const toggle = contents.getByRole('button', { name: /Contents \(\d+\)/ });
  await expect(toggle).toHaveText(/Contents \(3\)/);
  await toggle.click();
  // The book's own labels, nested as in the NCX, not the headings "Chapter 1" / "Chapter 2".
  await expect(contents.getByRole('listitem')).toHaveText([
    'The voyage out',
    'Landfall at dusk',
    'The voyage home',
  ]);
  expect(await onScreen(page, 'Land was sighted')).toBe(false);
  await contents.getByRole('button', { name: 'Landfall at dusk' }).click();
  await expect.poll(() => onScreen(page, 'Land was sighted')).toBe(true);
  await expect(contents.getByRole('button', { name: 'Landfall at dusk' })).toHaveAttribute(
    'aria-current',
    'location',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('a PDF lists its outline as the contents; an entry jumps to its page, in the text and in page view', async ({
  app,
  page,
}) => {
  const pageOf = (title: string, n: number) => [
    { text: title, y: 720, size: 18, bold: true },
    ...textLines(
      Array.from({ length: 16 }, (_, i) => `Page ${n} line ${i + 1} tells of the harbour works.`),
      690,
    ),
  ];
  const pdf = await makePdf({
    title: 'Harbour Works Report',
    pages: [
      pageOf('Summary', 1),
      pageOf('Dredging', 2),
      pageOf('Breakwater', 3),
      pageOf('Costs', 4),
    ],
    outline: [
      { title: 'Summary', page: 0 },
      { title: 'The works', page: 1, children: [{ title: 'The breakwater', page: 2 }] },
      { title: 'What it cost', page: 3 },
    ],
  });
  await page.goto(app.url);
  await page.getByLabel('Import files').setInputFiles({
    name: 'works.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(pdf),
  });
  await page.getByRole('option').filter({ hasText: 'Harbour Works Report' }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  const contents = reader.getByRole('navigation', { name: 'Contents' });
  await contents.getByRole('button', { name: /Contents \(\d+\)/ }).click();
  await expect(contents.getByRole('listitem')).toHaveText([
    'Summary',
    'The works',
    'The breakwater',
    'What it cost',
  ]);
  await contents.getByRole('button', { name: 'What it cost' }).click();
  await expect.poll(() => onScreen(page, 'Page 4 line 1 ')).toBe(true);

  // Page view: the entry goes to its page, even when clicked while the original is still being
  // fetched (held back here until the click is done, as a slow machine would).
  let clicked = () => {};
  const entryClicked = new Promise<void>((resolve) => (clicked = resolve));
  await page.route('**/api/articles.original', async (route) => {
    await entryClicked;
    await route.continue();
  });
  await reader.getByRole('button', { name: 'Page view' }).click();
  await expect(reader.getByText('Opening the pages…')).toBeVisible();
  await contents.getByRole('button', { name: 'The breakwater' }).click();
  clicked();
  await expect(page.getByLabel(/^Page number/)).toHaveValue('3', { timeout: 30_000 });
  await expect(page.locator('.pv-page[data-page-number="3"] .textLayer')).toContainText(
    'Page 3 line 1',
    { timeout: 30_000 },
  );
});
