import type { Database } from 'better-sqlite3';
import { newId, nowIso } from '../ids';
import { tagDisplayName, tagKey } from './names';

/** Returns the ids of the named tags, creating the missing ones (call inside a transaction). */
export function ensureTags(db: Database, names: readonly string[]): string[] {
  const find = db.prepare<[string], { id: string }>('SELECT id FROM tags WHERE name_key = ?');
  const insert = db.prepare('INSERT INTO tags (id, name, name_key, color, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)');
  const ids = new Set<string>();
  for (const raw of names) {
    const name = tagDisplayName(raw);
    const key = tagKey(name);
    let id = find.get(key)?.id;
    if (!id) {
      id = newId();
      const now = nowIso();
      insert.run(id, name, key, now, now);
    }
    ids.add(id);
  }
  return [...ids];
}

export function tagArticle(db: Database, articleId: string, tagIds: readonly string[]): void {
  const link = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id, created_at) VALUES (?, ?, ?)');
  const now = nowIso();
  for (const tagId of tagIds) link.run(articleId, tagId, now);
}

export function articleTagNames(db: Database, articleId: string): string[] {
  return db
    .prepare<[string], { name: string }>(
      'SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.name_key',
    )
    .all(articleId)
    .map((r) => r.name);
}
