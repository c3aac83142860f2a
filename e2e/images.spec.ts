import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { api, expect, test } from './fixtures';

/** A 1×1 PNG: enough for the browser to decode a real picture. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

test('a saved page keeps its embedded picture in the reader (alt text as its text, or its caption); a remote picture is never fetched', async ({
  app,
  page,
}, testInfo) => {
  const origin = new URL(app.url).origin;
  const remote: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) remote.push(url);
  });
  await page.goto(app.url);
  const words = 'The harbour survey counted ferries, cranes and moorings along the quay. '.repeat(
    6,
  );
  const html = `<!doctype html><html><head><title>Harbour survey</title></head><body><article>
    <h1>Harbour survey</h1><p>${words}</p>
    <figure><img src="data:image/png;base64,${PNG}" alt="Map of the harbour"><figcaption>The harbour in 1902.</figcaption></figure>
    <p>${words}</p>
    <img src="data:image/png;base64,${PNG}" alt="Tide chart for March">
    <p>${words}</p>
    <img src="https://example.invalid/remote.png" alt="Remote chart">
    <p>Closing paragraph. ${words}</p></article></body></html>`;
  await page
    .getByLabel('Import files')
    .setInputFiles({ name: 'harbour.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.getByRole('option').filter({ hasText: 'Harbour survey' }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader).toContainText('Closing paragraph.');

  // Both kept pictures are shown, decoded. An uncaptioned one has its alt text as its text; a
  // captioned one leaves it out (the caption says it), and the caption is a caption block.
  const figures = reader.locator('figure.rd-image');
  await expect(figures).toHaveCount(2);
  await expect(figures.nth(1)).toContainText('Tide chart for March');
  await expect(reader.locator('.rd-caption')).toContainText('The harbour in 1902.');
  for (const img of await figures.locator('img').all())
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), {
        timeout: 30_000,
      })
      .toBe(1);
  // The remote one is only its alt text, and nothing left the machine for it.
  await expect(reader).toContainText('Remote chart');
  await expect(reader.locator('img')).toHaveCount(2);
  expect(remote).toEqual([]);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(violations).toEqual([]);
    await testInfo.attach(`picture-${scheme}`, {
      body: await page.screenshot(),
      contentType: 'image/png',
    });
  }
});

test('an excerpt over a picture exports to HTML from the dialog with the picture inlined', async ({
  app,
  page,
}, testInfo) => {
  test.slow();
  await page.goto(app.url);
  const words = 'The survey counted ferries, cranes and moorings along the quay. '.repeat(4);
  const html = `<!doctype html><html><head><title>Tide survey</title></head><body><article>
    <h1>Tide survey</h1><p>${words}</p>
    <figure><img src="data:image/png;base64,${PNG}" alt="Tide chart for March"><figcaption>Tides in March 1902.</figcaption></figure>
    <p>After the chart. ${words}</p></article></body></html>`;
  await page
    .getByLabel('Import files')
    .setInputFiles({ name: 'tides.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.getByRole('option').filter({ hasText: 'Tide survey' }).click();
  await expect(page.getByRole('article', { name: 'Reader' })).toContainText('After the chart.');
  const { items } = await api<{ items: { id: string; title: string }[] }>(app, 'articles.list', {});
  const article = items.find((a) => a.title === 'Tide survey')!;
  // A passage over the caption carries its picture; one over the next paragraph does not.
  await api(app, 'passages.createFromQuote', {
    articleId: article.id,
    quote: 'Tides in March 1902.',
  });
  await api(app, 'passages.createFromQuote', {
    articleId: article.id,
    quote: 'After the chart.',
  });

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export passages' });
  await dialog.getByLabel('Format').selectOption('html');
  await expect(dialog.getByRole('status')).toContainText('2 excerpts from 1 source');
  await expect(dialog.getByTestId('export-preview')).toContainText('<figure><img src="data:');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).include('dialog.export-dialog').analyze();
    expect(
      axe.violations.map(
        (v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  }
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/\.html$/);
  const file = testInfo.outputPath('pictures.html');
  await download.saveAs(file);
  const out = readFileSync(file, 'utf8');
  // The downloaded page holds the picture itself, once, with its caption (a captioned
  // picture's alt text was left out at import: the caption says it).
  expect(out.split(`<img src="data:image/png;base64,${PNG}"`)).toHaveLength(2);
  expect(out).toContain('<figcaption>Tides in March 1902.</figcaption>');
  expect(out).not.toMatch(/<script|https?:\/\/[^"]*\.png/);
});
