/**
 * Caret mode (F7): with the keyboard alone, a caret in the reader is moved and a selection made
 * and highlighted, with the exact text (word snap applies); announced on and off; off when the
 * focus leaves the reader.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TITLE = 'Harbour Notes';
const FIRST = 'Alpha beta gamma delta.';
const SECOND = 'The quick brown fox jumps over the lazy dog.';
const THIRD = 'Harbour pilots rowed out at dawn to meet the ships.';

const reader = (page: Page) => page.getByRole('article', { name: 'Reader' });
const marks = (page: Page) => page.locator('[aria-label="Article text"] mark[data-passage-ids]');

/** The text of the paragraph holding the caret (the selection's focus). */
function caretParagraph(page: Page): Promise<string> {
  return page.evaluate(() => {
    const node = document.getSelection()?.focusNode;
    const el = node instanceof Element ? node : node?.parentElement;
    return el?.closest('p')?.textContent ?? '';
  });
}

async function downTo(page: Page, paragraph: string): Promise<void> {
  for (let i = 0; i < 6 && (await caretParagraph(page)) !== paragraph; i++)
    await page.keyboard.press('ArrowDown');
  expect(await caretParagraph(page)).toBe(paragraph);
}

test('F7 turns caret mode on: arrows move a caret, Shift+arrows select, H highlights the exact text', async ({
  app,
  browser,
}, testInfo) => {
  const file = join(app.dir, 'harbour-notes.md');
  writeFileSync(file, `# ${TITLE}\n\n${FIRST}\n\n${SECOND}\n\n${THIRD}\n`);
  const imported = await app.cli(['import', file]);
  expect(imported.code, imported.stderr).toBe(0);

  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    const list = page.getByRole('listbox', { name: 'Library' });
    await expect(list.getByRole('option')).toHaveCount(1);
    await list.focus();
    await page.keyboard.press('Enter');
    await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(page.locator('[aria-label="Article text"]')).toContainText(THIRD);
    await page.keyboard.press('F7');
    await expect(reader(page).getByText('Caret mode on')).toHaveCount(1);
    await expect(reader(page)).toBeFocused();
    const caret = page.locator('.reader-caret');
    await expect(caret).toBeVisible();

    // A whole line: down to the second paragraph, Shift+End, H.
    await downTo(page, SECOND);
    const top = await caret.boundingBox();
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('h');
    await expect(marks(page).filter({ hasText: SECOND })).toHaveCount(1);
    await expect(page.getByRole('region', { name: 'Passages' })).toContainText(SECOND);

    // Words: down to the third, Ctrl+Shift+→ twice and Shift+→ into the next word; word snap
    // takes the whole of it.
    await downTo(page, THIRD);
    expect((await caret.boundingBox())!.y).toBeGreaterThan(top!.y);
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('h');
    await expect(marks(page).filter({ hasText: 'Harbour pilots rowed' })).toHaveCount(1);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('[aria-label="Article text"] mark[data-passage-ids]')]
          .map((m) => m.textContent)
          .join('|'),
      ),
    ).toContain('Harbour pilots rowed');
    // The caret is still there, after the highlight.
    await expect(caret).toBeVisible();

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: testInfo.outputPath(`caret-mode-${colorScheme}.png`) });
      const axe = await new AxeBuilder({ page }).include('article.reader').analyze();
      expect(
        axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      ).toEqual([]);
    }

    // F7 again: off, announced, no caret.
    await page.keyboard.press('F7');
    await expect(reader(page).getByText('Caret mode off')).toHaveCount(1);
    await expect(caret).toHaveCount(0);

    // On again, then the focus leaves the reader (F6 to the next pane): off.
    await page.keyboard.press('F7');
    await expect(caret).toBeVisible();
    await page.keyboard.press('F6');
    await expect(reader(page)).not.toBeFocused();
    await expect(reader(page).getByText('Caret mode off')).toHaveCount(1);
    await expect(caret).toHaveCount(0);
    await context.close();
  }
});

test('the passages made in caret mode hold exactly the text selected (snapped to words)', async ({
  app,
  page,
}) => {
  const file = join(app.dir, 'harbour-notes.md');
  writeFileSync(file, `# ${TITLE}\n\n${FIRST}\n\n${SECOND}\n\n${THIRD}\n`);
  expect((await app.cli(['import', file])).code).toBe(0);
  await page.goto(app.url);
  const list = page.getByRole('listbox', { name: 'Library' });
  await list.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[aria-label="Article text"]')).toContainText(FIRST);
  await page.keyboard.press('F7');
  await downTo(page, FIRST);
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('h');
  await expect(marks(page)).toHaveCount(1);
  const listed = await app.cli(['list', '--json']);
  const id = (JSON.parse(listed.stdout) as { id: string }[])[0]!.id;
  const res = await fetch(`${new URL(app.url).origin}/api/passages.list`, {
    method: 'POST',
    headers: { ...app.authHeaders, 'Content-Type': 'application/json' },
    body: JSON.stringify({ articleId: id }),
  });
  const answer = (await res.json()) as { ok: boolean; data: { quote: string }[] };
  expect(answer.ok).toBe(true);
  // "Alpha" and two characters of "beta", made whole.
  expect(answer.data.map((p) => p.quote)).toEqual(['Alpha beta']);
});
