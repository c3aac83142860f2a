import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SHARED_TITLE as TITLE, openSharedArticle as openArticle, selectText } from './reader';

const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';

const marks = (page: Page) => page.locator('[aria-label="Article text"] mark[data-passage-ids]');

test('highlight a selection, tag it, comment on it; it is all still there after a reload', async ({
  app,
  page,
}, testInfo) => {
  await openArticle(app, page);
  const sidebar = page.getByRole('region', { name: 'Passages' });
  await expect(sidebar).toContainText('Select text to keep a passage.');

  await selectText(page, QUOTE);
  const toolbar = page.getByRole('toolbar', { name: 'Selected text' });
  await toolbar.getByRole('button', { name: 'Tag…' }).click();
  const editor = page.getByRole('dialog', { name: 'Passage' });
  await expect(editor).toContainText(QUOTE);
  await expect(editor.getByRole('combobox', { name: 'Tags' })).toBeFocused();
  await page.keyboard.type('sanctions');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Remove tag sanctions' })).toBeVisible();
  await editor.getByLabel('Comment').fill('Payments routed around the West.');
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(editor).toBeHidden();

  await expect(marks(page)).toHaveText([QUOTE]);
  await expect(sidebar).toContainText('Payments routed around the West.');
  await expect(
    page.getByRole('region', { name: 'Tags' }).getByRole('button', { name: /^sanctions/ }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('highlighted.png') });

  await page.reload();
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  await expect(marks(page)).toHaveText([QUOTE]);
  await expect(marks(page)).toHaveClass(/rd-mark-yellow/);
  await expect(sidebar.locator('.passage-item')).toHaveCount(1);
  await expect(sidebar).toContainText('sanctions');
  await expect(sidebar).toContainText('Payments routed around the West.');
  await marks(page).first().click();
  await expect(page.getByRole('dialog', { name: 'Passage' }).getByLabel('Comment')).toHaveValue(
    'Payments routed around the West.',
  );
});

