import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makePdf, textLines } from '../electron/core/import/pdf/fixtures';
import { expect, test } from './fixtures';

const TITLE = 'Harbour Records in Eight Pages';
const PAGES = 8;

/** A generated paper: each page its own sentences (page n names itself), a page number below. */
async function paper(): Promise<Buffer> {
  const pages = Array.from({ length: PAGES }, (_, i) => {
    const n = i + 1;
    return [
      ...(n === 1 ? [{ text: TITLE, x: 72, y: 740, size: 20, bold: true }] : []),
      ...textLines(
        [
          `Page ${n} records the harbour tides of week ${n}.`,
          `The keeper wrote that ship number ${n * 7} moored early.`,
          'Fog lifted before noon and the pilots went out again.',
          // Enough text that the reflowed view scrolls past each page.
          ...Array.from(
            { length: 14 },
            (_, k) => `Entry ${k + 1} of the log goes on about the weather and the quay.`,
          ),
        ],
        700,
      ),
      { text: String(n), x: 300, y: 40, size: 9 },
    ];
  });
  return Buffer.from(await makePdf({ title: TITLE, author: 'Ada Marsh', pages }));
}

const pageEl = (page: Page, n: number) => page.locator(`.pv-page[data-page-number="${n}"]`);

/** Selects `needle` inside page `n`'s text layer (it may span spans), as a drag would. */
async function selectOnPage(page: Page, n: number, needle: string): Promise<void> {
  await expect(pageEl(page, n).locator('.textLayer[data-ready]')).toContainText(needle, {
    timeout: 30_000,
  });
  const found = await page.evaluate(
    ([n, needle]) => {
      const layer = document.querySelector(`.pv-page[data-page-number="${n}"] .textLayer`);
      if (!layer) return false;
      const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
      const nodes: [Text, number][] = [];
      let all = '';
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        nodes.push([t as Text, all.length]);
        all += t.textContent ?? '';
      }
      const at = all.indexOf(needle);
      if (at < 0) return false;
      const locate = (pos: number, isEnd: boolean): [Text, number] => {
        for (let i = nodes.length - 1; i >= 0; i--) {
          const [node, start] = nodes[i]!;
          if (isEnd ? start < pos : start <= pos) return [node, pos - start];
        }
        return nodes[0]!;
      };
      const [a, ao] = locate(at, false);
      const [b, bo] = locate(at + needle.length, true);
      document.getSelection()?.setBaseAndExtent(a, ao, b, bo);
      return true;
    },
    [n, needle] as const,
  );
  expect(found, `"${needle}" not on page ${n}`).toBe(true);
}

/** Whether page n's canvas has ink (something other than white) on it. */
async function hasInk(page: Page, n: number): Promise<boolean> {
  return pageEl(page, n)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) return true;
      return false;
    });
}

// Drawing pages is real work: on a loaded machine it takes a while, so wait generously.
const DRAWN = { timeout: 30_000 };

