/**
 * Statements prepared once per connection and SQL text. Preparing an insert into `articles`
 * compiles every search trigger with it, which costs more than running it: a bulk import that
 * prepared per row spent a fifth of its time there.
 *
 * A cached statement is shared: callers must not change its modes (`pluck`, `raw`, `expand`)
 * unless every caller of that SQL does the same.
 */
import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/** At most this many statements per connection (query shapes vary with search filters). */
const MAX_CACHED = 500;

export function cachedStatement<P extends unknown[] | object = unknown[], R = unknown>(
  db: Database,
  sql: string,
): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(sql, stmt);
  }
  return stmt as Statement<P, R>;
}
