/** A note is first-class: it shows what refers to it (each entry followed on a click) and exports alone. */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { SHARED_TITLE as TITLE, markWith as mark, openSharedArticle, selectText } from './reader';

const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';

const notePane = (page: Page) => page.getByRole('region', { name: 'Note' });

test('a note lists what refers to it (a passage, another note) and exports as Markdown with its mentions as links, and as Word', async ({
  app,
  browser,
}, testInfo) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const articleId = await openSharedArticle(app, page);
  await selectText(page, QUOTE);
  await page.keyboard.press('h');
  await expect(mark(page, QUOTE)).toBeVisible();
  const passages = await api<{ id: string }[]>(app, 'passages.list', { articleId });
  const passageId = passages[0]!.id;

  // The note mentions the article; a passage links to the note; another note mentions it.
  const mention = (kind: string, id: string, label: string) => ({
    detail: 0,
    format: 0,
    mode: 'token',
    style: '',
    text: label,
    type: 'mention',
    version: 1,
    ref: { kind, id },
    label,
  });
  const paragraph = (children: unknown[]) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children,
  });
  const doc = (children: unknown[]) => ({
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children },
  });
  const text = (t: string) => ({
    detail: 0,
    format: 0,
    mode: 'normal',
    style: '',
    text: t,
    type: 'text',
    version: 1,
  });
  const note = await api<{ id: string }>(app, 'notes.create', {
    title: 'Visit notes',
    doc: doc([paragraph([text('See '), mention('article', articleId, TITLE), text('.')])]),
  });
  await api(app, 'notes.create', {
    title: 'Follow-up',
    doc: doc([paragraph([text('Builds on '), mention('note', note.id, 'Visit notes')])]),
  });
  await api(app, 'links.create', {
    from: { kind: 'passage', id: passageId },
    to: { kind: 'note', id: note.id },
    relation: 'supports',
  });

  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('option').filter({ hasText: 'Visit notes' }).click();
  await expect(notePane(page)).toHaveAttribute('data-note-id', note.id);
  const incoming = notePane(page)
    .getByRole('region', { name: 'Links', exact: true })
    .getByRole('list', { name: /Referenced by/ });
  await expect(incoming).toContainText(QUOTE);
  await expect(incoming).toContainText('Follow-up');
  await page.screenshot({ path: testInfo.outputPath('note-referenced-by.png') });
  await testInfo.attach('note-referenced-by', {
    body: await page.screenshot(),
    contentType: 'image/png',
  });

  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  // Typed just before exporting: saved first, so it is in the file.
  await notePane(page).getByRole('textbox', { name: 'Note text' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Typed last.');
  await notePane(page).getByRole('button', { name: 'Export note' }).click();
  expect(await serious()).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await serious()).toEqual([]);

  // Markdown: the mention is a link with its whole label.
  const formats = notePane(page).getByRole('group', { name: 'Export note as' });
  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    formats.getByRole('button', { name: 'Markdown (.md)' }).click(),
  ]);
  expect(markdown.suggestedFilename()).toMatch(/\.md$/);
  const md = readFileSync((await markdown.path())!, 'utf8');
  expect(md).toContain('Typed last.');
  expect(md).toContain(
    `[Putin's state visit to North Korea sets stage for elevated ties](commonplace://article/${articleId})`,
  );
  await notePane(page).getByRole('button', { name: 'Export note' }).click();
  const [word] = await Promise.all([
    page.waitForEvent('download'),
    formats.getByRole('button', { name: 'Word (.docx)' }).click(),
  ]);
  expect(word.suggestedFilename()).toMatch(/\.docx$/);
  expect(
    readFileSync((await word.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');

  // A referring passage is followed on a click: the reader shows it.
  await incoming.getByRole('button', { name: QUOTE, exact: true }).click();
  await expect(mark(page, QUOTE)).toBeInViewport();
  await context.close();
});
