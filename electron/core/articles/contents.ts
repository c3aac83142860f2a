/**
 * A document's own table of contents after the text changed (Edit text): each entry's start is
 * carried to the new text through the same line alignment that re-anchors passages and pages.
 */
import type { Database } from 'better-sqlite3';
import { LineMap } from '../passages/anchoring/line-map';
import type { ContentsEntry } from '../../model/contents';

export function remapContents(
  oldText: string,
  newText: string,
  contents: readonly ContentsEntry[],
): ContentsEntry[] {
  if (oldText === newText || !contents.length) return [...contents];
  const lines = new LineMap(oldText, newText);
  return contents.map((e) => ({
    ...e,
    start: Math.min(Math.max(0, lines.map(e.start).offset), newText.length),
  }));
}

/** Carries an article's stored contents over to its new text (call inside the edit's transaction). */
export function remapArticleContents(
  db: Database,
  id: string,
  oldText: string,
  newText: string,
): void {
  const row = db
    .prepare<[string], { contents: string | null }>('SELECT contents FROM articles WHERE id = ?')
    .get(id);
  if (!row?.contents) return;
  const contents = remapContents(oldText, newText, JSON.parse(row.contents) as ContentsEntry[]);
  db.prepare('UPDATE articles SET contents = ? WHERE id = ?').run(JSON.stringify(contents), id);
}
