import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type WebApp } from './fixtures';
import {
  SHARED_TITLE as TITLE,
  markWith as mark,
  openInLibrary,
  openSharedArticle as openArticle,
  selectText,
} from './reader';

/** Two passages far apart in the shared article: the first in the middle, the second near the end. */
const FIRST = 'alternative trade and mutual settlements mechanisms not controlled by the West';
const SECOND = 'Russia is exploiting this fear';

/** Selects the first occurrence of `text` in the reader body and presses H to highlight it. */
async function highlight(page: Page, text: string): Promise<void> {
  await selectText(page, text);
  await expect(page.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();
  await page.keyboard.press('h');
  await expect(mark(page, text)).toBeVisible();
}

/** In the link dialog: types a query and moves with the arrow keys to the suggestion holding `text`, then Enter. */
async function pickWithKeyboard(dialog: Locator, query: string, text: string): Promise<void> {
  const input = dialog.getByRole('combobox', { name: 'Link to' });
  await input.fill(query);
  const options = dialog.getByRole('option');
  await expect(options.filter({ hasText: text })).not.toHaveCount(0);
  const count = await options.count();
  for (let i = 0; i < count; i++) {
    if (
      (await dialog.locator('[role="option"][aria-selected="true"]').textContent())?.includes(text)
    )
      break;
    await input.press('ArrowDown');
  }
  await expect(dialog.locator('[role="option"][aria-selected="true"]')).toContainText(text);
  await input.press('Enter');
}

async function passageIds(app: WebApp): Promise<Map<string, string>> {
  const listed = await app.cli(['passage', 'list', '--json']);
  expect(listed.code, listed.stderr).toBe(0);
  return new Map(
    (JSON.parse(listed.stdout) as { id: string; quote: string }[]).map((p) => [p.quote, p.id]),
  );
}

test('link two passages from the popover, follow the backlink, go back, reload; CLI links appear live; delete with undo', async ({
  app,
  page,
}, testInfo) => {
  // A long story with a reload: more than the default minute on a busy machine.
  test.slow();
  const articleId = await openArticle(app, page);
  await highlight(page, FIRST);
  await highlight(page, SECOND);

  // Link the first passage to the second with "contradicts", picking the target with the keyboard.
  await mark(page, FIRST).click();
  const popover = page.getByRole('dialog', { name: 'Passage' });
  await popover
    .getByRole('region', { name: 'Links' })
    .getByRole('button', { name: 'Link…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'New link' });
  await expect(dialog).toContainText(FIRST);
  await pickWithKeyboard(dialog, 'exploiting this fear', SECOND);
  await expect(dialog.getByRole('radio', { name: 'see also' })).toBeFocused();
  await dialog.getByRole('radio', { name: 'contradicts' }).check();
  await page.screenshot({ path: testInfo.outputPath('link-dialog.png') });
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog).toBeHidden();
  const popoverLinks = popover.getByRole('region', { name: 'Links' });
  await expect(popoverLinks.getByRole('list', { name: /Links to/ })).toContainText('contradicts');
  await expect(popoverLinks.getByRole('list', { name: /Links to/ })).toContainText(SECOND);

  // The same link again: the API's refusal is shown, the dialog stays.
  await popoverLinks.getByRole('button', { name: 'Link…' }).click();
  await pickWithKeyboard(dialog, 'exploiting this fear', SECOND);
  await dialog.getByRole('radio', { name: 'contradicts' }).check();
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByRole('alert')).not.toBeEmpty();
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('duplicate-refused.png') });
  // A relation notes write themselves is refused before asking.
  await dialog.getByLabel('Custom relation').fill('mentions');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByRole('alert')).toContainText('written by notes');
  // The passage linked from is never offered as the target.
  await dialog.getByRole('button', { name: 'Change' }).click();
  await dialog.getByRole('combobox', { name: 'Link to' }).fill('not controlled by the West');
  await expect(dialog.getByRole('status')).toContainText('Nothing matches');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await popover.getByRole('button', { name: 'Done' }).click();

  // The second passage's backlinks lead to the first: the reader scrolls to it and flashes it.
  await mark(page, SECOND).scrollIntoViewIfNeeded();
  await mark(page, SECOND).click();
  const incoming = popover
    .getByRole('region', { name: 'Links' })
    .getByRole('list', { name: /Referenced by/ });
  await expect(incoming).toContainText('contradicts');
  await incoming.getByRole('button', { name: FIRST, exact: true }).click();
  await expect(popover).toBeHidden();
  await expect(mark(page, FIRST)).toBeInViewport();
  await expect(mark(page, FIRST)).toHaveClass(/rd-mark-flash/);
  await expect(mark(page, SECOND)).not.toBeInViewport();

  // Back (Alt+←) returns to where the reader was; the header's buttons follow the history.
  await expect(page.getByRole('button', { name: 'Forward' })).toBeDisabled();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(mark(page, SECOND)).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Forward' })).toBeEnabled();
  await page.getByRole('button', { name: 'Forward' }).click();
  await expect(mark(page, FIRST)).toBeInViewport();

  // After a reload the link is still there, from both ends.
  await page.reload();
  await openInLibrary(page);
  const sidebar = page.getByRole('region', { name: 'Passages' });
  await sidebar.getByRole('button', { name: /^Links of passage “alternative trade/ }).click();
  const panel = sidebar.getByRole('region', { name: /^Links of passage/ });
  await expect(panel.getByRole('list', { name: /Links to/ })).toContainText(SECOND);

  // A link made with the CLI shows up without a reload.
  const ids = await passageIds(app);
  const added = await app.cli([
    'link',
    'add',
    ids.get(FIRST)!,
    articleId,
    '--relation',
    'elaborates',
  ]);
  expect(added.code, added.stderr).toBe(0);
  await expect(panel.getByRole('list', { name: /Links to/ })).toContainText('elaborates');
  await expect(panel.getByRole('list', { name: /Links to/ })).toContainText(TITLE);
  await page
    .getByRole('article', { name: 'Reader' })
    .getByRole('button', { name: /^Links/ })
    .click();
  await expect(
    page
      .getByRole('region', { name: 'Article links' })
      .getByRole('list', { name: /Referenced by/ }),
  ).toContainText(FIRST);

  // Remove a link; Undo brings it back.
  await panel.getByRole('button', { name: /^Remove link: This contradicts/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link removed' })).toBeVisible();
  await expect(panel).not.toContainText('contradicts');
  await page.getByRole('button', { name: 'Undo removing the link' }).click();
  await expect(panel.getByRole('list', { name: /Links to/ })).toContainText('contradicts');
});

