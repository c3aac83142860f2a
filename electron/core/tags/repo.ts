import type { Database } from 'better-sqlite3';
import { CommonplaceError } from '../errors';
import { newId, nowIso } from '../ids';
import { tagDisplayName, tagKey } from './names';
import { writeTransaction } from '../db/transactions';
import { cachedStatement } from '../db/statements';

/** Returns the ids of the named tags, creating the missing ones (call inside a transaction). */
export function ensureTags(db: Database, names: readonly string[]): string[] {
  const find = cachedStatement<[string], { id: string }>(
    db,
    'SELECT id FROM tags WHERE name_key = ?',
  );
  const insert = cachedStatement(
    db,
    'INSERT INTO tags (id, name, name_key, color, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)',
  );
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
  const link = cachedStatement(
    db,
    'INSERT OR IGNORE INTO article_tags (article_id, tag_id, created_at) VALUES (?, ?, ?)',
  );
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

/**
 * The ids of the articles the library lists for a tag (`tagId`: an SQL expression giving the
 * tag's id): tagged themselves, or holding a live passage with the tag. Each id once (UNION),
 * and every one an article (foreign keys), so its rows can be counted as they are.
 */
export function articlesWithTagSql(tagId: string): string {
  return `SELECT article_id FROM article_tags WHERE tag_id = ${tagId}
    UNION SELECT p.article_id FROM passage_tags pt JOIN passages p ON p.id = pt.passage_id WHERE pt.tag_id = ${tagId} AND p.deleted_at IS NULL`;
}

export interface TagWithCounts {
  id: string;
  name: string;
  color: string | null;
  /** Live passages carrying the tag. */
  count: number;
  /** Articles tagged themselves. */
  articleCount: number;
  /** Articles the library lists when filtered by the tag (see `articlesWithTagSql`). */
  listedArticleCount: number;
  /** Notes carrying the tag (not deleted). */
  noteCount: number;
}

const TAG_WITH_COUNTS = `SELECT t.id, t.name, t.color,
    (SELECT count(*) FROM passage_tags pt JOIN passages p ON p.id = pt.passage_id WHERE pt.tag_id = t.id AND p.deleted_at IS NULL) AS count,
    (SELECT count(*) FROM article_tags at WHERE at.tag_id = t.id) AS articleCount,
    (SELECT count(*) FROM (${articlesWithTagSql('t.id')})) AS listedArticleCount,
    (SELECT count(*) FROM note_tags nt JOIN notes n ON n.id = nt.note_id WHERE nt.tag_id = t.id AND n.deleted_at IS NULL) AS noteCount
  FROM tags t`;

export function listTags(db: Database): TagWithCounts[] {
  return db.prepare<[], TagWithCounts>(`${TAG_WITH_COUNTS} ORDER BY t.name_key`).all();
}

/** One tag by name (case- and normalisation-insensitive), counting only its own rows. */
export function findTag(db: Database, name: string): TagWithCounts {
  const tag = db
    .prepare<[string], TagWithCounts>(`${TAG_WITH_COUNTS} WHERE t.name_key = ?`)
    .get(tagKey(name));
  if (!tag) throw new CommonplaceError('not_found', `tag "${tagDisplayName(name)}": no such tag`);
  return tag;
}

export function createTag(db: Database, name: string, color: string | null): TagWithCounts {
  const display = tagDisplayName(name);
  if (db.prepare('SELECT 1 FROM tags WHERE name_key = ?').get(tagKey(display))) {
    throw new CommonplaceError('invalid_input', `tag "${display}": already exists`);
  }
  const now = nowIso();
  db.prepare(
    'INSERT INTO tags (id, name, name_key, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(newId(), display, tagKey(display), color, now, now);
  return findTag(db, display);
}

/**
 * Renames a tag. Renaming onto another existing tag's name is refused (that is a merge, which
 * the user should choose knowingly); changing only case or spelling of the same tag is allowed.
 */
export function renameTag(db: Database, from: string, to: string): TagWithCounts {
  const tag = findTag(db, from);
  const display = tagDisplayName(to);
  const key = tagKey(display);
  const clash = db
    .prepare<[string, string], { name: string }>(
      'SELECT name FROM tags WHERE name_key = ? AND id <> ?',
    )
    .get(key, tag.id);
  if (clash)
    throw new CommonplaceError(
      'invalid_input',
      `tag "${display}": another tag "${clash.name}" has this name; merge the tags instead`,
    );
  db.prepare('UPDATE tags SET name = ?, name_key = ?, updated_at = ? WHERE id = ?').run(
    display,
    key,
    nowIso(),
    tag.id,
  );
  return findTag(db, display);
}

export function recolorTag(db: Database, name: string, color: string | null): TagWithCounts {
  const tag = findTag(db, name);
  db.prepare('UPDATE tags SET color = ?, updated_at = ? WHERE id = ?').run(color, nowIso(), tag.id);
  return findTag(db, tag.name);
}

/** Moves every passage, article and note from one tag to another, then removes the first. */
export function mergeTags(db: Database, from: string, into: string): TagWithCounts {
  const source = findTag(db, from);
  const target = findTag(db, into);
  if (source.id === target.id)
    throw new CommonplaceError(
      'invalid_input',
      `tag "${source.name}": cannot merge a tag into itself`,
    );
  writeTransaction(db, () => {
    const now = nowIso();
    db.prepare(
      'INSERT OR IGNORE INTO passage_tags (passage_id, tag_id, created_at) SELECT passage_id, ?, ? FROM passage_tags WHERE tag_id = ?',
    ).run(target.id, now, source.id);
    db.prepare(
      'INSERT OR IGNORE INTO article_tags (article_id, tag_id, created_at) SELECT article_id, ?, ? FROM article_tags WHERE tag_id = ?',
    ).run(target.id, now, source.id);
    db.prepare(
      'INSERT OR IGNORE INTO note_tags (note_id, tag_id, created_at) SELECT note_id, ?, ? FROM note_tags WHERE tag_id = ?',
    ).run(target.id, now, source.id);
    db.prepare('DELETE FROM tags WHERE id = ?').run(source.id);
  });
  return findTag(db, target.name);
}

/** Deletes a tag (its passages and articles stay, untagged). The UI confirms first, showing the count. */
export function deleteTag(db: Database, name: string): TagWithCounts {
  const tag = findTag(db, name);
  db.prepare('DELETE FROM tags WHERE id = ?').run(tag.id);
  return tag;
}

export function setArticleTags(db: Database, articleId: string, names: readonly string[]): void {
  writeTransaction(db, () => {
    const ids = ensureTags(db, names);
    db.prepare(
      `DELETE FROM article_tags WHERE article_id = ? AND tag_id NOT IN (SELECT value FROM json_each(?))`,
    ).run(articleId, JSON.stringify(ids));
    tagArticle(db, articleId, ids);
  });
}
