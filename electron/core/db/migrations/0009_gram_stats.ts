import type { Database } from 'better-sqlite3';
import { CommonplaceError } from '../../errors';
import type { Migration } from '../migrate';

/**
 * Exact ranking statistics for the gram indexes of migration 7. Those were contentless tables
 * with `contentless_delete`, and FTS5 never takes a deleted row out of such a table's statistics
 * (the row count and token totals bm25 ranks by): every re-index of a row — each save of a note,
 * each tag change of a passage, each edit or delete of an article — counted it once more, and
 * bm25 inflated those hits without bound (a CJK note saved 300 times scored 5× what it scored
 * fresh, above every article). Re-created with the same names and columns:
 *
 * - `passages_grams`, `notes_grams`: ordinary FTS5 tables, which keep their gram text (small:
 *   passages and notes are written by hand) and exact statistics. Migration 7's triggers work
 *   on them unchanged.
 * - `articles_grams`: external content, read from the view `articles_grams_source`, which makes
 *   the grams of each article holding unspaced-script text when read (no stored copy: it would
 *   be large). Its triggers remove a row with FTS5's 'delete' command and the grams of the old
 *   values, which is what keeps the statistics exact; the gram function is deterministic, so
 *   those are the grams that were indexed. A change to `cjkGrams` needs a migration that
 *   rebuilds this index.
 *
 * Every table is refilled from the live rows: 8.5 s for the search bench's 100,000-article
 * library (5,000 articles holding CJK text).
 */
/*
 * Frozen history: the SQL below is exactly what this migration ran when it shipped (generated
 * once from the builders of the time), so a library created today gets the same schema as one
 * upgraded then. It imports no live code; today's index definitions are in `search/indexes.ts`.
 */

/** `articles_grams` re-created over the view, with its triggers, and refilled. */
const ARTICLE_GRAMS = `
    DROP TRIGGER articles_grams_ai;
    DROP TRIGGER articles_grams_ad;
    DROP TRIGGER articles_grams_au;
    DROP TABLE articles_grams;
    CREATE VIEW articles_grams_source AS SELECT rid, commonplace_cjk_grams(articles.title) AS title, commonplace_cjk_grams(articles.subtitle) AS subtitle, commonplace_cjk_grams(articles.byline) AS byline, commonplace_cjk_grams(articles.site_name) AS site_name, commonplace_cjk_grams(articles.text) AS text
      FROM articles WHERE (commonplace_has_unspaced(articles.title) OR commonplace_has_unspaced(articles.subtitle) OR commonplace_has_unspaced(articles.byline) OR commonplace_has_unspaced(articles.site_name) OR commonplace_has_unspaced(articles.text));
    CREATE VIRTUAL TABLE articles_grams USING fts5(title, subtitle, byline, site_name, text, content = 'articles_grams_source', content_rowid = 'rid', tokenize = 'ascii');
    CREATE TRIGGER articles_grams_ai AFTER INSERT ON articles WHEN (commonplace_has_unspaced(new.title) OR commonplace_has_unspaced(new.subtitle) OR commonplace_has_unspaced(new.byline) OR commonplace_has_unspaced(new.site_name) OR commonplace_has_unspaced(new.text)) BEGIN
      INSERT INTO articles_grams (rowid, title, subtitle, byline, site_name, text) VALUES (new.rid, commonplace_cjk_grams(new.title), commonplace_cjk_grams(new.subtitle), commonplace_cjk_grams(new.byline), commonplace_cjk_grams(new.site_name), commonplace_cjk_grams(new.text));
    END;
    CREATE TRIGGER articles_grams_ad AFTER DELETE ON articles WHEN (commonplace_has_unspaced(old.title) OR commonplace_has_unspaced(old.subtitle) OR commonplace_has_unspaced(old.byline) OR commonplace_has_unspaced(old.site_name) OR commonplace_has_unspaced(old.text)) BEGIN
      INSERT INTO articles_grams (articles_grams, rowid, title, subtitle, byline, site_name, text) VALUES ('delete', old.rid, commonplace_cjk_grams(old.title), commonplace_cjk_grams(old.subtitle), commonplace_cjk_grams(old.byline), commonplace_cjk_grams(old.site_name), commonplace_cjk_grams(old.text));
    END;
    CREATE TRIGGER articles_grams_au AFTER UPDATE OF title, subtitle, byline, site_name, text ON articles BEGIN
      INSERT INTO articles_grams (articles_grams, rowid, title, subtitle, byline, site_name, text) SELECT 'delete', old.rid, commonplace_cjk_grams(old.title), commonplace_cjk_grams(old.subtitle), commonplace_cjk_grams(old.byline), commonplace_cjk_grams(old.site_name), commonplace_cjk_grams(old.text) WHERE (commonplace_has_unspaced(old.title) OR commonplace_has_unspaced(old.subtitle) OR commonplace_has_unspaced(old.byline) OR commonplace_has_unspaced(old.site_name) OR commonplace_has_unspaced(old.text));
      INSERT INTO articles_grams (rowid, title, subtitle, byline, site_name, text) SELECT new.rid, commonplace_cjk_grams(new.title), commonplace_cjk_grams(new.subtitle), commonplace_cjk_grams(new.byline), commonplace_cjk_grams(new.site_name), commonplace_cjk_grams(new.text) WHERE (commonplace_has_unspaced(new.title) OR commonplace_has_unspaced(new.subtitle) OR commonplace_has_unspaced(new.byline) OR commonplace_has_unspaced(new.site_name) OR commonplace_has_unspaced(new.text));
    END;
    INSERT INTO articles_grams (articles_grams) VALUES ('rebuild');
  `;

/** The hand-written kinds' gram tables, re-created as ordinary FTS5 tables and refilled. */
const HAND_WRITTEN = [
  {
    name: 'passages_grams',
    sql: `
        DROP TABLE passages_grams;
        CREATE VIRTUAL TABLE passages_grams USING fts5(exact, comment, tags, tokenize = 'ascii');
        INSERT INTO passages_grams (rowid, exact, comment, tags)
    SELECT s.rid, commonplace_cjk_grams(p.exact), commonplace_cjk_grams(p.comment), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), ''))
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id
    WHERE (1) AND p.deleted_at IS NULL AND (commonplace_has_unspaced(p.exact) OR commonplace_has_unspaced(p.comment) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '')));
      `,
  },
  {
    name: 'notes_grams',
    sql: `
        DROP TABLE notes_grams;
        CREATE VIRTUAL TABLE notes_grams USING fts5(title, text, tags, tokenize = 'ascii');
        INSERT INTO notes_grams (rowid, title, text, tags)
    SELECT n.rid, commonplace_cjk_grams(n.title), commonplace_cjk_grams(n.text), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')) FROM notes n
    WHERE (1) AND n.deleted_at IS NULL AND (commonplace_has_unspaced(n.title) OR commonplace_has_unspaced(n.text) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')));
      `,
  },
] as const;

export const gramStats: Migration = {
  version: 9,
  name: 'gram stats',
  up(db: Database) {
    for (const name of ['articles_grams', ...HAND_WRITTEN.map((t) => t.name)]) {
      const sql = db
        .prepare<[string], string>(`SELECT sql FROM sqlite_schema WHERE name = ?`)
        .pluck()
        .get(name);
      if (!sql?.includes('contentless_delete'))
        throw new CommonplaceError(
          'internal',
          `Migration 9: ${name} is not the contentless table migration 7 made.`,
        );
    }
    db.exec(ARTICLE_GRAMS);
    for (const { sql } of HAND_WRITTEN) db.exec(sql);
  },
};
