/**
 * A bulk import's batch of prepared files written inside the caller's transaction, the new
 * articles inserted together (`insertArticles`): FTS5 writes its pending terms as a new segment
 * at every savepoint, so a savepoint and an insert per file made one search-index segment per
 * file, merged again and again later; together they make one for the batch.
 *
 * Each file's writes before its article (original, images) run in a savepoint of their own, so a
 * file that fails there gets its own error and the others still land. Other files (a new version
 * of an article, a second copy of a file in the same batch, one raced in by another import) are
 * then written one by one as before. When the articles or what follows them fail, or the library
 * itself does, it throws `BatchAbandoned`: the caller writes the batch again file by file.
 */
import type { Database } from 'better-sqlite3';
import type { ImportResult } from '../../../model/articles';
import { findArticleByHash, insertArticles } from '../../articles/repo';
import { writeTransaction } from '../../db/transactions';
import { writePrepared, type PreparedItem, type StagedItem } from './importItem';

/** A batch given up whole, to be written again file by file. */
class BatchAbandoned extends Error {}

export function writeBatch(db: Database, items: readonly PreparedItem[]): ImportResult[] {
  const results: Array<ImportResult | undefined> = items.map((item) =>
    'result' in item ? item.result : undefined,
  );
  // A storage error may have ended the whole transaction (SQLite rolls back on some).
  const check = (result: ImportResult) => {
    if ((!result.ok && result.error.code === 'storage') || !db.inTransaction)
      throw new BatchAbandoned();
    return result;
  };
  const staged: Array<{ at: number; item: StagedItem }> = [];
  const hashes = new Set<string>();
  items.forEach((item, at) => {
    if ('result' in item || !item.staged) return;
    const s = item.staged;
    if (hashes.has(s.hash) || findArticleByHash(db, s.hash)) return;
    try {
      writeTransaction(db, s.before);
    } catch (e) {
      results[at] = check(item.failed(e));
      return;
    }
    hashes.add(s.hash);
    staged.push({ at, item: s });
  });
  insertArticles(
    db,
    staged.map(({ item }) => item.article),
  );
  for (const { at, item } of staged) results[at] = check(item.after());
  return items.map((item, at) => results[at] ?? check(writePrepared(db, item)));
}
