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
/*
 * Frozen history: the SQL below is exactly what this migration ran when it shipped (generated
 * once from the builders of the time), so a library created today gets the same schema as one
 * upgraded then. It imports no live code; today's index definitions are in `search/indexes.ts`.
 */

/** The unspaced-script ranges of `search/scripts.ts` when this migration shipped, as a GLOB. */
const UNSPACED_GLOB =
  '*[\u{e00}-\u{eff}\u{1000}-\u{109f}\u{1100}-\u{11ff}\u{1780}-\u{17ff}\u{3040}-\u{30ff}\u{3130}-\u{318f}\u{31f0}-\u{31ff}\u{3400}-\u{4dbf}\u{4e00}-\u{9fff}\u{ac00}-\u{d7af}\u{f900}-\u{faff}\u{ff66}-\u{ff9f}\u{20000}-\u{323af}]*';

const SCHEMA = `
    CREATE VIEW articles_cjk_content AS
      SELECT rid, coalesce(title, '') || '  ' AS title, coalesce(subtitle, '') || '  ' AS subtitle, coalesce(byline, '') || '  ' AS byline, coalesce(site_name, '') || '  ' AS site_name, coalesce(text, '') || '  ' AS text
      FROM articles WHERE (coalesce(articles.title, '') GLOB '${UNSPACED_GLOB}' OR coalesce(articles.subtitle, '') GLOB '${UNSPACED_GLOB}' OR coalesce(articles.byline, '') GLOB '${UNSPACED_GLOB}' OR coalesce(articles.site_name, '') GLOB '${UNSPACED_GLOB}' OR coalesce(articles.text, '') GLOB '${UNSPACED_GLOB}');

    CREATE VIRTUAL TABLE articles_cjk USING fts5(
      title, subtitle, byline, site_name, text,
      content = 'articles_cjk_content', content_rowid = 'rid',
      tokenize = 'trigram case_sensitive 0 remove_diacritics 1'
    );
    CREATE VIRTUAL TABLE articles_cjk_vocab USING fts5vocab(articles_cjk, 'row');

    CREATE TRIGGER articles_cjk_ai AFTER INSERT ON articles WHEN (coalesce(new.title, '') GLOB '${UNSPACED_GLOB}' OR coalesce(new.subtitle, '') GLOB '${UNSPACED_GLOB}' OR coalesce(new.byline, '') GLOB '${UNSPACED_GLOB}' OR coalesce(new.site_name, '') GLOB '${UNSPACED_GLOB}' OR coalesce(new.text, '') GLOB '${UNSPACED_GLOB}') BEGIN
      INSERT INTO articles_cjk (rowid, title, subtitle, byline, site_name, text) VALUES (new.rid, coalesce(new.title, '') || '  ', coalesce(new.subtitle, '') || '  ', coalesce(new.byline, '') || '  ', coalesce(new.site_name, '') || '  ', coalesce(new.text, '') || '  ');
    END;
    CREATE TRIGGER articles_cjk_ad AFTER DELETE ON articles WHEN (coalesce(old.title, '') GLOB '${UNSPACED_GLOB}' OR coalesce(old.subtitle, '') GLOB '${UNSPACED_GLOB}' OR coalesce(old.byline, '') GLOB '${UNSPACED_GLOB}' OR coalesce(old.site_name, '') GLOB '${UNSPACED_GLOB}' OR coalesce(old.text, '') GLOB '${UNSPACED_GLOB}') BEGIN
      INSERT INTO articles_cjk (articles_cjk, rowid, title, subtitle, byline, site_name, text) VALUES ('delete', old.rid, coalesce(old.title, '') || '  ', coalesce(old.subtitle, '') || '  ', coalesce(old.byline, '') || '  ', coalesce(old.site_name, '') || '  ', coalesce(old.text, '') || '  ');
    END;
    CREATE TRIGGER articles_cjk_au AFTER UPDATE OF title, subtitle, byline, site_name, text ON articles BEGIN
      INSERT INTO articles_cjk (articles_cjk, rowid, title, subtitle, byline, site_name, text)
        SELECT 'delete', old.rid, coalesce(old.title, '') || '  ', coalesce(old.subtitle, '') || '  ', coalesce(old.byline, '') || '  ', coalesce(old.site_name, '') || '  ', coalesce(old.text, '') || '  ' WHERE (coalesce(old.title, '') GLOB '${UNSPACED_GLOB}' OR coalesce(old.subtitle, '') GLOB '${UNSPACED_GLOB}' OR coalesce(old.byline, '') GLOB '${UNSPACED_GLOB}' OR coalesce(old.site_name, '') GLOB '${UNSPACED_GLOB}' OR coalesce(old.text, '') GLOB '${UNSPACED_GLOB}');
      INSERT INTO articles_cjk (rowid, title, subtitle, byline, site_name, text)
        SELECT new.rid, coalesce(new.title, '') || '  ', coalesce(new.subtitle, '') || '  ', coalesce(new.byline, '') || '  ', coalesce(new.site_name, '') || '  ', coalesce(new.text, '') || '  ' WHERE (coalesce(new.title, '') GLOB '${UNSPACED_GLOB}' OR coalesce(new.subtitle, '') GLOB '${UNSPACED_GLOB}' OR coalesce(new.byline, '') GLOB '${UNSPACED_GLOB}' OR coalesce(new.site_name, '') GLOB '${UNSPACED_GLOB}' OR coalesce(new.text, '') GLOB '${UNSPACED_GLOB}');
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
      
    DELETE FROM passages_fts WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = new.id);
    DELETE FROM passages_cjk WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = new.id);
    INSERT INTO passages_fts (rowid, exact, comment, tags) SELECT rid, exact, comment, tags FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (p.id = new.id) AND p.deleted_at IS NULL);
    INSERT INTO passages_cjk (rowid, exact, comment, tags)
      SELECT rid, exact || '  ', comment || '  ', tags || '  ' FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (p.id = new.id) AND p.deleted_at IS NULL)
      WHERE coalesce(exact, '') GLOB '${UNSPACED_GLOB}' OR coalesce(comment, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}';
    END;
    -- Soft delete and restore change deleted_at; re-anchoring changes exact.
    CREATE TRIGGER passages_search_au AFTER UPDATE OF exact, comment, deleted_at ON passages BEGIN
      
    DELETE FROM passages_fts WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = new.id);
    DELETE FROM passages_cjk WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = new.id);
    INSERT INTO passages_fts (rowid, exact, comment, tags) SELECT rid, exact, comment, tags FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (p.id = new.id) AND p.deleted_at IS NULL);
    INSERT INTO passages_cjk (rowid, exact, comment, tags)
      SELECT rid, exact || '  ', comment || '  ', tags || '  ' FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (p.id = new.id) AND p.deleted_at IS NULL)
      WHERE coalesce(exact, '') GLOB '${UNSPACED_GLOB}' OR coalesce(comment, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}';
    END;
    CREATE TRIGGER passages_search_ad AFTER DELETE ON passages BEGIN
      DELETE FROM passages_fts WHERE rowid IN (SELECT rid FROM passage_search_ids WHERE passage_id = old.id);
      DELETE FROM passages_cjk WHERE rowid IN (SELECT rid FROM passage_search_ids WHERE passage_id = old.id);
      DELETE FROM passage_search_ids WHERE passage_id = old.id;
    END;
    CREATE TRIGGER passage_tags_search_ai AFTER INSERT ON passage_tags BEGIN
      
    DELETE FROM passages_fts WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = new.passage_id);
    DELETE FROM passages_cjk WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = new.passage_id);
    INSERT INTO passages_fts (rowid, exact, comment, tags) SELECT rid, exact, comment, tags FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (p.id = new.passage_id) AND p.deleted_at IS NULL);
    INSERT INTO passages_cjk (rowid, exact, comment, tags)
      SELECT rid, exact || '  ', comment || '  ', tags || '  ' FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (p.id = new.passage_id) AND p.deleted_at IS NULL)
      WHERE coalesce(exact, '') GLOB '${UNSPACED_GLOB}' OR coalesce(comment, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}';
    END;
    CREATE TRIGGER passage_tags_search_ad AFTER DELETE ON passage_tags BEGIN
      
    DELETE FROM passages_fts WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = old.passage_id);
    DELETE FROM passages_cjk WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = old.passage_id);
    INSERT INTO passages_fts (rowid, exact, comment, tags) SELECT rid, exact, comment, tags FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (p.id = old.passage_id) AND p.deleted_at IS NULL);
    INSERT INTO passages_cjk (rowid, exact, comment, tags)
      SELECT rid, exact || '  ', comment || '  ', tags || '  ' FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (p.id = old.passage_id) AND p.deleted_at IS NULL)
      WHERE coalesce(exact, '') GLOB '${UNSPACED_GLOB}' OR coalesce(comment, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}';
    END;
    CREATE TRIGGER tags_search_au AFTER UPDATE OF name ON tags BEGIN
      
    DELETE FROM passages_fts WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id = new.id));
    DELETE FROM passages_cjk WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id = new.id));
    INSERT INTO passages_fts (rowid, exact, comment, tags) SELECT rid, exact, comment, tags FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id = new.id)) AND p.deleted_at IS NULL);
    INSERT INTO passages_cjk (rowid, exact, comment, tags)
      SELECT rid, exact || '  ', comment || '  ', tags || '  ' FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id = new.id)) AND p.deleted_at IS NULL)
      WHERE coalesce(exact, '') GLOB '${UNSPACED_GLOB}' OR coalesce(comment, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}';
    END;
  `;

