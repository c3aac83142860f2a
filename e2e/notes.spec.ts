import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { api, SHARED_ARTICLE, expect, test, type WebApp } from './fixtures';
import { SHARED_TITLE as TITLE, openInLibrary, selectText } from './reader';

const QUOTE_1 = 'alternative trade and mutual settlements mechanisms not controlled by the West';
const QUOTE_2 = 'jointly oppose illegitimate';

/** Imports the shared article through the page's Import… file picker, then opens it. */
async function openArticle(app: WebApp, page: Page): Promise<void> {
  await page.goto(app.url);
  await page.locator('input[type="file"]').first().setInputFiles(SHARED_ARTICLE);
  await openInLibrary(page);
}

async function highlight(page: Page, text: string): Promise<void> {
  await selectText(page, text);
  await page
    .getByRole('toolbar', { name: 'Selected text' })
    .getByRole('button', { name: 'Highlight', exact: true })
    .click();
  await expect(
    page
      .locator('[aria-label="Article text"] mark')
      .filter({ hasText: text.split(' ')[0] })
      .first(),
  ).toBeVisible();
}

const notePane = (page: Page) => page.getByRole('region', { name: 'Note' });
const noteText = (page: Page) => notePane(page).getByRole('textbox', { name: 'Note text' });
const saved = (page: Page) =>
  expect(notePane(page).locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');

async function newNote(page: Page, title: string): Promise<void> {
  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  await expect(notePane(page)).toBeVisible();
  await notePane(page).getByLabel('Note title').fill(title);
}

test('a note beside the article: two passages quoted (button and drag), text typed, all there after a reload', async ({
  app,
  page,
}, testInfo) => {
  await openArticle(app, page);
  await newNote(page, 'Draft on the visit');
  // The reader stays beside the note, each scrolling on its own.
  await expect(page.getByRole('article', { name: 'Reader' })).toBeVisible();
  await expect(page.getByRole('separator', { name: 'Resize reader and note' })).toBeVisible();

  await highlight(page, QUOTE_1);
  await highlight(page, QUOTE_2);
  const sidebar = page.getByRole('region', { name: 'Passages' });
  await expect(sidebar.locator('.passage-item')).toHaveCount(2);

  await noteText(page).click();
  await page.keyboard.type('Opening thought.');
  // One by "Quote in note"…
  await sidebar.getByRole('button', { name: /^Quote in note: “alternative trade/ }).click();
  const quotes = notePane(page).locator('figure.note-quote');
  await expect(quotes).toHaveCount(1);
  await expect(quotes.first()).toContainText(QUOTE_1);
  // …one by dragging the sidebar item into the note.
  const item = sidebar.locator('.passage-item').filter({ hasText: QUOTE_2 });
  await item.dragTo(noteText(page), { targetPosition: { x: 40, y: 10 } });
  await expect(quotes).toHaveCount(2);
  await expect(notePane(page)).toContainText(QUOTE_2);
  // Citations come from the source.
  await expect(quotes.first().locator('.note-quote-cite')).toContainText('North Korea');

  await noteText(page).press('Control+End');
  await page.keyboard.type('My conclusion: sanctions are routed around.');
  await saved(page);
  await page.screenshot({ path: testInfo.outputPath('note-beside-article.png') });

  await page.reload();
  // The note opens again beside the reader (the layout is remembered).
  await expect(notePane(page)).toBeVisible();
  await expect(notePane(page).getByLabel('Note title')).toHaveValue('Draft on the visit');
  await expect(quotes).toHaveCount(2);
  await expect(notePane(page)).toContainText(QUOTE_1);
  await expect(notePane(page)).toContainText(QUOTE_2);
  await expect(noteText(page)).toContainText('Opening thought.');
  await expect(noteText(page)).toContainText('My conclusion: sanctions are routed around.');

  // Clicking a quote opens its source at that passage.
  await page.getByRole('option').filter({ hasText: TITLE }).isVisible();
  await quotes.filter({ hasText: QUOTE_2 }).locator('.note-quote-cite').click();
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText(TITLE);

  // The passage deleted: the quote keeps its text and says the source is gone.
  await sidebar
    .locator('.passage-item')
    .filter({ hasText: QUOTE_1 })
    .getByRole('button', { name: /^Edit passage/ })
    .click();
  await page
    .getByRole('dialog', { name: 'Passage' })
    .getByRole('button', { name: 'Delete passage' })
    .click();
  const first = quotes.filter({ hasText: QUOTE_1 });
  await expect(first).toContainText('source deleted');
  await expect(first).toContainText(QUOTE_1);
});

test('text typed just before the page closes is saved', async ({ app, page }) => {
  await page.goto(app.url);
  await newNote(page, 'Closing test');
  await saved(page);
  const noteId = await notePane(page).getAttribute('data-note-id');
  await noteText(page).click();
  await page.keyboard.type('typed right before closing');
  // No pause for the autosave: the page goes away mid-typing.
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(async () => (await api<{ text: string }>(app, 'notes.get', { id: noteId })).text, {
      timeout: 30_000,
    })
    .toContain('typed right before closing');
});

test('a note changed elsewhere while open: shown at once when nothing is unsaved; with unsaved edits the user chooses', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  await newNote(page, 'Shared draft');
  await noteText(page).click();
  await page.keyboard.type('Written here.');
  await saved(page);
  const id = (await notePane(page).getAttribute('data-note-id'))!;
  type NoteJson = { title: string; doc: unknown; text: string };
  /** Another client (a second window, a script) rewrites the note's text and title. */
  const writeElsewhere = async (from: string, to: string, title: string) => {
    const note = await api<NoteJson>(app, 'notes.get', { id });
    const doc = JSON.parse(JSON.stringify(note.doc).replace(from, to)) as unknown;
    await api(app, 'notes.update', { id, title, doc });
  };

  // Nothing unsaved here: the other version simply shows.
  await writeElsewhere('Written here.', 'Rewritten in another window.', 'Shared draft (v2)');
  await expect(noteText(page)).toHaveText('Rewritten in another window.');
  await expect(notePane(page).getByLabel('Note title')).toHaveValue('Shared draft (v2)');
  await expect(notePane(page).getByRole('alert')).toHaveCount(0);

  // Unsaved edits here (their saves fail, so they stay unsaved): the user is asked.
  await page.route('**/api/notes.update', (route) => route.abort());
  await noteText(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Mine, unsaved.');
  await expect(notePane(page).locator('[data-save-state]')).toHaveAttribute(
    'data-save-state',
    'error',
  );
  await writeElsewhere(
    'Rewritten in another window.',
    'Third version, from elsewhere.',
    'Shared draft (v3)',
  );
  const conflict = notePane(page).getByRole('alert').filter({ hasText: 'changed elsewhere' });
  await expect(conflict).toBeVisible();
  await expect(noteText(page)).toContainText('Mine, unsaved.');
  // Saving works again, but nothing is saved over the other version while the user decides.
  await page.unroute('**/api/notes.update');
  await page.waitForTimeout(2500); // longer than the autosaver's retry delay
  expect((await api<NoteJson>(app, 'notes.get', { id })).text).toBe(
    'Third version, from elsewhere.',
  );
  await conflict.getByRole('button', { name: 'Show the other version' }).click();
  await expect(noteText(page)).toHaveText('Third version, from elsewhere.');
  await expect(notePane(page).getByLabel('Note title')).toHaveValue('Shared draft (v3)');
  // The edits given up are not saved over it later (closing the note would flush them).
  await notePane(page).getByRole('button', { name: 'Close note' }).click();
  await page.waitForTimeout(2500); // longer than the autosaver's retry delay
  expect((await api<NoteJson>(app, 'notes.get', { id })).text).toBe(
    'Third version, from elsewhere.',
  );
});

test('the notes tag filter offers the tags notes carry, with counts, and filters the list', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  await api(app, 'notes.create', { title: 'Tagged draft', tags: ['draft'] });
  await api(app, 'notes.create', { title: 'Untagged thought' });
  await api(app, 'tags.create', { name: 'only-on-passages', color: null });
  await page.getByRole('tab', { name: 'Notes' }).click();
  const filter = page.getByRole('combobox', { name: 'Show notes tagged' });
  await expect(filter.locator('option')).toHaveText(['All notes', '#draft (1)']);
  const notes = page.getByRole('listbox', { name: /notes/i }).getByRole('option');
  await expect(notes).toHaveCount(2);
  await filter.selectOption('draft');
  await expect(notes).toHaveCount(1);
  await expect(notes.first()).toContainText('Tagged draft');
});

