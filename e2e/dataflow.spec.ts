/**
 * The client's data flow: what a mutation costs in API calls (its answer is used, not fetched
 * again), and that every open view catches up after the event stream was down.
 */
import { expect, test } from './fixtures';
import { apiCalls, apiEvents, recordApiCalls, settled } from './apiLog';
import { markWith, openSharedArticle, selectText } from './reader';

const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';

test('one highlight costs one API call: its answer updates the reader, and its own event refetches nothing', async ({
  app,
  page,
}) => {
  await recordApiCalls(page);
  await openSharedArticle(app, page);
  await settled(page);
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

  const all = (await apiCalls(page)).slice(callsBefore);
  // The reader saves the reading place 0.7 s after scrolling stops; on a loaded machine that save
  // (and the lists its article event refreshes) can land inside this window. It is the scroll's
  // cost, not the highlight's, so it is left out when it happened.
  const placeSave = all.includes('articles.setReadingPlace')
    ? ['articles.setReadingPlace', 'articles.list', 'collections.list', 'tags.list', 'links.list']
    : [];
  const calls = all.filter((c) => !placeSave.includes(c));
  console.log(`calls for one highlight: ${calls.length} (${all.join(', ')})`);
  expect(calls).toEqual(['passages.create']);
  await expect(page.getByRole('region', { name: 'Passages' })).toContainText(QUOTE);
});

test('saving an edited article shows its answer: the article is not fetched again', async ({
  app,
  page,
}) => {
  await recordApiCalls(page);
  await openSharedArticle(app, page);
  await settled(page);
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
