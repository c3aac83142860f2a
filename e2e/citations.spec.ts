import AxeBuilder from '@axe-core/playwright';
import { SHARED_ARTICLE, expect, test } from './fixtures';

const TITLE = "Putin's state visit to North Korea sets stage for elevated ties";
const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';

test('copy as citation puts the quote and an MLA citation on the clipboard as text and HTML; the style is remembered', async ({
  app,
  browser,
}) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  expect((await app.cli(['import', SHARED_ARTICLE])).code).toBe(0);
  const id = (JSON.parse((await app.cli(['list', '--json'])).stdout) as { id: string }[])[0]!.id;
  expect((await app.cli(['passage', 'add', id, '--quote', QUOTE])).code).toBe(0);
  await page.goto(app.url);
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  await page.locator('mark').filter({ hasText: 'mutual settlements' }).first().click();
  const editor = page.getByRole('dialog', { name: 'Passage' });
  await editor.getByLabel('Citation style').selectOption('mla');
  await editor.getByRole('button', { name: 'Copy as citation' }).click();
  await expect(editor.getByRole('status')).toHaveText('Copied');
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type: string) =>
      item!.types.includes(type) ? (await item!.getType(type)).text() : null;
    return { text: await read('text/plain'), html: await read('text/html') };
  });
  expect(clip.text).toContain(`“${QUOTE}”`);
  // MLA 9 (the official CSL style): the (local file's) title in italics and title case, then
  // the date as day month year.
  expect(clip.text).toMatch(
    /\n— Ji, Da-gyum\. Putin’s State Visit to North Korea Sets Stage for Elevated Ties.* 18 June 2024\.$/,
  );
  expect(clip.html).toContain('<blockquote>');
  expect(clip.html).toContain('<i>Putin’s State Visit');
  expect(clip.html).toContain(QUOTE);
  const serious = (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
  expect(serious).toEqual([]);

  await page.reload();
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  await page.locator('mark').filter({ hasText: 'mutual settlements' }).first().click();
  await expect(
    page.getByRole('dialog', { name: 'Passage' }).getByLabel('Citation style'),
  ).toHaveValue('mla');
  await context.close();
});

test('copy with in-text citation: the quote in the locale’s marks, then the APA in-text citation', async ({
  app,
  browser,
}) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  expect((await app.cli(['import', SHARED_ARTICLE])).code).toBe(0);
  const id = (JSON.parse((await app.cli(['list', '--json'])).stdout) as { id: string }[])[0]!.id;
  // A quote that itself holds straight quotes: they must not sit inside the curly ones.
  const inner = '"accept the proposal"';
  expect((await app.cli(['passage', 'add', id, '--quote', inner])).code).toBe(0);
  await page.goto(app.url);
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  await page.locator('mark').filter({ hasText: 'accept the proposal' }).first().click();
  const editor = page.getByRole('dialog', { name: 'Passage' });
  await editor.getByLabel('Citation style').selectOption('apa');
  await editor.getByRole('button', { name: 'Copy with in-text citation' }).click();
  await expect(editor.getByRole('status')).toHaveText('Copied');
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type: string) =>
      item!.types.includes(type) ? (await item!.getType(type)).text() : null;
    return { text: await read('text/plain'), html: await read('text/html') };
  });
  // en-US marks: “ ” outside, ‘ ’ inside; then (Author, Year) as APA cites in the text.
  expect(clip.text).toMatch(/^“‘accept the proposal’” \(.+, 2024\)$/);
  expect(clip.text).not.toContain('"');
  expect(clip.html).toMatch(/^<p>“‘accept the proposal’” \(.+, 2024\)<\/p>$/);
  const serious = (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
  expect(serious).toEqual([]);
  await context.close();
});
