import type { Database } from 'better-sqlite3';
import { CommonplaceError } from '../../errors';
import type { Migration } from '../migrate';

/**
 * The triggers of migrations 3 and 5, and the view `articles_cjk` reads its rows from, test
 * whether a row holds unspaced-script text with `coalesce(x, '') GLOB '*[…]*'`. SQLite's GLOB
 * re-reads the character class at every position of the text: 0.73 ms for an 8 KB Latin
 * article, on every column of every row an import writes, and of every article a `reindex`
 * rebuilds or checks (9 of its 43 s at 10,000 articles, twice). Migration 7's function
 * (`HAS_UNSPACED_FUNCTION`, one regular expression over the same ranges) answers the same in
 * 0.03 ms. This migration re-creates each of them from its own stored SQL with the function in
 * place of the GLOB, nothing else changed.
 */

/** The GLOB migrations 3 and 5 wrote (frozen: the ranges of that time). */
export const UNSPACED_GLOB =
  '*[\u{e00}-\u{eff}\u{1000}-\u{109f}\u{1100}-\u{11ff}\u{1780}-\u{17ff}\u{3040}-\u{30ff}\u{3130}-\u{318f}\u{31f0}-\u{31ff}\u{3400}-\u{4dbf}\u{4e00}-\u{9fff}\u{ac00}-\u{d7af}\u{f900}-\u{faff}\u{ff66}-\u{ff9f}\u{20000}-\u{323af}]*';
/** The function migration 7 registered for the same test (`registerSearchFunctions` still does). */
const HAS_UNSPACED_FUNCTION = 'commonplace_has_unspaced';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `coalesce(COLUMN, '') GLOB '<UNSPACED_GLOB>'` as migrations 3 and 5 wrote it (COLUMN: `x`, `new.x`). */
const GLOB_TEST = new RegExp(
  `coalesce\\(([\\w.]+), ''\\) GLOB '${escapeRegExp(UNSPACED_GLOB)}'`,
  'g',
);

/** `sql` with every unspaced-script GLOB test replaced by the function. */
export function withUnspacedFunction(sql: string): string {
  return sql.replace(GLOB_TEST, (_, column: string) => `${HAS_UNSPACED_FUNCTION}(${column})`);
}

/**
 * Re-creates the view an external-content FTS5 index reads. SQLite's defensive mode (on by
 * default in better-sqlite3) refuses the name while the index exists: `articles_cjk_content`
 * looks like a shadow table of `articles_cjk`. It is none: an index with external content has no
 * `_content` shadow table and reads this view by design, exactly as migration 3 created it. So
 * defensive mode is lifted for these two statements only, rather than dropping the index and
 * re-tokenizing every CJK article (minutes for a library of mostly Chinese sources).
 */
function replaceContentView(db: Database, name: string, sql: string): void {
  db.unsafeMode(true);
  try {
    db.exec(`DROP VIEW "${name}"`);
    db.exec(sql);
  } finally {
    db.unsafeMode(false);
  }
}

export const unspacedFunction: Migration = {
  version: 8,
  name: 'unspaced function',
  up(db: Database) {
    const objects = db
      .prepare<[string], { type: 'trigger' | 'view'; name: string; sql: string }>(
        `SELECT type, name, sql FROM sqlite_schema WHERE type IN ('trigger', 'view') AND instr(sql, ?) > 0 ORDER BY name`,
      )
      .all(UNSPACED_GLOB);
    for (const { type, name, sql } of objects) {
      const next = withUnspacedFunction(sql);
      // A GLOB written some other way would be left behind: stop rather than keep it silently.
      if (next.includes(UNSPACED_GLOB))
        throw new CommonplaceError(
          'internal',
          `Migration 8: the ${type} ${name} tests for unspaced text in a form it doesn't know.`,
        );
      if (type === 'trigger') {
        db.exec(`DROP TRIGGER "${name}"`);
        db.exec(next);
      } else replaceContentView(db, name, next);
    }
  },
};
