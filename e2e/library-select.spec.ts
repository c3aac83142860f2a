import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { openDatabase } from '../electron/core/db/open';
import { writeTransaction } from '../electron/core/db/transactions';
import { insertTestArticle } from '../electron/core/export/testFixture';
import { BULK_BATCH_SIZE } from '../electron/model/library';
import { apiCalls, apiEvents, recordApiCalls } from './apiLog';
import { installStreamSwitch } from './streamSwitch';
import { api, expect, test, type WebApp } from './fixtures';

/** Articles "Article 000"…, imported together (the list shows the newest import first). */
async function articles(app: WebApp, n: number): Promise<void> {
  const folder = join(app.dir, 'many');
  mkdirSync(folder);
  for (let i = 0; i < n; i++)
    writeFileSync(
      join(folder, `a${String(i).padStart(3, '0')}.md`),
      `---\ntitle: Article ${String(i).padStart(3, '0')}\n---\n\nBody of article ${i}.\n`,
    );
  expect((await app.cli(['import', folder])).code).toBe(0);
}

const list = (page: Page) => page.getByRole('listbox', { name: 'Library' });
const row = (page: Page, title: string) =>
  list(page).getByRole('option').filter({ hasText: title });
const selectedTitles = (page: Page) =>
  list(page).locator('[role="option"][aria-selected="true"] .library-row-title');
const status = (page: Page) =>
  page.getByRole('group', { name: 'Selected articles' }).getByRole('status');

/** Serious axe violations on the page, or only inside `within` (a quicker check mid-job). */
async function axeSerious(page: Page, within?: string): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  if (within) axe.include(within);
  return (await axe.analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

async function sortByTitle(page: Page) {
  await page.getByLabel('Sort by').selectOption('title');
  await expect(list(page).getByRole('option').first()).toContainText('Article 000');
}

test('click, Ctrl+click, Shift+click, Shift+arrows, Ctrl+A and Escape select; Delete trashes the selection and one Undo brings it all back', async ({
  app,
  page,
}) => {
  await articles(app, 6);
  await page.goto(app.url);
  await sortByTitle(page);
  await expect(list(page)).toHaveAttribute('aria-multiselectable', 'true');

  // A click selects (and opens) one row.
  await row(page, 'Article 001').click();
  await expect(selectedTitles(page)).toHaveText([/Article 001/]);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Article 001');
  // Ctrl+click adds a row; again takes it out.
  await row(page, 'Article 003').click({ modifiers: ['Control'] });
  await row(page, 'Article 004').click({ modifiers: ['Control'] });
  await expect(status(page)).toHaveText('3 selected');
  await row(page, 'Article 004').click({ modifiers: ['Control'] });
  await expect(selectedTitles(page)).toHaveText([/Article 001/, /Article 003/]);
  // Shift+click: from the last clicked row to this one, in place of the selection.
  await row(page, 'Article 005').click({ modifiers: ['Shift'] });
  await expect(selectedTitles(page)).toHaveText([/Article 004/, /Article 005/]);
  await row(page, 'Article 000').click({ modifiers: ['Control'] });
  await expect(status(page)).toHaveText('3 selected');
  // Opening is a plain click, Enter or a double click: the modified clicks opened nothing.
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Article 001');

  // Ctrl+A: every row; Escape: none (the active row stays the one actions act on).
  await list(page).focus();
  await page.keyboard.press('Control+a');
  await expect(status(page)).toHaveText('6 selected');
  await expect(selectedTitles(page)).toHaveCount(6);
  await page.keyboard.press('Escape');
  await expect(status(page)).toHaveCount(0);
  await expect(selectedTitles(page)).toHaveCount(1);

  // Shift+arrows extend from the active row; Delete trashes the three; one Undo restores all.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(status(page)).toHaveText('3 selected');
  await expect(selectedTitles(page)).toHaveText([/Article 001/, /Article 002/, /Article 003/]);
  await page.keyboard.press('Delete');
  await expect(list(page).getByRole('option')).toHaveCount(3);
  await expect
    .poll(async () => (await app.cli(['trash', 'list'])).stdout, { timeout: 30_000 })
    .toContain('Article 002');
  await page.getByRole('button', { name: 'Undo moving 3 articles to the trash' }).click();
  await expect(list(page).getByRole('option')).toHaveCount(6);
  expect((await app.cli(['trash', 'list'])).stdout).toContain('The trash is empty.');
});

test('Shift+click selects a range over rows never rendered; Select all trashes the whole listing and one Undo restores it', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await articles(app, 250);
  await page.goto(app.url);
  await sortByTitle(page);
  await row(page, 'Article 002').click();
  // Scroll to the end: the rows between were never in the page (the list is virtualized).
  await list(page).hover();
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 20_000);
        return list(page).evaluate((e) => e.scrollTop + e.clientHeight >= e.scrollHeight - 2);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await row(page, 'Article 249').click({ modifiers: ['Shift'] });
  await expect(status(page)).toHaveText('248 selected');
  await row(page, 'Article 248').click({ modifiers: ['Control'] });
  await expect(status(page)).toHaveText('247 selected');

  // Mark read from the selection bar: the CLI sees exactly those read.
  await page.getByRole('button', { name: 'Mark read', exact: true }).click();
  await expect
    .poll(async () => (await app.cli(['list', '--json', '--limit', '1000'])).stdout, {
      timeout: 30_000,
    })
    .toMatch(/"readAt": "/);
  const listed = JSON.parse((await app.cli(['list', '--json', '--limit', '1000'])).stdout) as {
    title: string;
    readAt: string | null;
  }[];
  const read = listed.filter((a) => a.readAt).map((a) => a.title);
  expect(read).toHaveLength(247);
  expect(read).not.toContain('Article 000');
  expect(read).not.toContain('Article 001');
  expect(read).not.toContain('Article 248');

  // Ctrl+A then Move to trash: the whole listing, by its query; one Undo brings all of it back.
  await list(page).focus();
  await page.keyboard.press('Control+a');
  await expect(status(page)).toHaveText('250 selected');
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(list(page)).toBeHidden();
  await page.getByRole('button', { name: 'Undo moving 250 articles to the trash' }).click();
  await expect(page.locator('.library-count')).toHaveText('250 articles');
  await expect(list(page)).toBeVisible();
  expect((await app.cli(['trash', 'list'])).stdout).toContain('The trash is empty.');
});

