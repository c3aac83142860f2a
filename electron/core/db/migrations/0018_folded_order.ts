import type { Migration } from '../migrate';

/**
 * The library's title and author orders fold case beyond ASCII ("Émile" beside "émile",
 * "İstanbul" beside "istanbul"): SQLite's NOCASE folds A–Z only. The indexes of migration 13
 * that held `COLLATE NOCASE` are replaced by indexes on `commonplace_fold(…)`, a deterministic
 * function every connection registers (db/open.ts; model/fold.ts `foldCase`), so each order
 * still reads one index in order. Building the index computes the keys of existing rows: no
 * backfill. The filter folds with the same function.
 */
export const foldedOrder: Migration = {
  version: 18,
  name: 'folded_order',
  up(db) {
    db.exec(`
      DROP INDEX articles_by_title_nocase;
      DROP INDEX articles_by_author_asc;
      DROP INDEX articles_by_author_desc;
      CREATE INDEX articles_by_title_folded ON articles(commonplace_fold(title), id);
      CREATE INDEX articles_by_author_folded_asc ON articles(byline IS NULL, commonplace_fold(byline), id);
      CREATE INDEX articles_by_author_folded_desc ON articles(byline IS NULL, commonplace_fold(byline) DESC, id DESC);
    `);
  },
};
