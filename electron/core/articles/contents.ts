/**
 * A document's own table of contents after the text changed (Edit text): each entry's start is
 * carried to the new text through the same line alignment that re-anchors passages and pages.
 */
import type { Database } from 'better-sqlite3';
import type { ContentsEntry } from '../../model/contents';
import type { TextCarry } from './textCarry';

export function remapContents(
  moved: TextCarry,
  contents: readonly ContentsEntry[],
): ContentsEntry[] {
  if (moved.unchanged) return [...contents];
  return contents.map((e) => ({ ...e, start: moved.carry(e.start) }));
}

/** Carries an article's stored contents over to its new text (call inside the edit's transaction). */
export function remapArticleContents(db: Database, id: string, moved: TextCarry): void {
  const row = db
    .prepare<[string], { contents: string | null }>('SELECT contents FROM articles WHERE id = ?')
    .get(id);
  if (!row?.contents) return;
  const contents = remapContents(moved, JSON.parse(row.contents) as ContentsEntry[]);
  db.prepare('UPDATE articles SET contents = ? WHERE id = ?').run(JSON.stringify(contents), id);
}
