/**
 * Every suggestion list (tags, link targets, `[[` mentions) is one combobox: what Enter picks is
 * the option shown highlighted, and the link dialog never offers what the link starts from.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { SHARED_TITLE as TITLE, markWith as mark, openSharedArticle, selectText } from './reader';

const FIRST = 'alternative trade and mutual settlements mechanisms not controlled by the West';
const SECOND = 'Russia is exploiting this fear';

async function highlight(page: Page, text: string): Promise<void> {
  await selectText(page, text);
  await expect(page.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();
  await page.keyboard.press('h');
  await expect(mark(page, text)).toBeVisible();
}

const notePane = (page: Page) => page.getByRole('region', { name: 'Note' });

async function newNote(page: Page, title: string): Promise<string> {
  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  await expect(notePane(page)).toBeVisible();
  await notePane(page).getByLabel('Note title').fill(title);
  return (await notePane(page).getAttribute('data-note-id'))!;
}

test('the tag box: Enter adds the highlighted known tag, not the typed prefix; the typed name is an option too', async ({
  app,
  page,
}, testInfo) => {
  await api(app, 'tags.create', { name: 'evidence', color: null });
  await api(app, 'tags.create', { name: 'economy', color: null });
  await page.goto(app.url);
  const noteId = await newNote(page, 'Tagging');
  const noteTags = async () =>
    (await api<{ tags: string[] }>(app, 'notes.get', { id: noteId })).tags;
  const field = notePane(page).getByRole('combobox', { name: 'Note tags' });
  await field.click();
  await field.pressSequentially('evid');
  const list = notePane(page).getByRole('listbox', { name: 'Known tags' });
  const highlighted = list.locator('[role="option"][aria-selected="true"]');
  await expect(highlighted).toHaveText('evidence');
  await expect(field).toHaveAttribute('aria-activedescendant', /.+/);
  await page.screenshot({ path: testInfo.outputPath('tag-suggestion.png') });
  await field.press('Enter');
  const chips = notePane(page).getByRole('list', { name: 'Note tags: chosen' });
  await expect(chips).toHaveText('evidence');
  await expect.poll(noteTags).toEqual(['evidence']);

  // The typed name as a new tag: the last option, reached with the arrows.
  await field.pressSequentially('eco');
  await expect(highlighted).toHaveText('economy');
  await field.press('ArrowUp');
  await expect(highlighted).toHaveText('Add new tag “eco”');
  await field.press('Enter');
  await expect.poll(async () => (await noteTags()).sort()).toEqual(['eco', 'evidence']);
  // The pointer moves the highlight, so a hovered option is the one Enter takes.
  await field.pressSequentially('e');
  await list.getByRole('option', { name: 'economy' }).hover();
  await expect(highlighted).toHaveText('economy');
  await field.press('Enter');
  await expect.poll(async () => (await noteTags()).sort()).toEqual(['eco', 'economy', 'evidence']);
  await expect(chips.getByRole('listitem')).toHaveCount(3);
});

test('the link dialog: the source is never offered; a single match is highlighted and Enter takes it', async ({
  app,
  page,
}) => {
  await openSharedArticle(app, page);
  await highlight(page, FIRST);
  await highlight(page, SECOND);
  await mark(page, FIRST).click();
  const popover = page.getByRole('dialog', { name: 'Passage' });
  await popover
    .getByRole('region', { name: 'Links' })
    .getByRole('button', { name: 'Link…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'New link' });
  const input = dialog.getByRole('combobox', { name: 'Link to' });
  // The source's own words find nothing (the source is left out, not refused later).
  await input.fill('not controlled by the West');
  await expect(dialog.getByRole('status')).toHaveText(
    'Nothing matches “not controlled by the West”.',
  );
  await expect(dialog.getByRole('option')).toHaveCount(0);
  // One match: shown highlighted, and Enter takes it.
  await input.fill('exploiting this fear');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await expect(dialog.getByRole('option')).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(dialog.locator('.link-target')).toContainText(SECOND);
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    popover.getByRole('region', { name: 'Links' }).getByRole('list', { name: /Links to/ }),
  ).toContainText(SECOND);
});

test('the [[ picker: never offers the note itself; Enter takes the highlighted option; axe in both themes', async ({
  app,
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openSharedArticle(app, page);
  await newNote(page, 'State visit notes');
  const text = notePane(page).getByRole('textbox', { name: 'Note text' });
  await text.click();
  await page.keyboard.type('[[state vis');
  const picker = page.getByRole('group', { name: 'Mention' });
  const options = picker.getByRole('option');
  await expect(options.filter({ hasText: TITLE })).toBeVisible();
  // This note's own title matches too, but a note never mentions itself.
  await expect(options.filter({ hasText: 'State visit notes' })).toHaveCount(0);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(await serious()).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await serious()).toEqual([]);
  const chosen = (await options.first().locator('.mention-label').textContent())!;
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(text.locator('.note-mention')).toHaveText(chosen);
  await context.close();
});
