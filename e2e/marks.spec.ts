import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { api, expect, test, type WebApp } from './fixtures';

// An article with many passages opens with every passage painted (CSS highlights) in its first
// frame; the MarkNodes follow while the page is idle, and any highlight the user reaches first
// gets its marks at once. The sidebar lists them all but renders only what is in view.

const TITLE = 'Many passages';
const PASSAGES = 300;
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** Imports a 150-paragraph article and puts PASSAGES passages on it (one in five overlapping the one before). */
async function articleWithPassages(
  app: WebApp,
): Promise<{ id: string; passages: { id: string; quote: string; start: number }[] }> {
  const paragraphs = [TITLE];
  for (let p = 1; p <= 150; p++)
    paragraphs.push(
      `Paragraph ${p} talks about rivers, stones and lanterns kept in the archive of the town number ${p}.`,
    );
  paragraphs.push('The last paragraph.');
  const file = join(app.dir, 'many.txt');
  writeFileSync(file, paragraphs.join('\n\n') + '\n');
  const imported = await app.cli(['import', file]);
  expect(imported.code, imported.stderr).toBe(0);
  const id = (JSON.parse((await app.cli(['list', '--json'])).stdout) as { id: string }[])[0]!.id;
  const { text } = await api<{ text: string }>(app, 'articles.get', { id });
  const step = Math.floor(text.length / PASSAGES);
  const passages: { id: string; quote: string; start: number }[] = [];
  for (let i = 0; i < PASSAGES; i += 50) {
    const batch = [];
    for (let k = i; k < Math.min(PASSAGES, i + 50); k++) {
      const start = k * step + (k % 5 === 4 ? -Math.floor(step / 2) : 0);
      const end = start + Math.floor(step * 0.6);
      batch.push(
        api<{ id: string; quote: string; start: number }>(app, 'passages.create', {
          articleId: id,
          start,
          end,
          color: COLORS[k % COLORS.length],
        }),
      );
    }
    passages.push(...(await Promise.all(batch)));
  }
  return { id, passages };
}

const content = (page: Page) => page.locator('[aria-label="Article text"]');
const marks = (page: Page) => content(page).locator('mark[data-passage-ids]');

/**
 * Clicks the article's row; on the first frame that shows its last paragraph and any passage,
 * reports what is on screen, then (same task) points at canonical offset `offset` as a mouse would: pointerover on
 * the element there, then a click on whatever is there after it. Returns whether that point was a
 * mark before and after the pointer came.
 */
function openAndPoint(page: Page, title: string, offset: number) {
  return page.evaluate(
    ({ title, offset }) =>
      new Promise<{
        marks: number;
        painted: number;
        pending: boolean;
        markBefore: boolean;
        markAfter: boolean;
      }>((resolve) => {
        [...document.querySelectorAll<HTMLElement>('[role="option"]')]
          .find((row) => row.textContent?.includes(title))!
          .click();
        // Canonical offset → a point on screen: the paragraphs' texts, "\n\n" between them.
        const pointAt = (body: Element) => {
          let at = offset;
          for (const block of body.children) {
            const length = block.textContent!.length;
            if (at >= length) {
              at -= length + 2;
              continue;
            }
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (at >= n.textContent!.length) {
                at -= n.textContent!.length;
                continue;
              }
              (block as HTMLElement).scrollIntoView({ block: 'center' });
              const range = document.createRange();
              range.setStart(n, at);
              range.setEnd(n, at + 1);
              const rect = range.getBoundingClientRect();
              return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
            }
          }
          throw new Error(`offset ${offset} not in the text`);
        };
        const look = () => {
          const body = document.querySelector('[aria-label="Article text"]');
          let painted = 0;
          CSS.highlights.forEach((h, name) => {
            if (name.startsWith('passage-') && !name.startsWith('passage-under-'))
              painted += h.size;
          });
          const count = body?.querySelectorAll('mark[data-passage-ids]').length ?? 0;
          // The text shows first (it doesn't wait for the passages); then the passages, all at once.
          if (
            !body?.lastElementChild?.textContent?.includes('The last paragraph') ||
            count + painted === 0
          )
            return requestAnimationFrame(look);
          const seen = { marks: count, painted, pending: body.hasAttribute('data-marks-pending') };
          const { x, y } = pointAt(body);
          const markBefore = document.elementFromPoint(x, y)?.closest('mark') !== null;
          document
            .elementFromPoint(x, y)!
            .dispatchEvent(
              new PointerEvent('pointerover', { bubbles: true, clientX: x, clientY: y }),
            );
          const there = document.elementFromPoint(x, y)!;
          const markAfter = there.closest('mark') !== null;
          there.dispatchEvent(
            new MouseEvent('click', { bubbles: true, clientX: x, clientY: y, button: 0 }),
          );
          resolve({ ...seen, markBefore, markAfter });
        };
        look();
      }),
    { title, offset },
  );
}

