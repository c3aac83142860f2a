/**
 * The client's data flow: what a mutation costs in API calls (its answer is used, not fetched
 * again), and that every open view catches up after the event stream was down.
 */
import type { Page } from '@playwright/test';
import { expect, test, type WebApp } from './fixtures';
import { apiCalls, apiEvents, recordApiCalls, settled } from './apiLog';
import { markWith, openSharedArticle, selectText } from './reader';

const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';

test('one highlight costs one API call: its answer updates the reader, and its own event refetches nothing', async ({
  app,
  page,
}) => {
  await recordApiCalls(page);
  await openRead(app, page);
  // Bring the quote on screen first: the reader saves its place after that scroll (the scroll's
  // cost, measured by the next test), so it is over before the highlight's calls are counted.
  await scrollToPlaceSaved(page, QUOTE);
  const callsBefore = (await apiCalls(page)).length;
  const eventsBefore = (await apiEvents(page)).length;

  await selectText(page, QUOTE);
  await page.keyboard.press('h');
  await expect(markWith(page, QUOTE)).toHaveCount(1);
  // The server's event for the new passage has reached the page; whatever it triggers is counted.
  await expect
    .poll(async () => (await apiEvents(page)).slice(eventsBefore).join(''))
    .toContain('"passage"');
  await settled(page);

  const calls = (await apiCalls(page)).slice(callsBefore);
  console.log(`calls for one highlight: ${calls.length} (${calls.join(', ')})`);
  expect(calls).toEqual(['passages.create']);
  await expect(page.getByRole('region', { name: 'Passages' })).toContainText(QUOTE);
});

test('saving the reading place costs its own call: its event refreshes no list', async ({
  app,
  page,
}) => {
  await recordApiCalls(page);
  await openRead(app, page);
  const callsBefore = (await apiCalls(page)).length;
  const eventsBefore = (await apiEvents(page)).length;

  await scrollToPlaceSaved(page, QUOTE);
  // The save's change event has reached the page; whatever it triggers is counted.
  await expect
    .poll(async () => (await apiEvents(page)).slice(eventsBefore).join(''))
    .toContain('"reading_place"');
  await settled(page);

  const calls = (await apiCalls(page)).slice(callsBefore);
  console.log(`calls for one reading-place save: ${calls.length} (${calls.join(', ')})`);
  expect(calls).toEqual(['articles.setReadingPlace']);
});

test('an edit of the details costs its call and the list rows: its event refetches no links, collections or tags', async ({
  app,
  page,
}) => {
  await recordApiCalls(page);
  await openRead(app, page);
  await page
    .getByRole('article', { name: 'Reader' })
    .getByRole('button', { name: 'Edit details' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Edit details' });
  await dialog.getByLabel('Publication').fill('The Korea Herald');
  await settled(page);
  const callsBefore = (await apiCalls(page)).length;
  const eventsBefore = (await apiEvents(page)).length;

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.reader-meta')).toContainText('The Korea Herald');
  // The edit's change event has reached the page; whatever it triggers is counted.
  await expect
    .poll(async () => (await apiEvents(page)).slice(eventsBefore).join(''))
    .toContain('"article"');
  await settled(page);

  const calls = (await apiCalls(page)).slice(callsBefore);
  console.log(`calls for one edit of the details: ${calls.length} (${calls.join(', ')})`);
  // What shows the details: the article (its header, its citations) and the list rows. Not the
  // links panels, the collections or the tags (an edit moves nothing in or out of the trash).
  expect(calls[0]).toBe('articles.setMeta');
  expect(calls.slice(1).sort()).toEqual(['articles.get', 'articles.list']);
});

/**
 * Opens the shared article and waits until it has been marked read (3 s after it shows) and
 * everything that set off is over: on a loaded machine, that call otherwise lands among the ones
 * a test counts.
 */
async function openRead(app: WebApp, page: Page): Promise<void> {
  await openSharedArticle(app, page);
  await expect
    .poll(async () => (await apiCalls(page)).includes('articles.markRead'), { timeout: 30_000 })
    .toBe(true);
  await settled(page);
}

/** Scrolls the reader until `text` is at its middle and waits for the place the reader saves. */
async function scrollToPlaceSaved(page: Page, text: string): Promise<void> {
  const saves = async () =>
    (await apiCalls(page)).filter((c) => c === 'articles.setReadingPlace').length;
  const before = await saves();
  const scrollTop = () =>
    page.evaluate(() => document.querySelector<HTMLElement>('article.reader')!.scrollTop);
  const top = await scrollTop();
  // selectText scrolls the quote to the middle; selecting it again later scrolls no further.
  await selectText(page, text);
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  const moved = (await scrollTop()) !== top;
  expect(moved, 'the quote should start below the first screen').toBe(true);
  await expect.poll(saves, { timeout: 30_000 }).toBe(before + 1);
  await settled(page);
}

test('saving an edited article shows its answer: the article is not fetched again', async ({
  app,
  page,
}) => {
  await recordApiCalls(page);
  await openRead(app, page);
  const callsBefore = (await apiCalls(page)).length;

  await page.getByRole('button', { name: 'Edit text' }).click();
  const text = page.getByRole('textbox', { name: 'Article text (editing)' });
  await expect(text).toBeVisible();
  await page.evaluate((quote) => {
    const root = document.querySelector('[aria-label="Article text (editing)"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(quote);
      if (at >= 0) {
        document.getSelection()?.setBaseAndExtent(n, at, n, at + quote.length);
        return;
      }
    }
  }, QUOTE);
  await page.keyboard.type('new economic arrangements');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[aria-label="Article text"]')).toContainText(
    'new economic arrangements',
  );
  await expect.poll(async () => (await apiEvents(page)).join('')).toContain('"article"');
  await settled(page);

  const calls = (await apiCalls(page)).slice(callsBefore);
  console.log(`calls for one article edit: ${calls.length} (${calls.join(', ')})`);
  expect(calls[0]).toBe('articles.updateBody');
  expect(calls).not.toContain('articles.get');
});