test('overlapping passages share marks with several ids; delete has Undo and Ctrl+Z', async ({
  app,
  page,
}) => {
  await openArticle(app, page);
  await selectText(page, QUOTE);
  await page
    .getByRole('toolbar', { name: 'Selected text' })
    .getByRole('button', { name: 'Highlight', exact: true })
    .click();
  await expect(marks(page)).toHaveCount(1);
  await selectText(
    page,
    'mutual settlements mechanisms not controlled by the West, jointly oppose',
  );
  await expect(page.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();
  await page.keyboard.press('h');
  await expect(page.locator('mark.rd-mark-overlap')).toHaveText([
    'mutual settlements mechanisms not controlled by the West',
  ]);
  const ids = await page.locator('mark.rd-mark-overlap').getAttribute('data-passage-ids');
  expect(ids?.split(' ')).toHaveLength(2);

  // Delete the second passage from its editor; Undo brings it back.
  await page.locator('mark').filter({ hasText: ', jointly oppose' }).click();
  const editor = page.getByRole('dialog', { name: 'Passage' });
  await expect(editor).toContainText('jointly oppose');
  await editor.getByRole('radio', { name: 'Green' }).check();
  await expect(page.locator('mark.rd-mark-green')).not.toHaveCount(0);
  await editor.getByRole('button', { name: 'Delete passage' }).click();
  await expect(page.locator('mark.rd-mark-overlap')).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Passage deleted');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('mark.rd-mark-overlap')).toHaveCount(1);

  // Again, undone with the keyboard this time.
  await page.locator('mark').filter({ hasText: ', jointly oppose' }).click();
  await page
    .getByRole('dialog', { name: 'Passage' })
    .getByRole('button', { name: 'Delete passage' })
    .click();
  await expect(page.locator('mark.rd-mark-overlap')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('mark.rd-mark-overlap')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Passages' }).locator('.passage-item')).toHaveCount(
    2,
  );
});

test('a passage added with the CLI appears in the open reader without a reload', async ({
  app,
  page,
}) => {
  const id = await openArticle(app, page);
  const r = await app.cli([
    'passage',
    'add',
    id,
    '--quote',
    'comprehensive strategic partnership',
    '--tag',
    'treaty',
    '--color',
    'blue',
  ]);
  expect(r.code, r.stderr).toBe(0);
  await expect(page.locator('mark.rd-mark-blue').first()).toHaveText(
    'comprehensive strategic partnership',
  );
  const sidebar = page.getByRole('region', { name: 'Passages' });
  await expect(sidebar).toContainText('treaty');
  await sidebar
    .getByRole('button', { name: 'comprehensive strategic partnership', exact: true })
    .click();
  await expect(page.locator('mark.rd-mark-flash')).not.toHaveCount(0);
  await expect(
    page.getByRole('region', { name: 'Tags' }).getByRole('button', { name: /^treaty/ }),
  ).toBeVisible();
});

test('the passage editor stays inside the window when links arrive while it is open', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1100, height: 700 });
  const id = await openArticle(app, page);
  const add = async (quote: string) => {
    const r = await app.cli(['passage', 'add', id, '--quote', quote, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { id: string }).id;
  };
  const first = await add('comprehensive strategic partnership');
  const second = await add(QUOTE);
  const mark = page.locator('mark').filter({ hasText: 'comprehensive strategic partnership' });
  await expect(mark).not.toHaveCount(0);
  // Low in the window, so the editor first fits above the mark; the links then make it taller.
  await mark.first().evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await mark.first().click();
  const editor = page.getByRole('dialog', { name: 'Passage' });
  await expect(editor).toBeVisible();
  for (const relation of ['supports', 'contradicts', 'see also']) {
    const r = await app.cli(['link', 'add', first, second, '--relation', relation]);
    expect(r.code, r.stderr).toBe(0);
  }
  await expect(editor.locator('.links-panel')).toContainText('contradicts');
  await expect
    .poll(async () => {
      const box = await editor.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 700;
    })
    .toBe(true);
  await editor.getByRole('button', { name: 'Delete passage' }).click();
  await expect(page.getByRole('status')).toContainText('Passage deleted');
});

