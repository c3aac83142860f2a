import type { Database } from 'better-sqlite3';
import { UNSPACED_GLOB } from '../../search/scripts';
import type { Migration } from '../migrate';

/**
 * Search indexes beside migration 1's word index (`articles_fts`):
 *
 * - `articles_cjk`: a trigram index (substring search) over the articles that hold Chinese,
 *   Japanese, Korean, Thai… text — see `search/scripts.ts`. Only those: a trigram index of every
 *   article cost 5× the import time and 3× the file size in measurements (109 vs 535 articles/s,
 *   448 vs 138 MB for 10,000 articles of 8 KB) and Latin text is served by the word index.
 *   External content over the view `articles_cjk_content`, which pads every column with two
 *   spaces so that a 1–2 character term at the very end of a column still starts a trigram.
 * - `passages_fts` (word) and `passages_cjk` (trigram, same rule) over live passages: quote,
 *   comment and tag names (denormalised, kept current by triggers on passage_tags and on tag
 *   renames). Passages have text ids, so `passage_search_ids` gives them the stable integer rowid
 *   FTS5 needs (an implicit rowid may be renumbered by VACUUM).
 * - `*_vocab` tables read the trigram vocabularies (how 1–2 character terms are looked up).
 *
 * Everything is kept current by triggers; `rebuildSearchIndexes` rebuilds it all from the tables.
 */

const PAD = "'  '";
const HAS_UNSPACED = (col: string) => `coalesce(${col}, '') GLOB '${UNSPACED_GLOB}'`;
const ARTICLE_COLUMNS = ['title', 'subtitle', 'byline', 'site_name', 'text'] as const;
const articleHasUnspaced = (row: string) =>
  `(${ARTICLE_COLUMNS.map((c) => HAS_UNSPACED(`${row}.${c}`)).join(' OR ')})`;
const articlePadded = (row: string) =>
  ARTICLE_COLUMNS.map((c) => `coalesce(${row}.${c}, '') || ${PAD}`).join(', ');

const TAG_NAMES = `coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '')`;

/**
 * Re-derives the index rows of the passages selected by `which` (an SQL condition on `p`):
 * removes them, then inserts the live ones. Used by every passage trigger and by the rebuild.
 */
export function refreshPassagesSql(which: string): string {
  const rids = `SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE ${which}`;
  const rows = `SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, ${TAG_NAMES} AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (${which}) AND p.deleted_at IS NULL`;
  return `
    DELETE FROM passages_fts WHERE rowid IN (${rids});
    DELETE FROM passages_cjk WHERE rowid IN (${rids});
    INSERT INTO passages_fts (rowid, exact, comment, tags) SELECT rid, exact, comment, tags FROM (${rows});
    INSERT INTO passages_cjk (rowid, exact, comment, tags)
      SELECT rid, exact || ${PAD}, comment || ${PAD}, tags || ${PAD} FROM (${rows})
      WHERE ${HAS_UNSPACED('exact')} OR ${HAS_UNSPACED('comment')} OR ${HAS_UNSPACED('tags')};`;
}