/** Fills the new indexes from the rows already in the library. */
const BACKFILL = `
    INSERT INTO articles_cjk (articles_cjk) VALUES ('rebuild');
    DELETE FROM passages_fts;
    DELETE FROM passages_cjk;
    DELETE FROM passage_search_ids WHERE passage_id NOT IN (SELECT id FROM passages);
    INSERT OR IGNORE INTO passage_search_ids (passage_id) SELECT id FROM passages ORDER BY id;
    
    DELETE FROM passages_fts WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE 1);
    DELETE FROM passages_cjk WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE 1);
    INSERT INTO passages_fts (rowid, exact, comment, tags) SELECT rid, exact, comment, tags FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (1) AND p.deleted_at IS NULL);
    INSERT INTO passages_cjk (rowid, exact, comment, tags)
      SELECT rid, exact || '  ', comment || '  ', tags || '  ' FROM (SELECT s.rid AS rid, p.exact AS exact, p.comment AS comment, coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE (1) AND p.deleted_at IS NULL)
      WHERE coalesce(exact, '') GLOB '${UNSPACED_GLOB}' OR coalesce(comment, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}';
  `;

export const search: Migration = {
  version: 3,
  name: 'search',
  up(db) {
    db.exec(SCHEMA);
    db.exec(BACKFILL);
  },
};
