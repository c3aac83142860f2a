/**
 * Layout that fits (#20 point 6): the reader keeps a readable measure beside a note at 1400 px,
 * a newly opened article shows its title and text at 1024×700 with the header in one row, nothing
 * is stretched or tiny at 4K, and the library pane collapses and resizes (a window splitter) and
 * stays so after a reload. In both themes, screenshots kept.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { SHARED_TITLE, openInLibrary } from './reader';
import { SHARED_ARTICLE } from './fixtures';

const THEMES = ['light', 'dark'] as const;
const reader = (page: Page) => page.getByRole('article', { name: 'Reader' });
const splitter = (page: Page) => page.getByRole('separator', { name: 'Resize the library' });
const libraryPane = (page: Page) => page.locator('#library-pane');

/**
 * Characters on each full line of the reader's first long paragraph (its last line left out),
 * measured from the rendered text: where each character's box starts a new line.
 */
function charactersPerLine(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll('[aria-label="Article text"] p')];
    const p = paragraphs.find((el) => (el.textContent ?? '').length > 400);
    if (!p) return [];
    const counts: number[] = [];
    let top: number | null = null;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      for (let i = 0; i < (t.textContent ?? '').length; i++) {
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (top === null || rect.top > top + rect.height / 2) {
          counts.push(0);
          top = rect.top;
        }
        counts[counts.length - 1]! += 1;
      }
    }
    return counts.slice(0, -1);
  });
}

const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The header's items all sit in one row: the same middle line, and no taller than one button. */
async function expectHeaderInOneRow(page: Page): Promise<void> {
  const rows = await page.evaluate(() => {
    const header = document.querySelector('header.app-header')!;
    const buttons = [...header.querySelectorAll('button')].filter(
      (b) => b.getBoundingClientRect().width > 0,
    );
    const boxes = buttons.map((b) => b.getBoundingClientRect());
    // Lines of text in each button: its content height over its line height.
    const lines = buttons.map((b) => {
      const style = getComputedStyle(b);
      const inner =
        b.getBoundingClientRect().height -
        parseFloat(style.paddingTop) -
        parseFloat(style.paddingBottom) -
        parseFloat(style.borderTopWidth) -
        parseFloat(style.borderBottomWidth);
      return inner / parseFloat(style.lineHeight);
    });
    return {
      middles: boxes.map((r) => Math.round(r.top + r.height / 2)),
      lines: Math.max(...lines),
      tallest: Math.max(...boxes.map((r) => r.height)),
      header: header.getBoundingClientRect().height,
      overflow: header.scrollWidth - header.clientWidth,
    };
  });
  expect(Math.max(...rows.middles) - Math.min(...rows.middles)).toBeLessThanOrEqual(2);
  // A button whose label wrapped holds two lines.
  expect(rows.lines).toBeLessThan(1.5);
  expect(rows.header).toBeLessThan(rows.tallest * 1.6);
  expect(rows.overflow).toBeLessThanOrEqual(0);
}

/** Whether the element's box has some part inside the reader's visible area. */
function inReaderView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const box = document.querySelector('article.reader')!.getBoundingClientRect();
    const el = document.querySelector(selector);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= box.top && r.top + 16 <= box.bottom;
  }, selector);
}

async function importShared(
  app: Parameters<typeof api>[0] & {
    cli: (a: string[]) => Promise<{ code: number; stderr: string }>;
  },
) {
  const imported = await app.cli(['import', SHARED_ARTICLE]);
  expect(imported.code, imported.stderr).toBe(0);
}

