import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

test('Ctrl+K finds a note by a word of its text; Enter opens it beside the reader', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  const origin = new URL(app.url).origin;
  const created = await page.context().request.post(`${origin}/api/notes.create`, {
    headers: app.authHeaders,
    data: {
      title: 'Harbour log',
      markdown: 'The estuary ferries stopped at dusk.\n\nMore tomorrow.',
      tags: ['coast'],
    },
  });
  const note = ((await created.json()) as { ok: boolean; data: { id: string } }).data;

  await page.keyboard.press(`${MOD}+k`);
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const box = dialog.getByRole('combobox', { name: 'Search the library' });
  await box.fill('ferries');
  await expect(dialog.getByText(/^Notes/)).toBeVisible();
  const option = dialog.getByRole('option').first();
  await expect(option).toContainText('Harbour log');
  await expect(option.locator('mark').first()).toHaveText('ferries');
  expect((await new AxeBuilder({ page }).include('.search-palette').analyze()).violations).toEqual(
    [],
  );

  await box.press('Enter');
  await expect(dialog).toBeHidden();
  const pane = page.getByRole('region', { name: 'Note' });
  await expect(pane).toBeVisible();
  await expect(pane).toHaveAttribute('data-note-id', note.id);
  await expect(pane.getByLabel('Note title')).toHaveValue('Harbour log');
});

test('kind:note and tag: narrow to notes; the results panel has a Notes tab', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  const origin = new URL(app.url).origin;
  for (const [title, tags] of [
    ['Tide tables', ['coast']],
    ['Tide gauges', []],
  ] as const) {
    await page.context().request.post(`${origin}/api/notes.create`, {
      headers: app.authHeaders,
      data: { title, markdown: 'Spring tides.', tags },
    });
  }
  await page.keyboard.press(`${MOD}+k`);
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const box = dialog.getByRole('combobox', { name: 'Search the library' });
  await box.fill('tide tag:coast kind:note');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await expect(dialog.getByRole('option')).toContainText('Tide tables');
  await box.fill('tide');
  await expect(dialog.getByRole('option')).toHaveCount(2);
  await box.press(`${MOD}+Enter`);
  const panel = page.getByRole('region', { name: 'Search results' });
  const tab = panel.getByRole('tab', { name: /^Notes/ });
  await expect(tab).toContainText('2');
  await tab.click();
  await expect(panel.getByRole('button', { name: /^Note Tide/ })).toHaveCount(2);
});
