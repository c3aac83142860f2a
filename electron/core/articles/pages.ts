/**
 * Page starts after the text changed (Edit text): each start is carried to the new text through
 * the same line alignment that re-anchors passages. A start inside a changed paragraph lands on
 * the estimate; starts stay in order and within the text, and a page whose text was deleted
 * gives way to the next.
 */
import type { Database } from 'better-sqlite3';
import type { PageStart } from '../../model/pages';
import type { TextCarry } from './textCarry';

export function remapPages(moved: TextCarry, pages: readonly PageStart[]): PageStart[] {
  if (moved.unchanged) return [...pages];
  const out: PageStart[] = [];
  for (const page of pages) {
    const start = moved.carry(page.start);
    const last = out.at(-1);
    // Two starts on one offset: the earlier page's text was deleted, the text there is the later page's.
    if (last && start <= last.start) out[out.length - 1] = { label: page.label, start: last.start };
    else out.push({ label: page.label, start });
  }
  return out;
}

/** Carries an article's stored page starts over to its new text (call inside the edit's transaction). */
export function remapArticlePages(db: Database, id: string, moved: TextCarry): void {
  const row = db
    .prepare<[string], { pages: string | null }>('SELECT pages FROM articles WHERE id = ?')
    .get(id);
  if (!row?.pages) return;
  const pages = remapPages(moved, JSON.parse(row.pages) as PageStart[]);
  db.prepare('UPDATE articles SET pages = ? WHERE id = ?').run(
    pages.length ? JSON.stringify(pages) : null,
    id,
  );
}