test('a newly opened article shows its title and text; header in one row; capped measure up to 4K', async ({
  app,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  await importShared(app);
  const sizes = [
    { width: 1024, height: 700 },
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ];
  for (const colorScheme of THEMES) {
    for (const viewport of sizes) {
      const context = await browser.newContext({ colorScheme, viewport });
      const page = await context.newPage();
      await page.goto(app.url);
      await openInLibrary(page);
      await expect(reader(page).locator('[aria-label="Article text"] p').first()).toBeVisible();

      await expectHeaderInOneRow(page);
      expect(await inReaderView(page, 'article.reader h1')).toBe(true);
      // The first paragraph of body text is on screen without scrolling.
      expect(await inReaderView(page, '[aria-label="Article text"] p.rd-p')).toBe(true);

      const perLine = await charactersPerLine(page);
      expect(perLine.length).toBeGreaterThan(1);
      // A readable measure: never stretched across a wide window, never a narrow strip.
      expect(Math.max(...perLine)).toBeLessThanOrEqual(90);
      expect(average(perLine)).toBeGreaterThanOrEqual(55);

      if (viewport.width >= 3840) {
        // Not tiny on a 4K screen shown 1:1: the UI and the text are scaled up.
        const sizes = await page.evaluate(() => ({
          ui: parseFloat(
            getComputedStyle(document.querySelector('header.app-header button')!).fontSize,
          ),
          text: parseFloat(
            getComputedStyle(document.querySelector('[aria-label="Article text"] p.rd-p')!)
              .fontSize,
          ),
        }));
        expect(sizes.ui).toBeGreaterThanOrEqual(20);
        expect(sizes.text).toBeGreaterThanOrEqual(24);
      }
      await page.screenshot({
        path: testInfo.outputPath(`layout-${colorScheme}-${viewport.width}x${viewport.height}.png`),
      });
      await context.close();
    }
  }
});

test('beside a note at 1400×900 the reader keeps ~60+ characters a line', async ({
  app,
  browser,
}, testInfo) => {
  await importShared(app);
  await api(app, 'notes.create', { title: 'Reading notes' });
  for (const colorScheme of THEMES) {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(app.url);
    await openInLibrary(page);
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('option', { name: /Reading notes/ }).click();
    await expect(page.locator('.split-side')).toBeVisible();
    await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(SHARED_TITLE);
    const perLine = await charactersPerLine(page);
    expect(perLine.length).toBeGreaterThan(1);
    expect(average(perLine)).toBeGreaterThanOrEqual(58);
    expect(Math.max(...perLine)).toBeLessThanOrEqual(90);
    await page.screenshot({ path: testInfo.outputPath(`layout-split-${colorScheme}-1400.png`) });
    await context.close();
  }
});

test('the library collapses and resizes by button, shortcut and keyboard splitter, and stays so after a reload', async ({
  app,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await importShared(app);
  for (const colorScheme of THEMES) {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(app.url);
    await openInLibrary(page);
    const width = () => libraryPane(page).evaluate((el) => el.getBoundingClientRect().width);

    // The keyboard moves the splitter: its value is the library's width.
    const start = Number(await splitter(page).getAttribute('aria-valuenow'));
    expect(Math.abs((await width()) - start)).toBeLessThanOrEqual(1);
    await splitter(page).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(splitter(page)).toHaveAttribute('aria-valuenow', String(start + 32));
    await expect.poll(width).toBeCloseTo(start + 32, 0);
    await page.keyboard.press('End');
    const widest = Number(await splitter(page).getAttribute('aria-valuemax'));
    await expect(splitter(page)).toHaveAttribute('aria-valuenow', String(widest));
    await page.keyboard.press('Home');
    const narrowest = Number(await splitter(page).getAttribute('aria-valuenow'));
    expect(narrowest).toBeGreaterThanOrEqual(200);
    expect(narrowest).toBeLessThan(start);

    // Dragged with the pointer.
    const bar = (await splitter(page).boundingBox())!;
    await page.mouse.move(bar.x + bar.width / 2, bar.y + 200);
    await page.mouse.down();
    await page.mouse.move(400, bar.y + 220, { steps: 4 });
    await page.mouse.up();
    await expect.poll(width).toBeGreaterThan(380);
    const dragged = Number(await splitter(page).getAttribute('aria-valuenow'));
    expect(dragged).toBeGreaterThan(380);

    const axe = await new AxeBuilder({ page })
      .include('.pane-splitter')
      .include('header.app-header')
      .analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );

    // Enter on the splitter collapses the library; the header's button says so.
    await splitter(page).focus();
    await page.keyboard.press('Enter');
    await expect(libraryPane(page)).toBeHidden();
    await expect(splitter(page)).toHaveAttribute('aria-valuenow', '0');
    const toggle = page.getByRole('button', { name: 'Library' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await page.screenshot({ path: testInfo.outputPath(`layout-collapsed-${colorScheme}.png`) });

    // Remembered across a reload, collapsed; restored at the width it had.
    await page.reload();
    await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(SHARED_TITLE);
    await expect(libraryPane(page)).toBeHidden();
    await page.getByRole('button', { name: 'Library' }).click();
    await expect(libraryPane(page)).toBeVisible();
    await expect.poll(width).toBeCloseTo(dragged, 0);

    // The shortcut (from the shortcut table) hides it, even from inside the library.
    await page.getByRole('listbox', { name: 'Library' }).focus();
    await page.keyboard.press('Control+Shift+L');
    await expect(libraryPane(page)).toBeHidden();
    await expect(page.locator('body')).not.toBeFocused();
    await page.reload();
    await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(SHARED_TITLE);
    await expect(libraryPane(page)).toBeHidden();
    await page.keyboard.press('Control+Shift+L');
    await expect(libraryPane(page)).toBeVisible();
    await page.reload();
    await expect(libraryPane(page)).toBeVisible();
    await expect.poll(width).toBeCloseTo(dragged, 0);

    // All of a search's results show in the library pane: hidden, it opens for them.
    await page.keyboard.press('Control+Shift+L');
    await expect(libraryPane(page)).toBeHidden();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const box = page
      .getByRole('dialog', { name: 'Search' })
      .getByRole('combobox', { name: 'Search the library' });
    await box.fill('Korea');
    await expect(
      page.getByRole('dialog', { name: 'Search' }).getByRole('option').first(),
    ).toBeVisible();
    await box.press('Control+Enter');
    await expect(page.getByRole('region', { name: 'Search results' })).toBeVisible();
    await expect(libraryPane(page)).toBeVisible();
    await context.close();
  }
});

test('Settings → Appearance: the theme switches the whole window live and is remembered; typography applies to the reader live and is remembered', async ({
  app,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  await importShared(app);
  const BACKGROUND = { light: 'rgb(251, 250, 247)', dark: 'rgb(24, 25, 27)' };
  const HEADER = { light: 'rgb(242, 240, 235)', dark: 'rgb(20, 21, 23)' };
  for (const colorScheme of THEMES) {
    const other = colorScheme === 'light' ? 'dark' : 'light';
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(app.url);
    await openInLibrary(page);
    const colours = () =>
      page.evaluate(() => ({
        page: getComputedStyle(document.body).backgroundColor,
        header: getComputedStyle(document.querySelector('header.app-header')!).backgroundColor,
      }));
    expect(await colours()).toEqual({ page: BACKGROUND[colorScheme], header: HEADER[colorScheme] });
    const body = reader(page).locator('[aria-label="Article text"] p.rd-p').first();

    await page.getByRole('button', { name: 'Settings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const section = dialog.getByRole('region', { name: 'Appearance' });
    await expect(section.getByRole('radio', { name: 'Follow the system' })).toBeChecked();
    // The dialog (a child of the one-row header) wraps its text: nothing runs off its side.
    expect(await dialog.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const axe = async () => {
      const result = await new AxeBuilder({ page }).include('.appearance-settings').analyze();
      expect(
        result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      ).toEqual([]);
    };
    await axe();

    // The other theme, everywhere at once, without a reload.
    await section.getByRole('radio', { name: other === 'dark' ? 'Dark' : 'Light' }).check();
    await expect.poll(colours).toEqual({ page: BACKGROUND[other], header: HEADER[other] });
    await axe();

    // Typography: applied to the reader behind the dialog as it changes.
    await section.getByLabel('Reading font').selectOption({ label: 'Monospace' });
    await section.getByLabel('Text size').fill('24');
    await section.getByLabel('Line width').fill('50');
    await expect(body).toHaveCSS('font-size', '24px');
    expect(await body.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
    await page.screenshot({
      path: testInfo.outputPath(`appearance-${colorScheme}-to-${other}.png`),
    });
    await dialog.getByRole('button', { name: 'Close' }).click();
    const narrow = await charactersPerLine(page);
    expect(Math.max(...narrow)).toBeLessThanOrEqual(52);
    expect(average(narrow)).toBeGreaterThanOrEqual(40);

    // All of it remembered after a reload.
    await page.reload();
    await expect(body).toHaveCSS('font-size', '24px');
    expect(await colours()).toEqual({ page: BACKGROUND[other], header: HEADER[other] });
    await page.screenshot({ path: testInfo.outputPath(`appearance-${other}-reloaded.png`) });

    // Back to following the OS, and the default typography.
    await page.getByRole('button', { name: 'Settings…' }).click();
    await section.getByRole('radio', { name: 'Follow the system' }).check();
    await section.getByRole('button', { name: 'Reset typography' }).click();
    await expect
      .poll(colours)
      .toEqual({ page: BACKGROUND[colorScheme], header: HEADER[colorScheme] });
    await expect(body).toHaveCSS('font-size', '19px');
    await context.close();
  }
});
