/**
 * The reader's table of contents from the article's headings: collapsible, Enter or a click jumps
 * to the heading, and the section on screen is marked (aria-current) as the reader scrolls.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LONG_SECTIONS as SECTIONS, LONG_TITLE as TITLE, writeLongArticle } from './reader';

/** The first heading of the reader's text still on screen at its top edge. */
function topHeading(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const reader = document.querySelector('article.reader');
    if (!reader) return null;
    const box = reader.getBoundingClientRect();
    for (const h of document.querySelectorAll(
      '[aria-label="Article text"] h2, [aria-label="Article text"] h3',
    )) {
      const r = h.getBoundingClientRect();
      if (r.bottom > box.top && r.top < box.bottom) return h.textContent;
    }
    return null;
  });
}

test('the contents list the headings; Enter jumps to one; the section read is marked as you scroll', async ({
  app,
  browser,
}, testInfo) => {
  const imported = await app.cli(['import', writeLongArticle(app.dir)]);
  expect(imported.code, imported.stderr).toBe(0);
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const contents = reader.getByRole('navigation', { name: 'Contents' });
  const toggle = contents.getByRole('button', { name: /Contents \(\d+\)/ });
  await expect(toggle).toHaveText(/Contents \(30\)/);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const entries = contents.getByRole('listitem');
  await expect(entries).toHaveCount(SECTIONS);
  await expect(contents.getByRole('button', { name: 'Section 1', exact: true })).toHaveAttribute(
    'aria-current',
    'location',
  );

  // Keyboard: Tab to an entry, Enter: the reader shows that section's heading at the top.
  const twenty = contents.getByRole('button', { name: 'Section 20', exact: true });
  await twenty.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => topHeading(page)).toBe('Section 20');
  await expect(twenty).toHaveAttribute('aria-current', 'location');

  // Scrolling by hand moves the mark.
  await page.evaluate(() => {
    for (const h of document.querySelectorAll(
      '[aria-label="Article text"] h2, [aria-label="Article text"] h3',
    ))
      if (h.textContent === 'Section 7') h.scrollIntoView({ block: 'start' });
  });
  const seven = contents.getByRole('button', { name: 'Section 7', exact: true });
  await expect(seven).toHaveAttribute('aria-current', 'location');
  await expect(contents.locator('[aria-current]')).toHaveCount(1);

  // A click jumps too.
  await contents.getByRole('button', { name: 'Section 28', exact: true }).click();
  await expect.poll(() => topHeading(page)).toBe('Section 28');

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`contents-${colorScheme}-1024.png`) });
    const axe = await new AxeBuilder({ page }).include('nav.reader-toc').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );
  }

  // Collapsed, it stays collapsed on the next article opened (remembered per window).
  await page.keyboard.press('Shift+Tab');
  await toggle.click();
  await expect(entries).toHaveCount(0);
  await page.reload();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await context.close();
});