test('tags: filter the library, manage them, delete with a confirmation', async ({ app, page }) => {
  const id = await openArticle(app, page);
  await page.getByRole('combobox', { name: 'Article tags' }).fill('north korea');
  await page.getByRole('combobox', { name: 'Article tags' }).press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag north korea' })).toBeVisible();
  expect(
    (
      await app.cli([
        'passage',
        'add',
        id,
        '--quote',
        'comprehensive strategic partnership',
        '--tag',
        'treaty',
      ])
    ).code,
  ).toBe(0);
  const other = join(app.dir, 'other.md');
  writeFileSync(other, '---\ntitle: Another note\n---\nNothing tagged here.');
  expect((await app.cli(['import', other])).code).toBe(0);
  await expect(page.getByRole('listbox', { name: 'Library' }).getByRole('option')).toHaveCount(2);

  const tags = page.getByRole('region', { name: 'Tags' });
  // The count on a tag is what its filter lists: articles.
  await expect(tags.getByRole('button', { name: /^treaty/ })).toHaveAccessibleName(
    'treaty 1 article',
  );
  await tags.getByRole('button', { name: /^treaty/ }).click();
  await expect(tags).toContainText('Filtered by: treaty');
  await expect(page.getByRole('listbox', { name: 'Library' }).getByRole('option')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filter: treaty' }).click();
  await expect(page.getByRole('listbox', { name: 'Library' }).getByRole('option')).toHaveCount(2);

  await tags.getByRole('button', { name: 'Manage tags…' }).click();
  const manager = page.getByRole('dialog', { name: 'Manage tags' });
  await manager.getByRole('button', { name: 'Rename treaty' }).click();
  await manager.getByLabel('New name for treaty').fill('partnership');
  await manager.getByRole('button', { name: 'Save' }).click();
  await expect(manager.getByRole('button', { name: 'Rename partnership' })).toBeVisible();
  await manager
    .getByRole('group', { name: 'Colour of partnership' })
    .getByRole('radio', { name: 'Red' })
    .check();
  await manager.getByLabel('Merge north korea into').selectOption('partnership');
  await manager.getByRole('button', { name: 'Merge north korea', exact: true }).click();
  await expect(manager.getByRole('button', { name: 'Rename north korea' })).toHaveCount(0);
  await manager.getByRole('button', { name: 'Delete tag partnership' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete tag "partnership"?' });
  await expect(confirm).toContainText('1 passage carries it. The passages stay.');
  await confirm.getByRole('button', { name: 'Delete tag' }).click();
  await expect(manager).toContainText('No tags yet.');
  await page.keyboard.press('Escape');
  await expect(manager).toBeHidden();
  await expect(tags.getByRole('button', { name: 'Manage tags…' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Passages' }).locator('.passage-item')).toHaveCount(
    1,
  );
});

test('edit mode: save reports what happened to passages; an orphan re-attaches to a selection', async ({
  app,
  page,
}) => {
  const id = await openArticle(app, page);
  expect((await app.cli(['passage', 'add', id, '--quote', QUOTE])).code).toBe(0);
  await expect(marks(page)).toHaveText([QUOTE]);

  await page.getByRole('button', { name: 'Edit text' }).click();
  const text = page.getByRole('textbox', { name: 'Article text (editing)' });
  await expect(text).toBeVisible();
  await expect(page.locator('mark')).toHaveCount(0);
  await page.evaluate((quote) => {
    const root = document.querySelector('[aria-label="Article text (editing)"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(quote);
      if (at >= 0) {
        (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        document.getSelection()?.setBaseAndExtent(n, at, n, at + quote.length);
        return;
      }
    }
  }, QUOTE);
  await page.keyboard.type('new economic arrangements');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText(
    "Text saved: 0 passages kept in place, 0 moved, 0 changed, 1 couldn't be placed.",
  );

  const sidebar = page.getByRole('region', { name: 'Passages' });
  await expect(
    sidebar.getByRole('heading', { name: "Couldn't place in the current text" }),
  ).toBeVisible();
  const reattach = sidebar.getByRole('button', { name: 'Re-attach to selection' });
  await expect(reattach).toBeDisabled();
  await selectText(page, 'new economic arrangements');
  await expect(reattach).toBeEnabled();
  await reattach.click();
  await expect(marks(page)).toHaveText(['new economic arrangements']);
  await expect(
    sidebar.getByRole('heading', { name: "Couldn't place in the current text" }),
  ).toHaveCount(0);
});

test('the passages UI passes axe in both themes, with the toolbar and the editor open', async ({
  app,
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const id = await openArticle(app, page);
  expect(
    (
      await app.cli([
        'passage',
        'add',
        id,
        '--quote',
        QUOTE,
        '--tag',
        'sanctions',
        '--comment',
        'A note',
      ])
    ).code,
  ).toBe(0);
  expect(
    (await app.cli(['passage', 'add', id, '--quote', 'mutual settlements', '--color', 'purple']))
      .code,
  ).toBe(0);
  await expect(page.locator('mark.rd-mark-overlap')).toHaveCount(1);
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`);
  expect(await serious()).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await serious()).toEqual([]);
  await selectText(page, 'jointly oppose illegitimate');
  await expect(page.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();
  expect(await serious()).toEqual([]);
  // Keyboard: Tab from the text reaches the toolbar; the sidebar opens the editor.
  await page.getByRole('article', { name: 'Reader' }).focus();
  await page.keyboard.press('Tab');
  await expect(
    page
      .getByRole('toolbar', { name: 'Selected text' })
      .getByRole('button', { name: 'Highlight', exact: true }),
  ).toBeFocused();
  await page.keyboard.press('Escape');
  await page
    .getByRole('region', { name: 'Passages' })
    .getByRole('button', { name: /^Edit passage “mutual settlements/ })
    .click();
  const editor = page.getByRole('dialog', { name: 'Passage' });
  await expect(editor).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await context.close();
});