/** `n` articles written straight into the library, as the bulk bench makes them (seconds, not an import). */
function manyArticles(app: WebApp, n: number): void {
  const db = openDatabase(app.libraryPath);
  try {
    writeTransaction(db, () => {
      for (let i = 0; i < n; i++)
        insertTestArticle(db, {
          title: `Many ${i}`,
          published: null,
          byline: null,
          siteName: null,
          paragraphs: [`Body ${i}.`],
        });
    });
  } finally {
    db.close();
  }
}

declare global {
  interface Window {
    /** Each text the bulk action's progress bar showed, in order. */
    shownBars?: string[];
  }
}

/** Records every count the library's job progress bar shows (a fast run can end between polls). */
async function recordBars(page: Page) {
  await page.evaluate(() => {
    const shown: string[] = [];
    window.shownBars = shown;
    const look = () => {
      for (const el of document.querySelectorAll(
        '[aria-label="Library action progress"] .bulk-progress-count',
      ))
        if (shown.at(-1) !== el.textContent) shown.push(el.textContent ?? '');
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

test('Select all, Move to trash on thousands of articles runs as a job: a progress bar with the count, then the result; one Undo (a job too) brings them all back; axe on the bar', async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const n = BULK_BATCH_SIZE * 12;
  manyArticles(app, n);
  await recordApiCalls(page);
  await page.goto(app.url);
  const total = `${n.toLocaleString('en-US')} articles`;
  await expect(page.locator('.library-count')).toHaveText(total, { timeout: 60_000 });
  await recordBars(page);

  await list(page).focus();
  await page.keyboard.press('Control+a');
  await expect(status(page)).toHaveText(`${n.toLocaleString('en-US')} selected`);
  await page.getByRole('button', { name: 'Move to trash' }).click();
  const bar = page.getByRole('region', { name: 'Library action progress' });
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('progressbar')).toHaveAccessibleName(
    /^Moving [\d,]+ of 6,000 articles to the trash$/,
  );
  expect(await axeSerious(page)).toEqual([]);
  // The selection was cleared as the job started: the list is not held while it runs.
  await expect(status(page)).toHaveCount(0);

  // Then the result: the bar goes, the list is empty, and the Undo is offered.
  await expect(bar).toBeHidden({ timeout: 120_000 });
  await expect(list(page)).toBeHidden();
  const shown = await page.evaluate(() => window.shownBars ?? []);
  expect(shown[0]).toMatch(/^Moving [\d,]+ of 6,000 articles to the trash$/);
  // The count moved on batch by batch: the page heard each batch's step. (What a fast machine
  // paints between two steps is its own business, so the steps are read from the event stream.)
  const steps = (await apiEvents(page))
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('data:') && line.includes('"bulk-progress"'))
    .map((line) => JSON.parse(line.slice('data:'.length)) as { state: string; done: number })
    .filter((e) => e.state === 'running')
    .map((e) => e.done);
  expect(steps).toEqual(Array.from({ length: n / BULK_BATCH_SIZE }, (_, k) => k * BULK_BATCH_SIZE));
  expect((await app.cli(['list', '--json'])).stdout.trim()).toBe('[]');

  await page.evaluate(() => (window.shownBars!.length = 0));
  await page.getByRole('button', { name: `Undo moving ${total} to the trash` }).click();
  await expect(page.locator('.library-count')).toHaveText(total, { timeout: 120_000 });
  await expect(bar).toBeHidden({ timeout: 120_000 });
  expect((await page.evaluate(() => window.shownBars ?? []))[0]).toMatch(
    /^Restoring [\d,]+ of 6,000 articles$/,
  );
  expect((await app.cli(['trash', 'list'])).stdout).toContain('The trash is empty.');
});

/** The page's `bulk-progress` events so far, as its event stream brought them. */
async function bulkSteps(page: Page) {
  return (await apiEvents(page))
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('data:') && line.includes('"bulk-progress"'))
    .map(
      (line) =>
        JSON.parse(line.slice('data:'.length)) as { state: string; done: number; total: number },
    );
}

