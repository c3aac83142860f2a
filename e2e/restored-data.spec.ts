/**
 * A library file made elsewhere (a restored backup, a hand-edited or hostile one) can hold an
 * article body or a note document of a shape the app never writes. Opening it must fail in that
 * part of the window alone, saying so, while the list, other articles and notes keep working.
 * The bad rows are written straight into the library file with SQLite, as such a file would be.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { SHARED_ARTICLE, expect, test } from './fixtures';
import { SHARED_TITLE, openInLibrary } from './reader';

const seriousViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id);

test('a malformed article body or note document shows an error in its pane; the list, other articles and notes still work', async ({
  app,
  page,
}) => {
  writeFileSync(
    join(app.dir, 'empty-body.md'),
    '# Body that became an array\n\nThis text is about to be lost in a bad restore.\n',
  );
  writeFileSync(
    join(app.dir, 'unknown-block.md'),
    '# Body with a block from nowhere\n\nAnother paragraph.\n',
  );
  const imported = await app.cli([
    'import',
    SHARED_ARTICLE,
    join(app.dir, 'empty-body.md'),
    join(app.dir, 'unknown-block.md'),
  ]);
  expect(imported.code, imported.stderr).toBe(0);
  writeFileSync(join(app.dir, 'good-note.md'), 'A note that reads fine.\n');
  for (const [title, file] of [
    ['Good note', 'good-note.md'],
    ['Broken note', 'good-note.md'],
  ]) {
    const made = await app.cli([
      'note',
      'create',
      '--title',
      title!,
      '--from-markdown',
      join(app.dir, file!),
    ]);
    expect(made.code, made.stderr).toBe(0);
  }

  const db = new Database(app.libraryPath);
  try {
    db.prepare("UPDATE articles SET body = '[]' WHERE title = 'Body that became an array'").run();
    db.prepare('UPDATE articles SET body = ? WHERE title = ?').run(
      JSON.stringify({ version: 1, blocks: [{ type: 'video', src: 'x' }] }),
      'Body with a block from nowhere',
    );
    db.prepare('UPDATE notes SET doc = ? WHERE title = ?').run(
      JSON.stringify({
        root: { type: 'root', version: 1, children: [{ type: 'no-such-node', version: 1 }] },
      }),
      'Broken note',
    );
  } finally {
    db.close();
  }

  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
  const articles = page.getByRole('listbox', { name: 'Library' }).getByRole('option');
  await expect(articles).toHaveCount(3);

  // The body that is an array: the reader says so; the header, list and toolbar stay.
  await articles.filter({ hasText: 'Body that became an array' }).click();
  const reader = page.locator('[data-pane="reader"]');
  const alert = reader.getByRole('alert');
  await expect(alert).toContainText('This article could not be shown.');
  await expect(alert).toContainText('nothing was changed');
  await expect(page.getByRole('button', { name: 'Import…' }).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A way on: back to the library, with the keyboard in the list.
  await alert.getByRole('button', { name: 'Back to the library' }).click();
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.closest('[data-pane="library"]') !== null),
    )
    .toBe(true);

  // The other kind of bad body fails the same way; a good article next to them reads as usual.
  await articles.filter({ hasText: 'Body with a block from nowhere' }).click();
  await expect(reader.getByRole('alert')).toContainText('This article could not be shown.');
  await openInLibrary(page);
  await expect(page.locator('[aria-label="Article text"]')).toContainText('Kim Jong Un');
  await expect(reader.getByRole('alert')).toHaveCount(0);

  // Notes: the broken one says so in the note pane, read-only and left as it was (the reader
  // beside it still reads); the good one opens.
  await page.getByRole('tab', { name: 'Notes' }).click();
  const notes = page.getByRole('listbox', { name: /notes/i }).getByRole('option');
  await expect(notes).toHaveCount(2);
  await notes.filter({ hasText: 'Broken note' }).click();
  const notePane = page.getByRole('region', { name: 'Note' });
  await expect(notePane.getByRole('alert')).toContainText(
    'This note could not be opened for editing',
  );
  await expect(notePane.getByRole('alert')).toContainText('no-such-node');
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText(SHARED_TITLE);
  expect(await seriousViolations(page)).toEqual([]);
  await notes.filter({ hasText: 'Good note' }).click();
  await expect(notePane.getByRole('textbox', { name: 'Note text' })).toContainText(
    'A note that reads fine.',
  );
  await notes.filter({ hasText: 'Broken note' }).click();
  await expect(notePane.getByRole('alert')).toBeVisible();
  await notePane.getByRole('button', { name: 'Close note' }).click();
  await expect(notePane).toHaveCount(0);

  // The bad rows are left as they were (nothing overwrote them), and nothing blanked the page.
  const after = new Database(app.libraryPath, { readonly: true });
  try {
    expect(
      after
        .prepare("SELECT body FROM articles WHERE title = 'Body that became an array'")
        .pluck()
        .get(),
    ).toBe('[]');
    expect(
      after.prepare("SELECT doc FROM notes WHERE title = 'Broken note'").pluck().get(),
    ).toContain('no-such-node');
  } finally {
    after.close();
  }
  expect(pageErrors).toEqual([]);
});

test('update from source: absent in web mode; the desktop page shows the file and asks first, and HTTP still refuses it', async ({
  app,
  page,
  browser,
}) => {
  const file = join(app.dir, 'tides.md');
  writeFileSync(file, '# Tides\n\nThe tide comes in twice a day.\n');
  const imported = await app.cli(['import', file]);
  expect(imported.code, imported.stderr).toBe(0);
  const tides = (p: Page) => p.getByRole('option').filter({ hasText: 'Tides' });
  const update = (p: Page) => p.getByRole('button', { name: 'Update from source file' });

  await page.goto(app.url);
  await tides(page).click();
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText('Tides');
  await expect(page.getByRole('button', { name: 'Edit text' })).toBeVisible();
  await expect(update(page)).toHaveCount(0);

  // The desktop app's page, driven in Chromium: a preload-like bridge that forwards to web mode's
  // HTTP API (which, unlike the desktop app's IPC, refuses the call).
  const context = await browser.newContext();
  const desktop = await context.newPage();
  await desktop.addInitScript(() => {
    const token = new URL(window.location.href).searchParams.get('token');
    (window as unknown as { commonplace: unknown }).commonplace = {
      invoke: async (method: string, input: unknown) => {
        const response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
        });
        return response.json();
      },
      onEvent: () => () => undefined,
    };
  });
  await desktop.goto(app.url);
  await tides(desktop).click();
  await update(desktop).click();
  const dialog = desktop.getByRole('dialog', { name: 'Update from source file?' });
  await expect(dialog).toContainText(`Commonplace will read ${file} again`);
  expect(
    (await new AxeBuilder({ page: desktop }).include('dialog.confirm-dialog').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await update(desktop).click();
  await desktop
    .getByRole('dialog', { name: 'Update from source file?' })
    .getByRole('button', { name: 'Read it and update' })
    .click();
  await expect(
    desktop.getByText('articles.updateFromSource: only available to the desktop app'),
  ).toBeVisible();
  await context.close();
});