test('a PDF in page view: pages as printed, lazily, zoom, passages both ways, in step', async ({
  app,
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  const offOrigin: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(new URL(app.url).origin) && !r.url().startsWith('data:'))
      offOrigin.push(r.url());
  });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });

  await page.goto(app.url);
  await page
    .getByLabel('Import files')
    .setInputFiles({ name: 'harbour.pdf', mimeType: 'application/pdf', buffer: await paper() });
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);

  // A passage made in the text view, on page 2.
  await expect(reader.locator('[aria-label="Article text"]')).toContainText('ship number 14');
  await page.evaluate(() => {
    const root = document.querySelector('[aria-label="Article text"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = (t.textContent ?? '').indexOf('ship number 14');
      if (at >= 0) {
        document.getSelection()?.setBaseAndExtent(t, at, t, at + 'ship number 14'.length);
        return;
      }
    }
  });
  await reader.focus();
  await page.keyboard.press('h');
  const sidebar = page.getByRole('region', { name: 'Passages' });
  await expect(sidebar).toContainText('ship number 14');

  // Page view: the toggle (remembered), page 1 drawn with its text layer, far pages not drawn.
  const toggle = reader.getByRole('button', { name: 'Page view' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(pageEl(page, 1).locator('canvas')).toHaveCount(1, DRAWN);
  await expect(pageEl(page, 1).locator('.textLayer')).toContainText(
    'Page 1 records the harbour tides',
    DRAWN,
  );
  await expect.poll(() => hasInk(page, 1), DRAWN).toBe(true);
  // Only the pages on screen and one either side are in the DOM (the rest is arithmetic).
  await expect.poll(() => page.locator('.pv-page').count(), DRAWN).toBeLessThanOrEqual(4);
  await expect(pageEl(page, PAGES).locator('canvas')).toHaveCount(0, DRAWN);
  await expect(page.getByRole('toolbar', { name: 'Pages' })).toContainText(`of ${PAGES}`);

  // The passage made in the text is painted on page 2 (drawn once near the viewport).
  await page.getByRole('button', { name: 'Next ›' }).click();
  await expect(pageEl(page, 2).locator('.pv-hl')).not.toHaveCount(0, DRAWN);
  await page.getByRole('button', { name: '‹ Prev' }).click();

  // Zoom: + makes the page wider; Ctrl+- back; Fit width.
  const width = async () => (await pageEl(page, 1).boundingBox())!.width;
  const fitWidth = await width();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(width).toBeGreaterThan(fitWidth + 10);
  await reader.focus();
  await page.keyboard.press('Control+-');
  await page.keyboard.press('Control+-');
  await expect.poll(width).toBeLessThan(fitWidth - 10);
  await page.getByRole('button', { name: 'Fit width' }).click();
  await expect.poll(width).toBeCloseTo(fitWidth, 0);

  // Page navigation: the page field, PageDown, End, Home.
  const field = page.getByRole('textbox', { name: /Page number/ });
  await field.fill('3');
  await field.press('Enter');
  await expect(field).toHaveValue('3');
  await expect(pageEl(page, 3).locator('.textLayer')).toContainText('week 3', DRAWN);
  await expect.poll(() => hasInk(page, 3), DRAWN).toBe(true);
  await reader.focus();
  await page.keyboard.press('End');
  await expect(field).toHaveValue(String(PAGES));
  await expect(pageEl(page, PAGES).locator('canvas')).toHaveCount(1, DRAWN);
  // Far from the viewport, page 1's canvas is freed.
  await expect(pageEl(page, 1).locator('canvas')).toHaveCount(0, DRAWN);
  await page.keyboard.press('Home');
  await expect(field).toHaveValue('1');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(field).toHaveValue('3');

  // Select on page 3 → a passage on the canonical text, painted on the page.
  await selectOnPage(page, 3, 'ship number 21 moored');
  await expect(page.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();
  await reader.focus();
  await page.keyboard.press('h');
  await expect(sidebar).toContainText('ship number 21 moored');
  await expect(pageEl(page, 3).locator('.pv-hl')).not.toHaveCount(0, DRAWN);

  // Clicking it opens the passage, as in the text.
  // (The text layer lies over the paint, as the words lie over the ink: click where it shows.)
  const mark = (await pageEl(page, 3).locator('.pv-hl').first().boundingBox())!;
  await page.mouse.click(mark.x + mark.width / 2, mark.y + mark.height / 2);
  await expect(page.getByRole('dialog', { name: /passage/i })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.screenshot({ path: testInfo.outputPath('pageview-light-1024.png') });
  const axe = await new AxeBuilder({ page }).include('article.reader').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );

  // Back to the text (from the pages' toolbar, which stays in view): at page 3, with both
  // passages as marks.
  await page.getByRole('button', { name: 'Text view' }).click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const text = reader.locator('[aria-label="Article text"]');
  await expect(text).toContainText('ship number 21 moored');
  await expect
    .poll(async () =>
      page.evaluate(() => {
        const root = document.getElementById('reader-article')!.getBoundingClientRect();
        const label = document.querySelector('[data-page-label="3"]')!.getBoundingClientRect();
        return label.top >= root.top - 60 && label.top < root.top + 200;
      }),
    )
    .toBe(true);
  await expect(
    page.locator('[aria-label="Article text"] mark[data-passage-ids]').filter({
      hasText: 'ship number 21 moored',
    }),
  ).not.toHaveCount(0);

  // Scroll the text to page 6, switch: the page view opens at page 6.
  await page.evaluate(() => {
    const root = document.getElementById('reader-article')!;
    const label = document.querySelector('[data-page-label="6"]')!;
    root.scrollTop += label.getBoundingClientRect().top - root.getBoundingClientRect().top;
  });
  await page.keyboard.press('Control+Alt+p');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(field).toHaveValue('6');

  // Remembered for this article: a reload opens it in page view again.
  await page.reload();
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  await expect(reader.getByRole('button', { name: 'Page view' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // It reopens at the reading place (page 6, or an earlier page if the reload came before the
  // place was saved): that page is drawn, with its text layer.
  await expect(field).not.toHaveValue('');
  const shown = Number(await field.inputValue());
  expect(shown).toBeGreaterThanOrEqual(1);
  expect(shown).toBeLessThanOrEqual(6);
  await expect(pageEl(page, shown).locator('.textLayer')).toContainText(
    `Page ${shown} records`,
    DRAWN,
  );

  // Both themes, both sizes.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('pageview-dark-1024.png') });
  const dark = await new AxeBuilder({ page }).include('article.reader').analyze();
  expect(dark.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(pageEl(page, shown).locator('canvas')).toHaveCount(1, DRAWN);
  await page.screenshot({ path: testInfo.outputPath('pageview-dark-1920.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath('pageview-light-1920.png') });

  expect(offOrigin).toEqual([]);
  expect(violations).toEqual([]);
});
