import type { Database } from 'better-sqlite3';
import { CommonplaceError } from '../../errors';
import {
  ARTICLE_COLUMNS,
  articleGrams,
  articleHas,
  G,
  insertNoteGramsSql,
  insertPassageGramsSql,
} from './0007_search_grams';
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

const COLUMNS = ARTICLE_COLUMNS.join(', ');

function rebuildArticleGrams(db: Database): void {
  db.exec(`
    DROP TRIGGER articles_grams_ai;
    DROP TRIGGER articles_grams_ad;
    DROP TRIGGER articles_grams_au;
    DROP TABLE articles_grams;
    CREATE VIEW articles_grams_source AS SELECT rid, ${ARTICLE_COLUMNS.map((c) => `${G(`articles.${c}`)} AS ${c}`).join(', ')}
      FROM articles WHERE ${articleHas('articles')};
    CREATE VIRTUAL TABLE articles_grams USING fts5(${COLUMNS}, content = 'articles_grams_source', content_rowid = 'rid', tokenize = 'ascii');
    CREATE TRIGGER articles_grams_ai AFTER INSERT ON articles WHEN ${articleHas('new')} BEGIN
      INSERT INTO articles_grams (rowid, ${COLUMNS}) VALUES (new.rid, ${articleGrams('new')});
    END;
    CREATE TRIGGER articles_grams_ad AFTER DELETE ON articles WHEN ${articleHas('old')} BEGIN
      INSERT INTO articles_grams (articles_grams, rowid, ${COLUMNS}) VALUES ('delete', old.rid, ${articleGrams('old')});
    END;
    CREATE TRIGGER articles_grams_au AFTER UPDATE OF ${COLUMNS} ON articles BEGIN
      INSERT INTO articles_grams (articles_grams, rowid, ${COLUMNS}) SELECT 'delete', old.rid, ${articleGrams('old')} WHERE ${articleHas('old')};
      INSERT INTO articles_grams (rowid, ${COLUMNS}) SELECT new.rid, ${articleGrams('new')} WHERE ${articleHas('new')};
    END;
    INSERT INTO articles_grams (articles_grams) VALUES ('rebuild');
  `);
}

const HAND_WRITTEN = [
  {
    name: 'passages_grams',
    columns: ['exact', 'comment', 'tags'],
    fill: insertPassageGramsSql('1'),
  },
  { name: 'notes_grams', columns: ['title', 'text', 'tags'], fill: insertNoteGramsSql('1') },
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
    rebuildArticleGrams(db);
    for (const { name, columns, fill } of HAND_WRITTEN) {
      db.exec(`
        DROP TABLE ${name};
        CREATE VIRTUAL TABLE ${name} USING fts5(${columns.join(', ')}, tokenize = 'ascii');
        ${fill}
      `);
    }
  },
};
