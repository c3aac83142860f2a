/** Collections: named sets of articles; an article may be in any number of them. */
import type { Database } from 'better-sqlite3';
import type { Collection } from '../../model/library';
import { CommonplaceError } from '../errors';
import { newId, nowIso } from '../ids';
import { writeTransaction } from '../db/transactions';
import { requireArticles } from '../articles/state';
import { collectionDisplayName, collectionKey } from './names';

interface CollectionRow {
  id: string;
  name: string;
  count: number;
  created_at: string;
  updated_at: string;
}

const toCollection = (r: CollectionRow): Collection => ({
  id: r.id,
  name: r.name,
  count: r.count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Every collection by name, with how many articles outside the trash it holds. */
export function listCollections(db: Database): Collection[] {
  return db
    .prepare<[], CollectionRow>(
      `SELECT c.id, c.name, c.created_at, c.updated_at,
         (SELECT count(*) FROM collection_articles ca LEFT JOIN article_state s ON s.article_id = ca.article_id
           WHERE ca.collection_id = c.id AND s.deleted_at IS NULL) AS count
       FROM collections c ORDER BY c.name_key`,
    )
    .all()
    .map(toCollection);
}

function findCollection(db: Database, name: string): Collection | undefined {
  const key = collectionKey(name);
  return listCollections(db).find((c) => collectionKey(c.name) === key);
}

/** The collection so named; a clear error naming it when there is none. */
export function getCollection(db: Database, name: string): Collection {
  const found = findCollection(db, name);
  if (!found)
    throw new CommonplaceError('not_found', `collection "${name.trim()}": no such collection`);
  return found;
}

/** The id of the named collection, created if missing (inside a transaction). */
function ensureCollection(db: Database, raw: string): string {
  const name = collectionDisplayName(raw);
  const key = collectionKey(name);
  const id = db
    .prepare<[string], { id: string }>('SELECT id FROM collections WHERE name_key = ?')
    .get(key)?.id;
  if (id) return id;
  const created = newId();
  const now = nowIso();
  db.prepare(
    'INSERT INTO collections (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(created, name, key, now, now);
  return created;
}

export function createCollection(db: Database, name: string): Collection {
  const display = collectionDisplayName(name);
  writeTransaction(db, () => {
    if (findCollection(db, display))
      throw new CommonplaceError('invalid_input', `collection "${display}" already exists`);
    ensureCollection(db, display);
  });
  return getCollection(db, display);
}

/** Renames a collection; another one of the new name (not just a different case) is refused. */
export function renameCollection(db: Database, id: string, name: string): Collection {
  const display = collectionDisplayName(name);
  const key = collectionKey(display);
  writeTransaction(db, () => {
    const taken = db
      .prepare<[string, string], { id: string }>(
        'SELECT id FROM collections WHERE name_key = ? AND id != ?',
      )
      .get(key, id);
    if (taken)
      throw new CommonplaceError('invalid_input', `collection "${display}" already exists`);
    const changed = db
      .prepare('UPDATE collections SET name = ?, name_key = ?, updated_at = ? WHERE id = ?')
      .run(display, key, nowIso(), id).changes;
    if (!changed) throw new CommonplaceError('not_found', `collection ${id}: no such collection`);
  });
  return getCollection(db, display);
}

/** Deletes a collection; its articles stay in the library (and in their other collections). */
export function deleteCollection(db: Database, id: string): void {
  writeTransaction(db, () => {
    const gone = db.prepare('DELETE FROM collections WHERE id = ?').run(id).changes;
    if (!gone) throw new CommonplaceError('not_found', `collection ${id}: no such collection`);
  });
}

/** Puts articles in the named collection, creating it if needed; already there is fine. */
export function addToCollection(db: Database, name: string, ids: readonly string[]): Collection {
  const display = collectionDisplayName(name);
  writeTransaction(db, () => {
    requireArticles(db, ids);
    const collection = ensureCollection(db, display);
    const add = db.prepare(
      'INSERT OR IGNORE INTO collection_articles (collection_id, article_id, created_at) VALUES (?, ?, ?)',
    );
    const now = nowIso();
    for (const id of ids) add.run(collection, id, now);
  });
  return getCollection(db, display);
}

/** Takes articles out of the named collection (which must exist); the articles stay. */
export function removeFromCollection(
  db: Database,
  name: string,
  ids: readonly string[],
): Collection {
  writeTransaction(db, () => {
    const { id } = getCollection(db, name);
    requireArticles(db, ids);
    const remove = db.prepare(
      'DELETE FROM collection_articles WHERE collection_id = ? AND article_id = ?',
    );
    for (const a of ids) remove.run(id, a);
  });
  return getCollection(db, name);
}

/** The names of the collections an article is in. */
export function articleCollections(db: Database, articleId: string): string[] {
  return db
    .prepare<[string], { name: string }>(
      'SELECT c.name FROM collection_articles ca JOIN collections c ON c.id = ca.collection_id WHERE ca.article_id = ? ORDER BY c.name_key',
    )
    .all(articleId)
    .map((r) => r.name);
}
