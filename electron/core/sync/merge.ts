/**
 * The same file imported on two devices offline (same original sha256, so the same `hash`, which
 * a library holds once): the two articles become one, the one with the smaller id. Its fields
 * merge like any concurrent edits (each field: the later write by clock wins), and the passages,
 * tags, collections, state and manual links of both stay, on the one article.
 *
 * - A device holding the larger one when the smaller arrives renames its row to the smaller id
 *   (dependents follow), keeps its field versions, and then applies the arriving fields over it;
 *   it sends the larger id's deletion `into` the smaller one.
 * - A device holding the smaller one when the larger arrives applies the larger one's fields onto
 *   it the same way.
 * Either way `sync_merged` remembers the larger id, so changes that still name it (a passage made
 * on it offline, a tag put on it) land on the article it became (`resolveMerged`).
 */
import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import type { SyncOp } from '../../model/sync';
import { nowIso } from '../ids';
import type { Value } from './rows';

export function mergedInto(db: Database, id: string): string | undefined {
  let into: string | undefined;
  // Chains (a into b, b into c) end at the last; a loop can't be made (into is always smaller).
  for (let at = id, n = 0; n < 64; n++) {
    const next = cachedStatement<[string], string>(
      db,
      "SELECT into_id FROM sync_merged WHERE entity = 'article' AND id = ?",
    )
      .pluck()
      .get(at);
    if (next === undefined) break;
    into = at = next;
  }
  return into;
}

export function recordMerged(db: Database, id: string, into: string): void {
  cachedStatement(
    db,
    "INSERT OR IGNORE INTO sync_merged (entity, id, into_id) VALUES ('article', ?, ?)",
  ).run(id, into);
}

/** The op with every article id that was merged away replaced by the article it became. */
export function resolveMerged(db: Database, op: SyncOp): SyncOp {
  if (op.into) return op;
  const map = (id: unknown) => (typeof id === 'string' ? (mergedInto(db, id) ?? id) : id);
  if (op.e === 'article') {
    const id = map(op.id) as string;
    return id === op.id ? op : { ...op, id };
  }
  if (op.e === 'article_tag' || op.e === 'collection_article') {
    const [a, b] = [op.id.slice(0, op.id.indexOf('/')), op.id.slice(op.id.indexOf('/') + 1)];
    const id = op.e === 'article_tag' ? `${String(map(a))}/${b}` : `${a}/${String(map(b))}`;
    return id === op.id ? op : { ...op, id };
  }
  if (!op.set) return op;
  if (op.e === 'passage' && op.set.article_id && typeof op.set.article_id === 'object') {
    const v = op.set.article_id as Value;
    const to = map(v.article_id);
    return to === v.article_id ? op : { ...op, set: { ...op.set, article_id: { article_id: to } } };
  }
  if (op.e === 'link' && op.set.row && typeof op.set.row === 'object') {
    const row = op.set.row as Value;
    const moved = { ...row, from_article: map(row.from_article), to_article: map(row.to_article) };
    return moved.from_article === row.from_article && moved.to_article === row.to_article
      ? op
      : { ...op, set: { ...op.set, row: moved } };
  }
  return op;
}

/**
 * Renames a local article to the id it merges into, with everything that refers to it: its
 * passages, tags, collections, metadata, state, manual links and field versions. Mentions in
 * notes are derived again from the notes once the merge is applied (relinkNotes). Logged as the
 * old id's delete and the new id's update, so capture sends both.
 */
export function renameArticle(db: Database, from: string, to: string): void {
  db.pragma('defer_foreign_keys = ON');
  cachedStatement(db, 'UPDATE articles SET id = ? WHERE id = ?').run(to, from);
  cachedStatement(db, 'UPDATE passages SET article_id = ? WHERE article_id = ?').run(to, from);
  for (const [table, col] of [
    ['article_tags', 'article_id'],
    ['collection_articles', 'article_id'],
  ] as const) {
    // Delete and insert (not update): their triggers log memberships that way.
    const rows = cachedStatement<[string], Value>(
      db,
      `SELECT * FROM ${table} WHERE ${col} = ?`,
    ).all(from);
    cachedStatement(db, `DELETE FROM ${table} WHERE ${col} = ?`).run(from);
    for (const r of rows) {
      const cols = Object.keys(r);
      cachedStatement(
        db,
        `INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
      ).run({ ...r, [col]: to });
    }
  }
  cachedStatement(db, 'UPDATE article_meta SET article_id = ? WHERE article_id = ?').run(to, from);
  cachedStatement(db, 'UPDATE article_state SET article_id = ? WHERE article_id = ?').run(to, from);
  cachedStatement(
    db,
    "DELETE FROM links WHERE origin <> 'link' AND (from_article = ? OR to_article = ?)",
  ).run(from, from);
  cachedStatement(db, 'UPDATE links SET from_article = ? WHERE from_article = ?').run(to, from);
  cachedStatement(db, 'UPDATE links SET to_article = ? WHERE to_article = ?').run(to, from);
  cachedStatement(db, 'UPDATE sync_revisions SET article_id = ? WHERE article_id = ?').run(
    to,
    from,
  );
  cachedStatement(
    db,
    "UPDATE sync_row_versions SET entity_id = ? WHERE entity = 'article' AND entity_id = ?",
  ).run(to, from);
  cachedStatement(
    db,
    "INSERT INTO changes (entity, entity_id, op, at) VALUES ('article', ?, 'delete', ?)",
  ).run(from, nowIso());
  recordMerged(db, from, to);
}
