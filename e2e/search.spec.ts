import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SHARED_ARTICLE, expect, test } from './fixtures';

const TITLE = "Putin's state visit to North Korea sets stage for elevated ties";
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

async function importShared(page: Page): Promise<void> {
  await page.getByLabel('Import files').setInputFiles(SHARED_ARTICLE);
  await expect(
    page.getByRole('listbox', { name: 'Library' }).getByRole('option').filter({ hasText: TITLE }),
  ).toBeVisible();
}

test('Ctrl+K finds a word, Enter opens the article at the hit', async ({ app, page }) => {
  // Short enough that the hit is below the fold of a freshly opened article.
  await page.setViewportSize({ width: 1000, height: 480 });
  await page.goto(app.url);
  await importShared(page);
  await page.keyboard.press(`${MOD}+k`);
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox', { name: 'Search the library' });
  await expect(box).toBeFocused();
  await box.fill('Rodong');
  const option = dialog.getByRole('option').first();
  await expect(option).toBeVisible();
  await expect(option.locator('mark').first()).toHaveText(/rodong/i);
  await expect(dialog.getByText(/^Articles/)).toBeVisible();
  await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);

  // Record what is painted as a highlight: the flash lasts too short a time to poll for.
  await page.evaluate(() => {
    const painted: string[] = [];
    (window as unknown as { painted: string[] }).painted = painted;
    const set = CSS.highlights.set.bind(CSS.highlights);
    CSS.highlights.set = (name, highlight) => {
      painted.push(`${name}:${[...highlight].map((r) => r.toString()).join('|')}`);
      return set(name, highlight);
    };
  });
  await box.press('Enter');
  await expect(dialog).toBeHidden();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const paragraph = reader.locator('p', { hasText: 'Rodong Sinmun' }).first();
  await expect(paragraph).toBeInViewport();
  await expect.poll(() => reader.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  // The hit is flashed, painted as a highlight (no DOM change), and the flash fades.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { painted: string[] }).painted))
    .toContainEqual(expect.stringMatching(/^search-flash:Rodong$/i));
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('search-flash'))).toBe(false);
});

test('Ctrl+F finds in the article, diacritics and case aside', async ({ app, page }) => {
  await page.goto(app.url);
  await importShared(page);
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await reader.focus();
  await page.keyboard.press(`${MOD}+f`);
  const find = page.getByRole('search');
  const input = find.getByRole('textbox', { name: 'Find in article' });
  await expect(input).toBeFocused();
  await input.fill('putin');
  const status = find.getByRole('status');
  await expect(status).toHaveText(/^1 of \d+$/);
  const total = Number(/of (\d+)/.exec((await status.textContent()) ?? '')![1]);
  expect(total).toBeGreaterThan(5);
  expect(await page.evaluate(() => CSS.highlights.get('find-all')?.size)).toBe(total);
  await input.press('Enter');
  await expect(status).toHaveText(`2 of ${total}`);
  await input.press('Shift+Enter');
  await input.press('Shift+Enter');
  await expect(status).toHaveText(`${total} of ${total}`);
  // Diacritics-insensitive: "Pútin" is the same word.
  await input.fill('PÚTIN');
  await expect(status).toHaveText(`1 of ${total}`);
  await input.fill('zzqx');
  await expect(status).toHaveText('No matches');

  await input.press('Escape');
  await expect(find).toBeHidden();
  await expect(reader).toBeFocused();
  expect(await page.evaluate(() => CSS.highlights.has('find-all'))).toBe(false);
});

test('a hostile query shows no error; all results open in the library pane', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  await importShared(page);
  const opener = page.getByRole('button', { name: 'Search', exact: true });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  // Escape closes and hands focus back.
  await dialog.getByRole('combobox').press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await opener.click();
  const box = dialog.getByRole('combobox', { name: 'Search the library' });
  await box.fill('NEAR( "');
  await expect(dialog.getByText('No results for “NEAR( "”')).toBeVisible();
  await expect(dialog.getByText(/search failed/i)).toHaveCount(0);
  // Markup in a query is text, echoed as such.
  await box.fill('<img src=x onerror=alert(1)>');
  await expect(dialog.getByText('No results for “<img src=x onerror=alert(1)>”')).toBeVisible();
  await expect(dialog.getByText(/search failed/i)).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  await box.fill('zzzqqqxxx');
  await expect(dialog.getByText('No results for “zzzqqqxxx”')).toBeVisible();

  await box.fill('Korea');
  await expect(dialog.getByRole('option').first()).toBeVisible();
  await box.press(`${MOD}+Enter`);
  await expect(dialog).toBeHidden();
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Library' })).toBeHidden();
  await expect(results.getByRole('tab', { name: /^All/ })).toHaveAttribute('aria-selected', 'true');
  await results.getByRole('tab', { name: /^Passages/ }).click();
  await expect(results.getByText('No results for “Korea”')).toBeVisible();
  await results.getByRole('tab', { name: /^Articles/ }).click();
  await results.getByRole('button', { name: new RegExp(TITLE.slice(0, 20)) }).click();
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText(TITLE);

  await results.getByRole('button', { name: 'Close search results' }).click();
  await expect(page.getByRole('listbox', { name: 'Library' })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Library' })).toBeFocused();
});