export function createSearchSchema(db: Database): void {
  db.exec(`
    CREATE VIEW articles_cjk_content AS
      SELECT rid, ${ARTICLE_COLUMNS.map((c) => `coalesce(${c}, '') || ${PAD} AS ${c}`).join(', ')}
      FROM articles WHERE ${articleHasUnspaced('articles')};

    CREATE VIRTUAL TABLE articles_cjk USING fts5(
      title, subtitle, byline, site_name, text,
      content = 'articles_cjk_content', content_rowid = 'rid',
      tokenize = 'trigram case_sensitive 0 remove_diacritics 1'
    );
    CREATE VIRTUAL TABLE articles_cjk_vocab USING fts5vocab(articles_cjk, 'row');

    CREATE TRIGGER articles_cjk_ai AFTER INSERT ON articles WHEN ${articleHasUnspaced('new')} BEGIN
      INSERT INTO articles_cjk (rowid, ${ARTICLE_COLUMNS.join(', ')}) VALUES (new.rid, ${articlePadded('new')});
    END;
    CREATE TRIGGER articles_cjk_ad AFTER DELETE ON articles WHEN ${articleHasUnspaced('old')} BEGIN
      INSERT INTO articles_cjk (articles_cjk, rowid, ${ARTICLE_COLUMNS.join(', ')}) VALUES ('delete', old.rid, ${articlePadded('old')});
    END;
    CREATE TRIGGER articles_cjk_au AFTER UPDATE OF ${ARTICLE_COLUMNS.join(', ')} ON articles BEGIN
      INSERT INTO articles_cjk (articles_cjk, rowid, ${ARTICLE_COLUMNS.join(', ')})
        SELECT 'delete', old.rid, ${articlePadded('old')} WHERE ${articleHasUnspaced('old')};
      INSERT INTO articles_cjk (rowid, ${ARTICLE_COLUMNS.join(', ')})
        SELECT new.rid, ${articlePadded('new')} WHERE ${articleHasUnspaced('new')};
    END;

    CREATE TABLE passage_search_ids (
      rid         INTEGER PRIMARY KEY,
      passage_id  TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE VIRTUAL TABLE passages_fts USING fts5(exact, comment, tags, tokenize = 'unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE passages_cjk USING fts5(exact, comment, tags, tokenize = 'trigram case_sensitive 0 remove_diacritics 1');
    CREATE VIRTUAL TABLE passages_cjk_vocab USING fts5vocab(passages_cjk, 'row');

    CREATE TRIGGER passages_search_ai AFTER INSERT ON passages BEGIN
      INSERT OR IGNORE INTO passage_search_ids (passage_id) VALUES (new.id);
      ${refreshPassagesSql('p.id = new.id')}
    END;
    -- Soft delete and restore change deleted_at; re-anchoring changes exact.
    CREATE TRIGGER passages_search_au AFTER UPDATE OF exact, comment, deleted_at ON passages BEGIN
      ${refreshPassagesSql('p.id = new.id')}
    END;
    CREATE TRIGGER passages_search_ad AFTER DELETE ON passages BEGIN
      DELETE FROM passages_fts WHERE rowid IN (SELECT rid FROM passage_search_ids WHERE passage_id = old.id);
      DELETE FROM passages_cjk WHERE rowid IN (SELECT rid FROM passage_search_ids WHERE passage_id = old.id);
      DELETE FROM passage_search_ids WHERE passage_id = old.id;
    END;
    CREATE TRIGGER passage_tags_search_ai AFTER INSERT ON passage_tags BEGIN
      ${refreshPassagesSql('p.id = new.passage_id')}
    END;
    CREATE TRIGGER passage_tags_search_ad AFTER DELETE ON passage_tags BEGIN
      ${refreshPassagesSql('p.id = old.passage_id')}
    END;
    CREATE TRIGGER tags_search_au AFTER UPDATE OF name ON tags BEGIN
      ${refreshPassagesSql('p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id = new.id)')}
    END;
  `);
}

/** Fills the new indexes from the rows already in the library. */
export function backfillSearchIndexes(db: Database): void {
  db.exec(`
    INSERT INTO articles_cjk (articles_cjk) VALUES ('rebuild');
    DELETE FROM passages_fts;
    DELETE FROM passages_cjk;
    DELETE FROM passage_search_ids WHERE passage_id NOT IN (SELECT id FROM passages);
    INSERT OR IGNORE INTO passage_search_ids (passage_id) SELECT id FROM passages ORDER BY id;
    ${refreshPassagesSql('1')}
  `);
}

export const search: Migration = {
  version: 3,
  name: 'search',
  up(db) {
    createSearchSchema(db);
    backfillSearchIndexes(db);
  },
};
