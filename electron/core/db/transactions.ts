/**
 * The only two ways to open a transaction on a library. Several processes write to one library at
 * once (the app or web mode, CLI imports, bulk-import workers), so the kind of transaction matters:
 *
 * A plain (deferred) transaction starts as a reader and upgrades to a writer at its first write.
 * If another connection committed in between, SQLite refuses the upgrade with
 * `SQLITE_BUSY_SNAPSHOT` at once — `busy_timeout` cannot wait that out, because the snapshot the
 * transaction already read from is stale. Taking the write lock at BEGIN (`BEGIN IMMEDIATE`) makes
 * every writer queue on the lock instead, which `busy_timeout` does wait for.
 *
 * electron/core/db/transactions.test.ts fails if any other file opens a transaction itself.
 */
import type { Database } from 'better-sqlite3';

/**
 * Runs `work` as one unit of work that writes: all of it commits or none of it does, and the write
 * lock is taken before the first read. Nested inside another transaction it becomes a savepoint.
 * `work` must be synchronous (better-sqlite3 commits when it returns).
 */
export function writeTransaction<T>(db: Database, work: () => T): T {
  return db.transaction(work).immediate();
}

/**
 * Runs `work` on one consistent snapshot of the library (an export that reads many tables).
 * It cannot write (query_only): a write inside would be a deferred upgrade, refused under concurrency.
 */
export function readTransaction<T>(db: Database, work: () => T): T {
  const wasQueryOnly = db.pragma('query_only', { simple: true }) === 1;
  db.pragma('query_only = ON');
  try {
    return db.transaction(work).deferred();
  } finally {
    if (!wasQueryOnly) db.pragma('query_only = OFF');
  }
}
