import type { Database } from 'better-sqlite3';
import { CommonplaceError } from '../../errors';
import { HAS_UNSPACED_FUNCTION } from '../../search/grams';
import { UNSPACED_GLOB } from '../../search/scripts';
import type { Migration } from '../migrate';

/**
 * The triggers of migrations 3 and 5 test whether a row holds unspaced-script text with
 * `coalesce(x, '') GLOB '*[…]*'`. SQLite's GLOB re-reads the character class at every position
 * of the text: 0.73 ms for an 8 KB Latin article, on every column of every row an import writes.
 * Migration 7's function (`HAS_UNSPACED_FUNCTION`, one regular expression over the same ranges)
 * answers the same in 0.03 ms. This migration re-creates each of those triggers from its own
 * stored SQL with the function in place of the GLOB, nothing else changed.
 *
 * The view behind `articles_cjk` keeps its GLOB: SQLite reserves its name for the index's shadow
 * tables now that the index exists, so it can't be re-created. It is read only for the few rows
 * a page of CJK hits shows, and by the repair rebuild.
 */
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `coalesce(COLUMN, '') GLOB '<UNSPACED_GLOB>'` as migrations 3 and 5 wrote it (COLUMN: `x`, `new.x`). */
const GLOB_TEST = new RegExp(`coalesce\\(([\\w.]+), ''\\) GLOB '${escapeRegExp(UNSPACED_GLOB)}'`, 'g');

/** `sql` with every unspaced-script GLOB test replaced by the function. */
export function withUnspacedFunction(sql: string): string {
  return sql.replace(GLOB_TEST, (_, column: string) => `${HAS_UNSPACED_FUNCTION}(${column})`);
}

export const unspacedFunction: Migration = {
  version: 8,
  name: 'unspaced function',
  up(db: Database) {
    const triggers = db
      .prepare<[string], { name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND instr(sql, ?) > 0 ORDER BY name`,
      )
      .all(UNSPACED_GLOB);
    for (const { name, sql } of triggers) {
      const next = withUnspacedFunction(sql);
      // A GLOB written some other way would be left behind: stop rather than keep it silently.
      if (next.includes(UNSPACED_GLOB)) throw new CommonplaceError('internal', `Migration 8: the trigger ${name} tests for unspaced text in a form it doesn't know.`);
      db.exec(`DROP TRIGGER "${name}"`);
      db.exec(next);
    }
  },
};