/** Selects the whole listing and starts moving it to the trash: a job of many batches. */
async function trashAll(page: Page, n: number) {
  await list(page).focus();
  await page.keyboard.press('Control+a');
  await expect(status(page)).toHaveText(`${n.toLocaleString('en-US')} selected`);
  await page.getByRole('button', { name: 'Move to trash' }).click();
  // Some batches are done (the page heard one step past the start): the job is well under way.
  await expect
    .poll(async () => (await bulkSteps(page)).some((e) => e.done > 0), { timeout: 60_000 })
    .toBe(true);
}

/** "Moving 1,500 of 50,000 articles to the trash" → 1500. */
async function barCount(bar: Locator): Promise<number> {
  const text = (await bar.locator('.bulk-progress-count').textContent()) ?? '';
  return Number(/^Moving ([\d,]+) of/.exec(text)?.[1]?.replace(/,/g, '') ?? -1);
}

/**
 * Enough batches (100, about 4 s on a quiet machine) that a job is still running well after the
 * page heard its first steps; a loaded machine only makes it slower.
 */
const LONG_JOB = BULK_BATCH_SIZE * 100;

test('a page reloaded in the middle of a bulk trash gets its bar back with the count so far, before any event, and sees it finish', async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const n = LONG_JOB;
  manyArticles(app, n);
  await recordApiCalls(page);
  await page.goto(app.url);
  const total = `${n.toLocaleString('en-US')} articles`;
  await expect(page.locator('.library-count')).toHaveText(total, { timeout: 60_000 });
  await trashAll(page, n);
  const before = Math.max(...(await bulkSteps(page)).map((e) => e.done));

  // The reloaded page hears no event until the test lets its stream through: only the page's
  // question to the server can bring the bar back.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/events*', async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  const bar = page.getByRole('region', { name: 'Library action progress' });
  await expect(bar).toBeVisible({ timeout: 60_000 });
  await expect(bar.getByRole('progressbar')).toHaveAccessibleName(
    /^Moving [\d,]+ of 50,000 articles to the trash$/,
  );
  const shown = await barCount(bar);
  expect(shown).toBeGreaterThanOrEqual(before);
  expect(shown).toBeLessThan(n);
  expect(await bulkSteps(page)).toEqual([]);
  expect(await apiCalls(page)).toContain('articles.bulkJobs');
  await expect(bar.getByRole('button', { name: 'Cancel moving to the trash' })).toBeVisible();

  // The stream comes through: the bar goes when the job ends (it may have ended meanwhile,
  // unheard: the bar then asks again).
  release();
  await expect(bar).toBeHidden({ timeout: 120_000 });
  await expect(list(page)).toBeHidden();
  expect(await api<unknown[]>(app, 'articles.trashList', {})).toHaveLength(n);
});

