import type { Page } from '@playwright/test';
import { makePdf, textLines } from '../electron/core/import/pdf/fixtures';
import { expect, test } from './fixtures';
import { markWith, openSharedArticle } from './reader';

const BODY = '[aria-label="Article text"]';

/**
 * The viewport point at the start of `needle`'s first character and the one just before its
 * `cut`th character's end (where a drag ending mid-word lets go).
 */
async function dragPoints(
  page: Page,
  needle: string,
  cut: number,
): Promise<{ from: { x: number; y: number }; to: { x: number; y: number } }> {
  const found = await page.evaluate(
    ([selector, needle, cut]) => {
      const root = document.querySelector(selector)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const at = (t.textContent ?? '').indexOf(needle);
        if (at < 0) continue;
        t.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        const rect = (i: number) => {
          range.setStart(t, i);
          range.setEnd(t, i + 1);
          return range.getBoundingClientRect();
        };
        const first = rect(at);
        const last = rect(at + cut - 1);
        return {
          from: { x: first.left + 1, y: first.top + first.height / 2 },
          to: { x: last.right - 1, y: last.top + last.height / 2 },
        };
      }
      return null;
    },
    [BODY, needle, cut] as const,
  );
  expect(found, `text not in the reader: ${needle}`).not.toBeNull();
  return found!;
}

async function drag(page: Page, needle: string, cut: number, alt = false): Promise<void> {
  const { from, to } = await dragPoints(page, needle, cut);
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, to.y, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}

test('a highlight that ends mid-word takes the whole word (mouse, keyboard), unless Alt is held', async ({
  app,
  page,
}, testInfo) => {
  await openSharedArticle(app, page);
  const reader = page.getByRole('article', { name: 'Reader' });
  const sidebar = page.getByRole('region', { name: 'Passages' });
  const toolbar = page.getByRole('toolbar', { name: 'Selected text' });

  // A drag from "Moscow" to "sig|ning": the passage is "Moscow on signing".
  await drag(page, 'Moscow on signing', 'Moscow on sig'.length);
  await expect(toolbar).toBeVisible();
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('Moscow on sig');
  await toolbar.getByRole('button', { name: /yellow/i }).click();
  await expect(markWith(page, 'Moscow on signing')).toHaveText(['Moscow on signing']);
  await expect(sidebar).toContainText('Moscow on signing');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`snapped-mouse-${colorScheme}.png`) });
  }

  // The keyboard: a caret before "comprehensive", Shift+Right to "compre|hensive strat|egic".
  await page.evaluate((selector) => {
    const root = document.querySelector(selector)!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = (t.textContent ?? '').indexOf('comprehensive strategic');
      if (at >= 0) {
        document.getSelection()?.collapse(t, at + 'compre'.length);
        return;
      }
    }
  }, BODY);
  await reader.focus({ preventScroll: true } as never);
  for (let i = 0; i < 'hensive strat'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect
    .poll(() => page.evaluate(() => document.getSelection()?.toString()))
    .toBe('hensive strat');
  await page.keyboard.press('h');
  await expect(markWith(page, 'comprehensive strategic')).toHaveText(['comprehensive strategic']);

  // With Alt held through the drag, exactly what was selected: "Foreign Minis".
  await drag(page, 'Foreign Ministry', 'Foreign Minis'.length, true);
  await expect(toolbar).toBeVisible();
  await reader.focus({ preventScroll: true } as never);
  await page.keyboard.press('h');
  await expect(sidebar.locator('.passage-item')).toHaveCount(3);
  await expect(markWith(page, 'Foreign Minis')).toHaveText(['Foreign Minis']);
  await expect(
    sidebar.locator('.passage-item').filter({ hasText: 'Foreign Minis' }),
  ).not.toContainText('Ministry');
});

test('in the page view too, a selection ending mid-word takes the whole word', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const pdf = await makePdf({
    title: 'Snapping Pages',
    pages: [textLines(['The keeper wrote that ship number 21 moored early.'], 700)],
  });
  await page.goto(app.url);
  await page
    .getByLabel('Import files')
    .setInputFiles({ name: 'snap.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
  await page.getByRole('option').filter({ hasText: 'Snapping Pages' }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await reader.getByRole('button', { name: 'Page view' }).click();
  const layer = page.locator('.pv-page[data-page-number="1"] .textLayer[data-ready]');
  await expect(layer).toContainText('ship number 21 moored', { timeout: 30_000 });
  await page.evaluate(() => {
    const root = document.querySelector('.pv-page[data-page-number="1"] .textLayer')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = (t.textContent ?? '').indexOf('hip number 21 moo');
      if (at >= 0) {
        document.getSelection()?.setBaseAndExtent(t, at, t, at + 'hip number 21 moo'.length);
        return;
      }
    }
    throw new Error('text not on page 1');
  });
  await expect(page.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();
  await reader.focus();
  await page.keyboard.press('h');
  await expect(page.getByRole('region', { name: 'Passages' })).toContainText(
    'ship number 21 moored',
  );
});