test('many passages: painted at once, then every one a mark; the highlights respond from the start; the sidebar renders only what is in view', async ({
  app,
  page,
}) => {
  test.slow(); // 300 passages made through the API
  const { passages } = await articleWithPassages(app);
  const spacer = join(app.dir, 'spacer.txt');
  writeFileSync(spacer, 'Spacer\n\nA short one.\n');
  expect((await app.cli(['import', spacer])).code).toBe(0);
  await page.goto(app.url);
  await page.getByRole('option').filter({ hasText: TITLE }).waitFor();

  // First open: wait until every MarkNode is made; that is the number of marks to expect.
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  // The text shows before the passages arrive (no pending marks yet): wait for the marks first.
  await expect
    .poll(() => marks(page).count(), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(PASSAGES);
  await expect(content(page)).not.toHaveAttribute('data-marks-pending', /.*/, { timeout: 30_000 });
  const total = await marks(page).count();
  const ids = await marks(page).evaluateAll(
    (els) => new Set(els.flatMap((el) => el.getAttribute('data-passage-ids')!.split(' '))).size,
  );
  expect(ids).toBe(PASSAGES);
  expect(
    await page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('passage-'))),
  ).toEqual([]);

  // Open it again: the first frame with any passage shows every one, as marks or painted; a
  // highlight far down, pointed at in that same moment, gets its mark and answers the
  // click. (The point is early in a passage no other overlaps there: one in five overlaps the end
  // of the one before.)
  await page.getByRole('option').filter({ hasText: 'Spacer' }).click();
  await expect(content(page)).toContainText('A short one.');
  const target = passages[PASSAGES - 3]!;
  const first = await openAndPoint(page, TITLE, target.start + 3);
  expect(first.marks + first.painted).toBe(total);
  expect(first.pending).toBe(true);
  expect(first.markBefore).toBe(false);
  expect(first.markAfter).toBe(true);
  const popover = page.getByRole('dialog', { name: 'Passage' });
  await expect(popover).toContainText(target.quote.slice(0, 30));
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();

  // Everything ends as marks, the same as the first time; the real mouse on one of them.
  await expect(content(page)).not.toHaveAttribute('data-marks-pending', /.*/, { timeout: 30_000 });
  await expect(marks(page)).toHaveCount(total);
  const early = passages[10]!;
  await content(page).locator(`mark[data-passage-ids="${early.id}"]`).first().click();
  await expect(popover).toContainText(early.quote.slice(0, 30));
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();

  // The sidebar: all 300 listed (for assistive technology too), far fewer in the page.
  const sidebar = page.getByRole('region', { name: 'Passages' });
  const items = sidebar.locator('.passage-item');
  await expect(items.first()).toHaveAttribute('aria-setsize', String(PASSAGES));
  expect(await items.count()).toBeLessThan(60);
  // Scrolled to the end, the last passage is there, in reading order; its jump scrolls and flashes its marks.
  await sidebar.evaluate((panel) => panel.scrollTo({ top: panel.scrollHeight }));
  const last = sidebar.locator(`.passage-item[aria-posinset="${PASSAGES}"]`);
  await expect(last).toBeVisible();
  await last.locator('.passage-jump').click();
  const lastId = await last.getAttribute('data-passage-id');
  const lastMarks = content(page).locator(`mark[data-passage-ids~="${lastId}"]`);
  await expect(lastMarks.first()).toHaveClass(/rd-mark-flash/);
  await expect(lastMarks.first()).toBeInViewport();
});
