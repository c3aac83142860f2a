import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makePdf, textLines } from '../electron/core/import/pdf/fixtures';
import { api, expect, test } from './fixtures';
import { LONG_TITLE as TITLE, writeLongArticle } from './reader';

interface Stored {
  text: string;
  readingOffset: number | null;
  pages?: { start: number }[];
}

/** The text of the first paragraph of the reader still on screen at its top edge. */
function topParagraph(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const reader = document.querySelector('article.reader');
    if (!reader) return null;
    const top = reader.getBoundingClientRect().top + 1;
    for (const p of document.querySelectorAll('[aria-label="Article text"] p')) {
      if (p.getBoundingClientRect().bottom > top) return (p.textContent ?? '').slice(0, 15);
    }
    return null;
  });
}

/** Whether `needle` is in the reader's text within its visible area. */
function onScreen(page: Page, needle: string): Promise<boolean> {
  return page.evaluate((needle) => {
    const reader = document.querySelector('article.reader');
    const root = document.querySelector('[aria-label="Article text"]');
    if (!reader || !root) return false;
    const box = reader.getBoundingClientRect();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = (t.textContent ?? '').indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(t, at);
      range.setEnd(t, at + needle.length);
      const r = range.getBoundingClientRect();
      return r.height > 0 && r.top >= box.top && r.bottom <= box.bottom;
    }
    return false;
  }, needle);
}

const reader = (page: Page) => page.getByRole('article', { name: 'Reader' });
const progress = (page: Page) => page.getByRole('progressbar', { name: 'Reading progress' });

test('the reader returns to its place: from the list, after a reload, at another size; progress shown', async ({
  app,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  expect((await app.cli(['import', writeLongArticle(app.dir)])).code).toBe(0);
  const other = await app.cli(['import', join(__dirname, '..', 'README.md')]);
  expect(other.code, other.stderr).toBe(0);
  const listed = JSON.parse((await app.cli(['list', '--json'])).stdout) as {
    id: string;
    title: string;
  }[];
  const id = listed.find((a) => a.title === TITLE)!.id;
  const otherTitle = listed.find((a) => a.id !== id)!.title;

  await page.goto(app.url);
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '0');

  // Read down to paragraph 20.1: its start is stored as the place, once scrolling pauses.
  await page.evaluate(() => {
    for (const p of document.querySelectorAll('[aria-label="Article text"] p'))
      if (p.textContent?.startsWith('Paragraph 20.1')) p.scrollIntoView({ block: 'start' });
  });
  await expect(reader(page).getByRole('heading', { level: 1 })).not.toBeInViewport();
  const { text } = await api<Stored>(app, 'articles.get', { id });
  const expected = text.indexOf('Paragraph 20.1');
  await expect
    .poll(async () => (await api<Stored>(app, 'articles.get', { id })).readingOffset, {
      timeout: 15_000,
    })
    .toBe(expected);
  const percent = Number(await progress(page).getAttribute('aria-valuenow'));
  expect(percent).toBeGreaterThan(50);
  expect(percent).toBeLessThan(80);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`reading-place-${colorScheme}-1024.png`) });
    const axe = await new AxeBuilder({ page }).include('article.reader').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );
  }

  // Another article, then this one again from the list: back at paragraph 20.1.
  await page.getByRole('option').filter({ hasText: otherTitle }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(otherTitle);
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect.poll(() => topParagraph(page)).toBe('Paragraph 20.1 ');

  // A reload opens the article again, at its place.
  await page.reload();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect.poll(() => topParagraph(page)).toBe('Paragraph 20.1 ');

  // At another window size the place is the same text (an offset, not pixels).
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.reload();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect.poll(() => topParagraph(page)).toBe('Paragraph 20.1 ');
  await page.screenshot({ path: testInfo.outputPath('reading-place-1920.png') });
});

test('the page view keeps the place too: the page read is where a reload reopens', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const pages = Array.from({ length: 6 }, (_, i) =>
    textLines(
      [
        `Page ${i + 1} of the harbour ledger begins here.`,
        ...Array.from({ length: 20 }, (_, k) => `Line ${k + 1} of page ${i + 1} notes a ship.`),
      ],
      700,
    ),
  );
  const pdf = await makePdf({ title: 'Harbour Ledger', pages });
  const file = join(app.dir, 'ledger.pdf');
  writeFileSync(file, pdf);
  expect((await app.cli(['import', file])).code).toBe(0);
  const id = (JSON.parse((await app.cli(['list', '--json'])).stdout) as { id: string }[])[0]!.id;

  await page.goto(app.url);
  await page.getByRole('option').filter({ hasText: 'Harbour Ledger' }).click();
  await reader(page).getByRole('button', { name: 'Page view' }).click();
  const field = page.getByRole('textbox', { name: /Page number/ });
  await expect(page.locator('.pv-page[data-page-number="1"] .textLayer[data-ready]')).toHaveCount(
    1,
    { timeout: 30_000 },
  );
  await field.fill('4');
  await field.press('Enter');
  await expect(field).toHaveValue('4');
  const stored = await api<Stored>(app, 'articles.get', { id });
  const pageFour = stored.pages![3]!.start;
  await expect
    .poll(async () => (await api<Stored>(app, 'articles.get', { id })).readingOffset, {
      timeout: 15_000,
    })
    .toBe(pageFour);

  await page.reload();
  await expect(page.getByRole('textbox', { name: /Page number/ })).toHaveValue('4', {
    timeout: 30_000,
  });
  // And in the text, the same place: page 4's first line at the top.
  await reader(page).getByRole('button', { name: 'Text view' }).click();
  await expect.poll(() => onScreen(page, 'Page 4 of the harbour ledger')).toBe(true);
  expect(await onScreen(page, 'Page 1 of the harbour ledger')).toBe(false);
});