test('the event stream drops mid-job and the job ends unheard: the bar still goes with it and the Undo is offered, before the stream is back', async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const n = LONG_JOB;
  manyArticles(app, n);
  await installStreamSwitch(page);
  await recordApiCalls(page);
  await page.goto(app.url);
  const total = `${n.toLocaleString('en-US')} articles`;
  await expect(page.locator('.library-count')).toHaveText(total, { timeout: 60_000 });
  await trashAll(page, n);
  await page.evaluate(() => window.__events!.cut());
  const heard = (await bulkSteps(page)).length;
  await expect.poll(() => page.evaluate(() => window.__events!.refused)).toBeGreaterThan(0);
  const bar = page.getByRole('region', { name: 'Library action progress' });
  await expect(bar).toBeHidden({ timeout: 120_000 });
  expect(
    (await api<{ state: string }[]>(app, 'articles.bulkJobs', {})).map((j) => j.state),
  ).toEqual(['finished']);
  await expect(
    page.getByRole('button', { name: `Undo moving ${total} to the trash` }),
  ).toBeVisible();
  // All of it learnt by asking: no event came through meanwhile.
  expect(await page.evaluate(() => window.__events!.down)).toBe(true);
  expect((await bulkSteps(page)).length).toBe(heard);
  await page.evaluate(() => (window.__events!.down = false));
  await expect(list(page)).toBeHidden();
});

test('Cancel (from the keyboard) stops a bulk trash after the batch in progress: exactly the batches done are in the trash, the page says so, and one Undo restores exactly those', async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const n = LONG_JOB;
  manyArticles(app, n);
  await recordApiCalls(page);
  await page.goto(app.url);
  const total = `${n.toLocaleString('en-US')} articles`;
  await expect(page.locator('.library-count')).toHaveText(total, { timeout: 60_000 });
  // The job trashes the listing in its order: its first batches are its first rows.
  const order: string[] = [];
  for (let offset = 0; offset < n; offset += 10_000)
    order.push(...(await api<string[]>(app, 'articles.ids', { offset, limit: 10_000 })));
  await trashAll(page, n);

  const bar = page.getByRole('region', { name: 'Library action progress' });
  const cancel = bar.getByRole('button', { name: 'Cancel moving to the trash' });
  // Axe on the bar alone: a whole-page check could outlast the job.
  expect(await axeSerious(page, 'section.bulk-progress')).toEqual([]);
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(bar).toBeHidden({ timeout: 120_000 });

  const end = (await bulkSteps(page)).at(-1)!;
  expect(end.state).toBe('cancelled');
  const done = end.done;
  expect(done % BULK_BATCH_SIZE).toBe(0);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(n);
  const count = done.toLocaleString('en-US');
  await expect(page.getByText(`Trashed ${count} of ${total} — cancelled`)).toBeVisible();
  const trashed = (await api<{ id: string }[]>(app, 'articles.trashList', {})).map((a) => a.id);
  expect(trashed.sort()).toEqual(order.slice(0, done).sort());
  await expect(page.locator('.library-count')).toHaveText(
    `${(n - done).toLocaleString('en-US')} articles`,
  );

  await page.getByRole('button', { name: `Undo moving ${count} articles to the trash` }).click();
  await expect(page.locator('.library-count')).toHaveText(total, { timeout: 120_000 });
  expect(await api<unknown[]>(app, 'articles.trashList', {})).toEqual([]);
});

