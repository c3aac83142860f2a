/** Steps the reader specs share: open the shared article, select text in it, highlight it. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SHARED_ARTICLE, expect, type WebApp } from './fixtures';

export const SHARED_TITLE = "Putin's state visit to North Korea sets stage for elevated ties";

/** Clicks the shared article in the library list and waits for the reader to show it. */
export async function openInLibrary(page: Page): Promise<void> {
  await page.getByRole('option').filter({ hasText: SHARED_TITLE }).click();
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText(SHARED_TITLE);
}

/** Imports the shared article with the CLI, opens the page and the article; returns its id. */
export async function openSharedArticle(app: WebApp, page: Page): Promise<string> {
  const imported = await app.cli(['import', SHARED_ARTICLE]);
  expect(imported.code, imported.stderr).toBe(0);
  const listed = await app.cli(['list', '--json']);
  const id = (JSON.parse(listed.stdout) as { id: string }[])[0]!.id;
  await page.goto(app.url);
  await openInLibrary(page);
  return id;
}

/** Selects the first occurrence of `text` in the reader body (it may span several text nodes). */
export async function selectText(page: Page, text: string): Promise<void> {
  // The body renders after the article and its passages arrive.
  await expect(page.locator('[aria-label="Article text"]')).toContainText(text);
  const found = await page.evaluate((needle) => {
    const root = document.querySelector('[aria-label="Article text"]');
    if (!root) return false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: [Text, number][] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n as Text, all.length]);
      all += n.textContent ?? '';
    }
    const at = all.indexOf(needle);
    if (at < 0) return false;
    const locate = (pos: number, isEnd: boolean): [Text, number] => {
      for (let i = nodes.length - 1; i >= 0; i--) {
        const [node, start] = nodes[i]!;
        if (isEnd ? start < pos : start <= pos) return [node, pos - start];
      }
      return nodes[0]!;
    };
    const [a, ao] = locate(at, false);
    const [b, bo] = locate(at + needle.length, true);
    a.parentElement?.scrollIntoView({ block: 'center' });
    document.getSelection()?.setBaseAndExtent(a, ao, b, bo);
    return true;
  }, text);
  expect(found, `text not in the reader: ${text}`).toBe(true);
}

/** The reader's highlight elements holding `text`. */
export const markWith = (page: Page, text: string) =>
  page.locator('[aria-label="Article text"] mark[data-passage-ids]').filter({ hasText: text });

export const LONG_TITLE = 'The Long Harbour Log';
export const LONG_SECTIONS = 30;

/** Writes a long Markdown article into `dir`: sections of three paragraphs, each naming itself. */
export function writeLongArticle(dir: string): string {
  const parts = [`# ${LONG_TITLE}`, ''];
  for (let s = 1; s <= LONG_SECTIONS; s++) {
    parts.push(`## Section ${s}`, '');
    for (let p = 1; p <= 3; p++)
      parts.push(
        `Paragraph ${s}.${p} tells of the tides, the pilots and the ships that came in that week, ` +
          'with the weather as the keeper saw it from the quay and the cargo as the clerk wrote it down.',
        '',
      );
  }
  const file = join(dir, 'long-harbour-log.md');
  writeFileSync(file, parts.join('\n'));
  return file;
}