test('drag a sidebar passage onto a highlight: the link dialog opens with both ends', async ({
  app,
  page,
}) => {
  test.slow();
  await openArticle(app, page);
  await highlight(page, FIRST);
  await highlight(page, SECOND);
  const sidebar = page.getByRole('region', { name: 'Passages' });
  await mark(page, FIRST).scrollIntoViewIfNeeded();
  await sidebar.locator('.passage-item').filter({ hasText: SECOND }).dragTo(mark(page, FIRST));
  const dialog = page.getByRole('dialog', { name: 'New link' });
  await expect(dialog.locator('.link-dialog-from')).toContainText(SECOND);
  await expect(dialog.locator('.link-target')).toContainText(FIRST);
  await dialog.getByRole('radio', { name: 'supports' }).check();
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog).toBeHidden();
  await sidebar.getByRole('button', { name: /^Links of passage “alternative trade/ }).click();
  const incoming = sidebar
    .getByRole('region', { name: /^Links of passage/ })
    .getByRole('list', { name: /Referenced by/ });
  await expect(incoming).toContainText('supports');

  // Deleting the other passage keeps the link, shown struck through as deleted and not followable.
  await mark(page, SECOND).click();
  await page
    .getByRole('dialog', { name: 'Passage' })
    .getByRole('button', { name: 'Delete passage' })
    .click();
  await expect(incoming.locator('s')).toHaveText(SECOND);
  await expect(incoming).toContainText('deleted');
  await expect(incoming.getByRole('button', { name: SECOND, exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(incoming.getByRole('button', { name: SECOND, exact: true })).toBeVisible();
});

test('the link dialog and the links panels pass axe in both themes', async ({ app, browser }) => {
  test.slow(); // four full axe runs
  const context = await browser.newContext();
  const page = await context.newPage();
  await openArticle(app, page);
  await highlight(page, FIRST);
  await highlight(page, SECOND);
  // Linked by dragging the second passage's sidebar entry onto the first's highlight.
  await mark(page, FIRST).scrollIntoViewIfNeeded();
  await page
    .getByRole('region', { name: 'Passages' })
    .locator('.passage-item')
    .filter({ hasText: SECOND })
    .dragTo(mark(page, FIRST));
  const linkDialog = page.getByRole('dialog', { name: 'New link' });
  await linkDialog.getByRole('radio', { name: 'contradicts' }).check();
  await linkDialog.getByRole('button', { name: 'Create link' }).click();
  await expect(linkDialog).toBeHidden();
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`);

  await page
    .getByRole('article', { name: 'Reader' })
    .getByRole('button', { name: /^Links/ })
    .click();
  await page
    .getByRole('region', { name: 'Passages' })
    .getByRole('button', { name: /^Links of passage/ })
    .first()
    .click();
  await mark(page, SECOND).click();
  const popover = page.getByRole('dialog', { name: 'Passage' });
  await expect(popover.getByRole('region', { name: 'Links' })).toContainText('contradicts');
  expect(await serious()).toEqual([]);
  await popover.getByRole('button', { name: 'Link…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New link' });
  // (From the second passage: its own words are not offered, the first one's are.)
  await dialog.getByRole('combobox', { name: 'Link to' }).fill('not controlled');
  await expect(dialog.getByRole('option')).not.toHaveCount(0);
  expect(await serious()).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await serious()).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(popover).toBeVisible();
  expect(await serious()).toEqual([]);
  await context.close();
});