test('a passage hit opens its article at the passage', async ({ app, page }) => {
  const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';
  expect((await app.cli(['import', SHARED_ARTICLE])).code).toBe(0);
  const id = (JSON.parse((await app.cli(['list', '--json'])).stdout) as { id: string }[])[0]!.id;
  expect(
    (await app.cli(['passage', 'add', id, '--quote', QUOTE, '--tag', 'Sanctions policy'])).code,
  ).toBe(0);
  await page.setViewportSize({ width: 1000, height: 480 });
  await page.goto(app.url);
  await page.keyboard.press(`${MOD}+k`);
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const box = dialog.getByRole('combobox');
  // Found by its tag alone (the article doesn't hold the word): the tag shows why, hit marked.
  await box.fill('sanctions');
  const byTag = dialog.getByRole('group', { name: 'Passages 1' }).getByRole('option');
  await expect(byTag).toContainText('Sanctions policy');
  await expect(byTag.locator('mark')).toHaveText(['Sanctions']);
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await box.fill('settlements');
  const passages = dialog.getByRole('group', { name: /^Passages/ });
  await expect(passages).toHaveAccessibleName('Passages 1');
  await expect(dialog.getByRole('group', { name: /^Articles/ })).toHaveAccessibleName('Articles 1');
  // Articles come first: one step down is the passage.
  await box.press('ArrowDown');
  await expect(passages.getByRole('option')).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.locator('p', { hasText: 'mutual settlements' }).first()).toBeInViewport();
  await expect.poll(() => reader.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
});

test('one or two CJK characters find their article, with the hit marked, also after a reindex', async ({
  app,
  page,
}) => {
  const file = join(app.dir, 'pyongyang.md');
  writeFileSync(
    file,
    '---\ntitle: 平壤访问\n---\n\n俄罗斯总统抵达平壤。대통령이 평양에 도착했다. Then back to English.\n',
  );
  expect((await app.cli(['import', file])).code).toBe(0);
  expect((await app.cli(['reindex'])).code).toBe(0);
  await page.goto(app.url);
  await page.keyboard.press(`${MOD}+k`);
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const box = dialog.getByRole('combobox', { name: 'Search the library' });
  for (const q of ['壤', '평양', '访问']) {
    await box.fill(q);
    const option = dialog.getByRole('option').first();
    await expect(option).toContainText('平壤访问');
    if (q !== '访问') await expect(option.locator('mark').first()).toHaveText(q); // 访问 is only in the title
  }
  await box.fill('壤平');
  await expect(dialog.getByText('No results for “壤平”')).toBeVisible();
});

test('the search UI passes axe in both themes', async ({ app, browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(app.url);
  await importShared(page);
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.keyboard.press(`${MOD}+k`);
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('combobox').fill('Putin');
    await expect(dialog.getByRole('option').first().locator('mark').first()).toBeVisible();
    expect(await serious()).toEqual([]);
    await dialog.getByRole('combobox').press(`${MOD}+Enter`);
    const results = page.getByRole('region', { name: 'Search results' });
    await expect(
      results.getByRole('button', { name: new RegExp(TITLE.slice(0, 20)) }),
    ).toBeVisible();
    await results.getByRole('button', { name: new RegExp(TITLE.slice(0, 20)) }).click();
    const reader = page.getByRole('article', { name: 'Reader' });
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await reader.focus();
    await page.keyboard.press(`${MOD}+f`);
    await page.getByRole('textbox', { name: 'Find in article' }).fill('korea');
    await expect(page.getByRole('search').getByRole('status')).toHaveText(/^1 of/);
    expect(await serious()).toEqual([]);
    await page.getByRole('textbox', { name: 'Find in article' }).press('Escape');
    await results.getByRole('button', { name: 'Close search results' }).click();
  }
  await context.close();
});
