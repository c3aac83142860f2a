/**
 * After the event stream drops and comes back, every open view shows what another writer changed
 * meanwhile: the server never resends what it sent while the page was away, so only the client's
 * "everything changed" on reconnecting brings the library list, the reader and the note up to date.
 *
 * The drop is cut in the page, at `fetch`: the open stream errors (its request is cancelled, so the
 * server sees it close) and every reconnect attempt fails like a refused connection until the test
 * lets it through. (Going offline does not cut a loopback stream, and `serve` cannot restart with
 * the same token, which the page keeps.)
 */
import { api, expect, test } from './fixtures';
import { installStreamSwitch } from './streamSwitch';
import { SHARED_TITLE, markWith, openSharedArticle } from './reader';

const QUOTE = 'jointly oppose illegitimate';
const NEW_TITLE = 'State visit retitled by another writer';

test('after the event stream drops and reconnects, the list, the reader and the open note show what changed meanwhile', async ({
  app,
  page,
}) => {
  await installStreamSwitch(page);
  const note = await api<{ id: string }>(app, 'notes.create', {
    title: 'Visit notes',
    markdown: 'First draft of the note.',
  });
  const articleId = await openSharedArticle(app, page);

  // The note opens beside the reader; the article list stays mounted behind its tab.
  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('option').filter({ hasText: 'Visit notes' }).click();
  const noteText = page.getByRole('region', { name: 'Note' }).getByRole('textbox', {
    name: 'Note text',
  });
  await expect(noteText).toContainText('First draft of the note.');
  await page.getByRole('tab', { name: 'Articles' }).click();
  const list = page.getByRole('listbox').filter({ hasText: SHARED_TITLE });
  await expect(list).toBeVisible();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(SHARED_TITLE);
  await expect.poll(() => page.evaluate(() => window.__events!.opened)).toBeGreaterThan(0);

  // The stream drops, and the page has tried (and failed) to reconnect before anything changes.
  await page.evaluate(() => window.__events!.cut());
  await expect.poll(() => page.evaluate(() => window.__events!.refused)).toBeGreaterThan(0);
  const opened = await page.evaluate(() => window.__events!.opened);

  // Meanwhile: the CLI keeps a passage; a second API client retitles the article and edits the note.
  const added = await app.cli(['passage', 'add', articleId, '--quote', QUOTE]);
  expect(added.code, added.stderr).toBe(0);
  await api(app, 'articles.setMeta', { id: articleId, patch: { title: NEW_TITLE } });
  const current = await api<{ doc: unknown }>(app, 'notes.get', { id: note.id });
  const doc = JSON.parse(
    JSON.stringify(current.doc).replace(
      'First draft of the note.',
      'Second draft, from elsewhere.',
    ),
  ) as unknown;
  await api(app, 'notes.update', { id: note.id, doc });

  // The views still show the old state: nothing reached the page while the stream was down.
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(SHARED_TITLE);
  await expect(noteText).toContainText('First draft of the note.');

  // The stream comes back (on the page's own back-off); every view catches up.
  await page.evaluate(() => (window.__events!.down = false));
  await expect
    .poll(() => page.evaluate(() => window.__events!.opened), { timeout: 60_000 })
    .toBeGreaterThan(opened);
  // Soft: a failure names every view that did not catch up.
  await expect.soft(page.getByRole('option').filter({ hasText: NEW_TITLE })).toBeVisible();
  await expect.soft(reader.getByRole('heading', { level: 1 })).toHaveText(NEW_TITLE);
  await expect.soft(markWith(page, QUOTE)).toHaveCount(1);
  await expect.soft(page.getByRole('region', { name: 'Passages' })).toContainText(QUOTE);
  await expect.soft(noteText).toContainText('Second draft, from elsewhere.');
});
