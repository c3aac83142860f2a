import type { Migration } from '../migrate';

/**
 * The title and author orders read sort keys stored in `article_order`, kept by triggers, instead
 * of migration 18's indexes on `commonplace_fold(…)`. Two reasons:
 * - an index on an application function makes the file unreadable to other SQLite tools: a bare
 *   `sqlite3 library.sqlite 'PRAGMA integrity_check'` (or a backup checker) fails with "unknown
 *   function"; stored keys are plain text, checkable anywhere;
 * - the key ignores accents and leading punctuation first ("Émile" files under E, not after
 *   "Zebra"), then breaks ties by the folded text (`commonplace_sort_key`: model/fold.ts sortKey).
 * The keys live beside the articles rather than in them because any update of an article row
 * re-indexes its full text (articles_au). Keyed by the article's id, so the orders keep their
 * tie-break by id; the update trigger also follows an id changed by a sync merge.
 */
export const orderKeys: Migration = {
  version: 22,
  name: 'order_keys',
  up(db) {
    db.exec(`
      CREATE TABLE article_order (
        article_id  TEXT PRIMARY KEY,
        title_key   TEXT NOT NULL,
        byline_key  TEXT
      ) STRICT, WITHOUT ROWID;
      INSERT INTO article_order (article_id, title_key, byline_key)
        SELECT id, commonplace_sort_key(title), commonplace_sort_key(byline) FROM articles;
      CREATE INDEX article_order_by_title ON article_order(title_key, article_id);
      CREATE INDEX article_order_by_author_asc ON article_order(byline_key IS NULL, byline_key, article_id);
      CREATE INDEX article_order_by_author_desc ON article_order(byline_key IS NULL, byline_key DESC, article_id DESC);
      CREATE TRIGGER article_order_ai AFTER INSERT ON articles BEGIN
        INSERT INTO article_order (article_id, title_key, byline_key)
          VALUES (new.id, commonplace_sort_key(new.title), commonplace_sort_key(new.byline));
      END;
      CREATE TRIGGER article_order_au AFTER UPDATE OF id, title, byline ON articles BEGIN
        UPDATE article_order SET article_id = new.id, title_key = commonplace_sort_key(new.title),
          byline_key = commonplace_sort_key(new.byline) WHERE article_id = old.id;
      END;
      CREATE TRIGGER article_order_ad AFTER DELETE ON articles BEGIN
        DELETE FROM article_order WHERE article_id = old.id;
      END;
      DROP INDEX articles_by_title_folded;
      DROP INDEX articles_by_author_folded_asc;
      DROP INDEX articles_by_author_folded_desc;
    `);
  },
};
