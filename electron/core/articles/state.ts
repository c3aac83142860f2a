/**
 * What the user does to articles as a whole: the trash (a soft delete, undoable, reported to the
 * change log as the article's delete), emptying it (the permanent delete), and read state.
 *
 * Permanent delete: the article row goes with its passages, tags, metadata and collection
 * memberships (foreign keys cascade), and so do links to or from it and its passages: a link
 * can't point at nothing. Notes are never changed: a note's quote of a passage keeps the text it
 * last showed (a quote node holds its text) and shows its source as gone; a mention keeps its
 * label. The original file is removed from the library with the article.
 */
import { deleteUnusedImages, storedBodyImages } from '../images/store';
import type { Database } from 'better-sqlite3';
import type { ArticleSummary, ReadingPlace } from '../../model/articles';
import { CommonplaceError } from '../errors';
import { nowIso } from '../ids';
import { writeTransaction } from '../db/transactions';
import type { TextCarry } from './textCarry';
import { getArticleText, SUMMARY_COLUMNS, SUMMARY_FROM, toSummary } from './repo';

/** Throws naming the first id that is no article of this library (call inside the transaction). */
export function requireArticles(db: Database, ids: readonly string[]): void {
  const exists = db.prepare<[string], { one: 1 }>('SELECT 1 AS one FROM articles WHERE id = ?');
  for (const id of ids)
    if (!exists.get(id))
      throw new CommonplaceError('not_found', `article ${id}: not in this library`);
}

function summaries(db: Database, ids: readonly string[]): ArticleSummary[] {
  const get = db.prepare<[string], Parameters<typeof toSummary>[0]>(
    `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE a.id = ?`,
  );
  return [...new Set(ids)].map((id) => toSummary(get.get(id)!));
}

/** The state columns a user action sets for many articles at once. */
export type StateColumn = 'deleted_at' | 'read_at';

/**
 * Sets one state column of each (known) article, creating its state row; call inside a write
 * transaction. An unchanged value writes nothing (no change event).
 */
export function writeState(
  db: Database,
  ids: Iterable<string>,
  set: StateColumn,
  value: (current: string | null) => string | null,
  /** The opening to record as the last read (the same instant as `read_at`), if any. */
  lastRead: string | null = null,
): void {
  const now = nowIso();
  const current = db.prepare<[string], Record<typeof set, string | null>>(
    `SELECT ${set} FROM article_state WHERE article_id = ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO article_state (article_id, ${set}, last_read_at, updated_at) VALUES (@id, @value, @lastRead, @now)
     ON CONFLICT (article_id) DO UPDATE SET ${set} = @value, last_read_at = coalesce(@lastRead, last_read_at), updated_at = @now`,
  );
  for (const id of new Set(ids)) {
    const before = current.get(id)?.[set] ?? null;
    const after = value(before);
    if (after === before && lastRead === null) continue;
    upsert.run({ id, value: after, lastRead, now });
  }
}

/** Sets one state column of each article, in one transaction; their summaries after. */
function setState(
  db: Database,
  ids: readonly string[],
  set: StateColumn,
  value: (current: string | null) => string | null,
  lastRead: string | null = null,
): ArticleSummary[] {
  return writeTransaction(db, () => {
    requireArticles(db, ids);
    writeState(db, ids, set, value, lastRead);
    return summaries(db, ids);
  });
}

/** Puts articles in the trash (already there: kept as it was). */
export function trashArticles(db: Database, ids: readonly string[]): ArticleSummary[] {
  const now = nowIso();
  return setState(db, ids, 'deleted_at', (at) => at ?? now);
}

/** Takes articles out of the trash, with everything they held. */
export function restoreArticles(db: Database, ids: readonly string[]): ArticleSummary[] {
  return setState(db, ids, 'deleted_at', () => null);
}

/**
 * Marks articles read (now, and as last opened) or unread (the last opening is kept for the
 * "last read" sort).
 */