async function dragOnto(page: Page, from: Locator, collection: string) {
  const box = (await from.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + box.height / 2 + 10, { steps: 5 });
  const drop = page.getByRole('group', { name: 'Drop on a collection' });
  const target = drop.getByRole('listitem').filter({ hasText: collection });
  await expect(target).toBeVisible();
  // Files dragged in show the import overlay; our own rows never do.
  await expect(page.locator('.drop-overlay')).toHaveCount(0);
  const t = (await target.boundingBox())!;
  await page.mouse.move(t.x + 10, t.y + t.height / 2, { steps: 5 });
  await expect(target).toHaveClass(/is-over/);
  await page.mouse.up();
  await expect(drop).toBeHidden();
}

test('dragging two selected rows onto a collection adds both; the collection filter shows them; axe with a selection in both themes', async ({
  app,
  browser,
}) => {
  await articles(app, 4);
  expect((await app.cli(['collection', 'new', 'Reading'])).code).toBe(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(app.url);
    await sortByTitle(page);
    await row(page, 'Article 001').click();
    await row(page, 'Article 002').click({ modifiers: ['Control'] });
    await expect(status(page)).toHaveText('2 selected');
    expect(await axeSerious(page)).toEqual([]);

    if (colorScheme === 'light') {
      await dragOnto(page, row(page, 'Article 002'), 'Reading');
      await expect(page.getByText('Added 2 articles to Reading')).toBeVisible();
      await page.getByLabel('Collection').selectOption('Reading');
      await expect(list(page).locator('.library-row-title')).toHaveText([
        /Article 001/,
        /Article 002/,
      ]);
      // A row outside the selection is dragged alone; the keyboard's way is the bar's button.
      await page.getByLabel('Collection').selectOption('');
      await dragOnto(page, row(page, 'Article 003'), 'Reading');
      await page.getByLabel('Collection').selectOption('Reading');
      await expect(list(page).getByRole('option')).toHaveCount(3);
      expect((await app.cli(['list', '--collection', 'Reading'])).stdout).toContain('Article 003');
    }
    await context.close();
  }
});

test('Export… on the selection offers just the selected articles', async ({ app, page }) => {
  await articles(app, 4);
  const listed = JSON.parse((await app.cli(['list', '--json'])).stdout) as {
    id: string;
    title: string;
  }[];
  for (const a of listed)
    await api(app, 'passages.createFromQuote', {
      articleId: a.id,
      quote: `Body of article ${Number(a.title.slice(-3))}.`,
    });
  await page.goto(app.url);
  await sortByTitle(page);
  await row(page, 'Article 001').click();
  await row(page, 'Article 003').click({ modifiers: ['Control'] });
  await page
    .getByRole('group', { name: 'Selected articles' })
    .getByRole('button', { name: 'Export…' })
    .click();
  const dialog = page.getByRole('dialog');
  const only = dialog.getByRole('checkbox', { name: 'Only 2 articles selected in the library' });
  await expect(only).toBeChecked();
  await expect(dialog).toContainText('2 excerpts from 2 sources');
  await expect(dialog).toContainText('Body of article 3.');
  await expect(dialog).not.toContainText('Body of article 2.');
  expect(await axeSerious(page)).toEqual([]);
  await only.uncheck();
  await expect(dialog).toContainText('4 excerpts from 4 sources');
});