test('the notes list is keyboard navigable: arrows and End move, Enter opens, Delete deletes', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  for (const title of ['Oldest', 'Middle', 'Newest']) await api(app, 'notes.create', { title });
  await page.getByRole('tab', { name: 'Notes' }).click();
  const notes = page.getByRole('listbox', { name: 'Notes' }).getByRole('option');
  // Last edited first.
  await expect(notes).toHaveText([/^Newest/, /^Middle/, /^Oldest/]);
  await notes.first().click();
  await expect(notePane(page).getByLabel('Note title')).toHaveValue('Newest');
  await page.getByRole('listbox', { name: 'Notes' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(notePane(page).getByLabel('Note title')).toHaveValue('Middle');
  await page.getByRole('listbox', { name: 'Notes' }).focus();
  await page.keyboard.press('End');
  await expect(notes.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  await expect(notes).toHaveText([/^Newest/, /^Middle/]);
});

test('[[ opens a picker; the mention chip navigates', async ({ app, page }) => {
  await openArticle(app, page);
  await newNote(page, 'Mentions');
  // Open another article first, so the click on the mention visibly navigates.
  await noteText(page).click();
  await page.keyboard.type('See [[state vis');
  const picker = page.getByRole('group', { name: 'Mention' });
  await expect(picker.getByRole('option').filter({ hasText: TITLE })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  const chip = noteText(page).locator('.note-mention');
  await expect(chip).toHaveText(TITLE);
  await page.keyboard.type(' for context.');
  await saved(page);
  await page.reload();
  await expect(noteText(page).locator('.note-mention')).toHaveText(TITLE);
  await expect(noteText(page)).toContainText('for context.');
  await noteText(page).locator('.note-mention').click();
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText(TITLE);
});

test('pasted hostile HTML comes in as clean text; no script runs', async ({ app, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(app.url);
  await newNote(page, 'Paste');
  await noteText(page).click();
  await page.evaluate(() => {
    const html = `<html><head><style>p { color: red }</style><script>alert('script'); window.__pwned = 1</script></head><body>
      <p class="MsoNormal" onclick="alert('onclick')"><b>Word heading</b> and <i>body</i></p>
      <img src="x" onerror="alert('img'); window.__pwned = 2"><iframe srcdoc="<script>parent.__pwned = 3</script>"></iframe>
      <p><a href="javascript:alert('link')">bad link</a> <a href="https://example.org/">good link</a></p>
      <svg><script>window.__pwned = 4</script></svg></body></html>`;
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Word heading and body');
    document
      .querySelector('[aria-label="Note text"]')!
      .dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
  });
  await expect(noteText(page)).toContainText('Word heading and body');
  await expect(noteText(page)).toContainText('bad link good link');
  // Not even as text: SVG's <script> is not one Lexical knows to skip.
  await expect(noteText(page)).not.toContainText('__pwned');
  await saved(page);
  const content = await noteText(page).innerHTML();
  for (const bad of [
    '<script',
    '<img',
    '<iframe',
    'onclick',
    'onerror',
    'javascript:',
    'color: red',
  ])
    expect(content).not.toContain(bad);
  await expect(noteText(page).locator('a[href="https://example.org/"]')).toHaveText('good link');
  await expect(noteText(page).locator('b, strong, .rd-bold').first()).toHaveText('Word heading');
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('the note view passes axe in both themes', async ({ app, browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openArticle(app, page);
  await newNote(page, 'Accessible note');
  await noteText(page).click();
  await page.keyboard.type('# Heading');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- [ ] a task');
  await highlight(page, QUOTE_1);
  await page
    .getByRole('region', { name: 'Passages' })
    .getByRole('button', { name: /^Quote in note/ })
    .click();
  await expect(notePane(page).locator('figure.note-quote')).toHaveCount(1);
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(await serious()).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await serious()).toEqual([]);
  // The divider moves with the keyboard.
  const divider = page.getByRole('separator', { name: 'Resize reader and note' });
  const before = Number(await divider.getAttribute('aria-valuenow'));
  await divider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(divider).toHaveAttribute('aria-valuenow', String(before - 2));
  await context.close();
});

test('"Quote in note" with no note open asks which note: an existing one gets the quote at its end, Cancel makes none', async ({
  app,
  page,
}) => {
  await openArticle(app, page);
  await api(app, 'notes.create', { title: 'Reading list', markdown: 'Existing text.' });
  await api(app, 'notes.create', { title: 'Other note', markdown: 'Elsewhere.' });
  await highlight(page, QUOTE_1);
  await expect(notePane(page)).toHaveCount(0);
  const quoteButton = page
    .getByRole('region', { name: 'Passages' })
    .getByRole('button', { name: /^Quote in note/ });

  await quoteButton.click();
  const picker = page.getByRole('dialog', { name: 'Quote in which note?' });
  await expect(picker.getByRole('list', { name: 'Notes' }).getByRole('button')).toHaveCount(2);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = (await new AxeBuilder({ page }).include('dialog[open]').analyze())
      .violations;
    expect(violations.map((v) => `${scheme} ${v.id}`)).toEqual([]);
  }
  await picker.getByRole('button', { name: 'Cancel' }).click();
  await expect(picker).toHaveCount(0);
  // Focus goes back to the button that asked.
  await expect(quoteButton).toBeFocused();
  const count = async () => (await api<{ total: number }>(app, 'notes.list', {})).total;
  expect(await count()).toBe(2);

  await quoteButton.click();
  await picker.getByLabel('Find a note').fill('reading');
  await expect(picker.getByRole('list', { name: 'Notes' }).getByRole('button')).toHaveCount(1);
  await picker.getByRole('button', { name: /Reading list/ }).click();
  await expect(picker).toHaveCount(0);
  await expect(notePane(page).getByLabel('Note title')).toHaveValue('Reading list');
  await expect(notePane(page)).toContainText('Existing text.');
  await expect(notePane(page).locator('figure.note-quote')).toContainText(QUOTE_1);
  // No Untitled note appeared, and the quote is in the library, after the text that was there.
  expect(await count()).toBe(2);
  const notes = await api<{ items: { id: string; title: string }[] }>(app, 'notes.list', {});
  const readingList = notes.items.find((n) => n.title === 'Reading list')!;
  const note = await api<{ text: string }>(app, 'notes.get', { id: readingList.id });
  expect(note.text.indexOf('Existing text.')).toBeLessThan(note.text.indexOf(QUOTE_1.slice(0, 20)));
});