export function markRead(db: Database, ids: readonly string[], read: boolean): ArticleSummary[] {
  const now = nowIso();
  return read
    ? setState(db, ids, 'read_at', () => now, now)
    : setState(db, ids, 'read_at', () => null);
}

/**
 * Stores where the reader is in an article (see migration 16): a UTF-16 offset into its canonical
 * text, at most its length. An unchanged place writes nothing (no change event).
 */
export function setReadingPlace(db: Database, id: string, offset: number): ReadingPlace {
  return writeTransaction(db, () => {
    const row = db
      .prepare<[string], { at: number | null }>(
        `SELECT s.reading_offset AS at FROM articles a LEFT JOIN article_state s ON s.article_id = a.id WHERE a.id = ?`,
      )
      .get(id);
    if (!row) throw new CommonplaceError('not_found', `article ${id}: not in this library`);
    if (offset !== row.at) {
      const length = getArticleText(db, id).length;
      if (offset > length)
        throw new CommonplaceError(
          'invalid_input',
          `offset: ${offset} is past the end of article ${id}'s text (${length} characters)`,
        );
      db.prepare(
        `INSERT INTO article_state (article_id, reading_offset, updated_at) VALUES (@id, @offset, @now)
         ON CONFLICT (article_id) DO UPDATE SET reading_offset = @offset, updated_at = @now`,
      ).run({ id, offset, now: nowIso() });
    }
    return { id, offset };
  });
}

/**
 * Carries the reading place over to an article's new text (Edit text, made here or arriving from
 * another device) through the line alignment that re-anchors passages, so the reader stays on the
 * same words. Call inside the edit's transaction.
 */
export function remapReadingPlace(db: Database, id: string, moved: TextCarry): void {
  const at = db
    .prepare<[string], number | null>(
      'SELECT reading_offset FROM article_state WHERE article_id = ?',
    )
    .pluck()
    .get(id);
  if (at === undefined || at === null || moved.unchanged) return;
  const to = moved.carry(at);
  if (to !== at)
    db.prepare(
      'UPDATE article_state SET reading_offset = ?, updated_at = ? WHERE article_id = ?',
    ).run(to, nowIso(), id);
}

/** The trash, most recently trashed first. */
export function listTrash(db: Database): ArticleSummary[] {
  return db
    .prepare<[], Parameters<typeof toSummary>[0]>(
      `SELECT ${SUMMARY_COLUMNS} FROM article_state s JOIN articles a ON a.id = s.article_id
       WHERE s.deleted_at IS NOT NULL ORDER BY s.deleted_at DESC, s.article_id DESC`,
    )
    .all()
    .map(toSummary);
}

/**
 * Deletes articles in the trash for good (see the module comment): the given ones, which must be
 * in the trash, or all of it. Returns how many were deleted.
 */
export function emptyTrash(db: Database, ids?: readonly string[]): number {
  return writeTransaction(db, () => {
    const trashed = new Set(listTrash(db).map((a) => a.id));
    if (ids) {
      requireArticles(db, ids);
      const live = ids.find((id) => !trashed.has(id));
      if (live)
        throw new CommonplaceError(
          'invalid_input',
          `article ${live}: not in the trash (only articles in the trash can be deleted for good)`,
        );
    }
    const doomed = ids ? [...new Set(ids)] : [...trashed];
    const hashOf = db.prepare<[string], { hash: string; body: string }>(
      'SELECT hash, body FROM articles WHERE id = ?',
    );
    const deleteArticle = db.prepare('DELETE FROM articles WHERE id = ?');
    const deleteOriginal = db.prepare(
      'DELETE FROM originals WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE hash = ?)',
    );
    let hadImages = false;
    for (const id of doomed) {
      const { hash, body } = hashOf.get(id)!;
      hadImages ||= storedBodyImages(body).length > 0;
      deleteArticle.run(id);
      deleteOriginal.run(hash, hash);
    }
    // Its pictures go with it, unless another article shows them too.
    if (hadImages) deleteUnusedImages(db);
    return doomed.length;
  });
}
