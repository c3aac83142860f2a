import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { SHARED_ARTICLE, expect, test } from './fixtures';

const TITLE = "Putin's state visit to North Korea sets stage for elevated ties";

test('imports the shared article through the UI, lists it, and opens it in the reader', async ({
  app,
  page,
}, testInfo) => {
  await page.goto(app.url);
  await expect(page.getByText(/Your library is empty/)).toBeVisible();
  await page.getByLabel('Import files').setInputFiles(SHARED_ARTICLE);

  const row = page.getByRole('option').filter({ hasText: TITLE });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Ji Da-gyum');
  await row.click();

  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(reader).toContainText('Ji Da-gyum');
  await expect(reader).toContainText(
    'alternative trade and mutual settlements mechanisms not controlled by the West',
  );
  // Captions are styled as captions, not body text; the share widget is gone.
  await expect(reader.locator('.rd-caption').first()).toContainText('(Pool Photo via AFP)');
  await expect(reader).not.toContainText('Send to');

  await testInfo.attach('reader', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  await page.screenshot({ path: testInfo.outputPath('reader.png'), fullPage: true });
});

test('every body paragraph of the shared article is shown, in order', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByLabel('Import files').setInputFiles(SHARED_ARTICLE);
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const shown = (await reader.locator('[contenteditable] p').allTextContents()).map((t) =>
    t.trim(),
  );
  const source = readFileSync(SHARED_ARTICLE, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim());
  const paragraphs = source.filter((p) => p.length > 200 && !p.includes('By Ji Da-gyum'));
  let at = -1;
  for (const p of paragraphs) {
    const i = shown.indexOf(p);
    expect(i, `paragraph missing or out of order: ${p.slice(0, 60)}`).toBeGreaterThan(at);
    at = i;
  }
});

test('names each file that failed and why, and still imports the others', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByLabel('Import files').setInputFiles([
    {
      name: 'picture.html',
      mimeType: 'text/html',
      buffer: Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
      ]),
    },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    {
      name: 'note.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('---\ntitle: A good note\nauthor: Ada\n---\n\nSome text.'),
    },
  ]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('picture.html');
  await expect(alert).toContainText('PNG');
  await expect(alert).toContainText('empty.txt');
  await expect(page.getByRole('option').filter({ hasText: 'A good note' })).toBeVisible();
});

test('hostile HTML is sanitized: no script runs, no remote request is made', async ({
  app,
  page,
}) => {
  const remote: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(new URL(app.url).origin)) remote.push(r.url());
  });
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await page.goto(app.url);
  const html = `<!doctype html><html><head><title>Hostile page</title><script>alert(1)</script></head><body><article>
    <h1>Hostile page</h1><p>First paragraph with enough words to count as an article body for readability to keep it around.</p>
    <img src="https://example.invalid/tracker.png" onerror="alert(2)"><p><a href="javascript:alert(3)">click me</a> and more words in this paragraph to keep it.</p>
    <iframe src="https://example.invalid/frame"></iframe><p onclick="alert(4)">Another paragraph of text that readability should keep in the article.</p></article></body></html>`;
  await page
    .getByLabel('Import files')
    .setInputFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.getByRole('option').filter({ hasText: 'Hostile page' }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader).toContainText('Another paragraph of text');
  await expect(reader.locator('script, iframe, img, [onerror], [onclick]')).toHaveCount(0);
  await expect(reader.locator('a[href^="javascript:"]')).toHaveCount(0);
  await reader.getByText('click me').click();
  expect(remote).toEqual([]);
  expect(page.url().startsWith(new URL(app.url).origin)).toBe(true);
});

test('an import from the CLI shows up in the open window without a reload', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  await expect(page.getByText(/Your library is empty/)).toBeVisible();
  const r = await app.cli(['import', SHARED_ARTICLE]);
  expect(r.code, r.stderr).toBe(0);
  await expect(page.getByRole('option').filter({ hasText: TITLE })).toBeVisible();
});

test('the library and reader pass an axe scan with no serious or critical violations', async ({
  app,
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(app.url);
  const empty = await new AxeBuilder({ page }).analyze();
  expect(
    empty.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
  await page.getByLabel('Import files').setInputFiles(SHARED_ARTICLE);
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText(TITLE);
  const full = await new AxeBuilder({ page }).analyze();
  expect(
    full.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await new AxeBuilder({ page }).analyze();
  expect(
    dark.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
  await context.close();
});

test('the library is keyboard navigable', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByLabel('Import files').setInputFiles([
    {
      name: 'one.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('---\ntitle: First note\ndate: 2024-01-01\n---\nBody one.'),
    },
    {
      name: 'two.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('---\ntitle: Second note\ndate: 2024-02-01\n---\nBody two.'),
    },
  ]);
  const list = page.getByRole('listbox', { name: 'Library' });
  await expect(list.getByRole('option')).toHaveCount(2);
  await list.getByRole('option').first().click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText('First note');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText('Second note');
});
