import type { Migration } from '../migrate';

/**
 * Search at scale, beside the indexes of migrations 3 and 5:
 *
 * - `articles_grams`, `passages_grams`, `notes_grams`: the unspaced-script text (Chinese,
 *   Japanese, Korean, Thai… — see `search/scripts.ts`) of each row as its distinct 1- and
 *   2-character grams (see `search/grams.ts`), same columns as the kind's other indexes. A 1–2
 *   character query is one term here; through the trigram index it was the OR of every trigram it
 *   starts (200–500 ms for a common character at 100,000 articles). Contentless (the grams are
 *   derived, never shown) with `contentless_delete` so a row can be removed by its rowid alone;
 *   `ascii` tokenizer: the grams are non-ASCII tokens separated by spaces. A gram is listed once
 *   per column, so bm25 weighs where a term occurs (title above body), not how often — half the
 *   size of an index of every occurrence (25 vs 52 MB for 5,000 CJK articles of 8 KB).
 * - `*_fts_vocab`: the word indexes' vocabularies, to turn a prefix query into the OR of its
 *   words (FTS5 evaluates `econom*` by merging the doclists of every such word up front, at every
 *   use; an OR of words is read lazily and stops after the rows a query needs).
 *
 * The grams are made by SQL functions registered on every connection (`registerSearchFunctions`,
 * called by `openDatabase`). The triggers below are separate from those of migrations 3 and 5
 * and do not depend on the order triggers fire in: a passage's grams follow its
 * `passage_search_ids` row (created and deleted by migration 3's triggers), the rest follow the
 * same tables and columns as the other indexes.
 */
/*
 * Frozen history: the SQL below is exactly what this migration ran when it shipped (generated
 * once from the builders of the time), so a library created today gets the same schema as one
 * upgraded then. It imports no live code; today's index definitions are in `search/indexes.ts`.
 */

const SCHEMA = `
    CREATE VIRTUAL TABLE articles_grams USING fts5(title, subtitle, byline, site_name, text, content = '', contentless_delete = 1, tokenize = 'ascii');
    CREATE VIRTUAL TABLE passages_grams USING fts5(exact, comment, tags, content = '', contentless_delete = 1, tokenize = 'ascii');
    CREATE VIRTUAL TABLE notes_grams USING fts5(title, text, tags, content = '', contentless_delete = 1, tokenize = 'ascii');
    CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
    CREATE VIRTUAL TABLE passages_fts_vocab USING fts5vocab(passages_fts, 'row');
    CREATE VIRTUAL TABLE notes_fts_vocab USING fts5vocab(notes_fts, 'row');

    CREATE TRIGGER articles_grams_ai AFTER INSERT ON articles WHEN (commonplace_has_unspaced(new.title) OR commonplace_has_unspaced(new.subtitle) OR commonplace_has_unspaced(new.byline) OR commonplace_has_unspaced(new.site_name) OR commonplace_has_unspaced(new.text)) BEGIN
      INSERT INTO articles_grams (rowid, title, subtitle, byline, site_name, text) VALUES (new.rid, commonplace_cjk_grams(new.title), commonplace_cjk_grams(new.subtitle), commonplace_cjk_grams(new.byline), commonplace_cjk_grams(new.site_name), commonplace_cjk_grams(new.text));
    END;
    CREATE TRIGGER articles_grams_ad AFTER DELETE ON articles WHEN (commonplace_has_unspaced(old.title) OR commonplace_has_unspaced(old.subtitle) OR commonplace_has_unspaced(old.byline) OR commonplace_has_unspaced(old.site_name) OR commonplace_has_unspaced(old.text)) BEGIN
      DELETE FROM articles_grams WHERE rowid = old.rid;
    END;
    CREATE TRIGGER articles_grams_au AFTER UPDATE OF title, subtitle, byline, site_name, text ON articles BEGIN
      DELETE FROM articles_grams WHERE rowid = old.rid AND (commonplace_has_unspaced(old.title) OR commonplace_has_unspaced(old.subtitle) OR commonplace_has_unspaced(old.byline) OR commonplace_has_unspaced(old.site_name) OR commonplace_has_unspaced(old.text));
      INSERT INTO articles_grams (rowid, title, subtitle, byline, site_name, text) SELECT new.rid, commonplace_cjk_grams(new.title), commonplace_cjk_grams(new.subtitle), commonplace_cjk_grams(new.byline), commonplace_cjk_grams(new.site_name), commonplace_cjk_grams(new.text) WHERE (commonplace_has_unspaced(new.title) OR commonplace_has_unspaced(new.subtitle) OR commonplace_has_unspaced(new.byline) OR commonplace_has_unspaced(new.site_name) OR commonplace_has_unspaced(new.text));
    END;

    -- A passage enters the indexes with its search id (migration 3's insert trigger) and leaves with it.
    CREATE TRIGGER passage_search_ids_grams_ai AFTER INSERT ON passage_search_ids BEGIN
      
    DELETE FROM passages_grams WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = new.passage_id);
    INSERT INTO passages_grams (rowid, exact, comment, tags)
    SELECT s.rid, commonplace_cjk_grams(p.exact), commonplace_cjk_grams(p.comment), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), ''))
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id
    WHERE (p.id = new.passage_id) AND p.deleted_at IS NULL AND (commonplace_has_unspaced(p.exact) OR commonplace_has_unspaced(p.comment) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '')));
    END;
    CREATE TRIGGER passage_search_ids_grams_ad AFTER DELETE ON passage_search_ids BEGIN
      DELETE FROM passages_grams WHERE rowid = old.rid;
    END;
    CREATE TRIGGER passages_grams_au AFTER UPDATE OF exact, comment, deleted_at ON passages BEGIN
      
    DELETE FROM passages_grams WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = new.id);
    INSERT INTO passages_grams (rowid, exact, comment, tags)
    SELECT s.rid, commonplace_cjk_grams(p.exact), commonplace_cjk_grams(p.comment), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), ''))
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id
    WHERE (p.id = new.id) AND p.deleted_at IS NULL AND (commonplace_has_unspaced(p.exact) OR commonplace_has_unspaced(p.comment) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '')));
    END;
    CREATE TRIGGER passage_tags_grams_ai AFTER INSERT ON passage_tags BEGIN
      
    DELETE FROM passages_grams WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = new.passage_id);
    INSERT INTO passages_grams (rowid, exact, comment, tags)
    SELECT s.rid, commonplace_cjk_grams(p.exact), commonplace_cjk_grams(p.comment), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), ''))
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id
    WHERE (p.id = new.passage_id) AND p.deleted_at IS NULL AND (commonplace_has_unspaced(p.exact) OR commonplace_has_unspaced(p.comment) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '')));
    END;
    CREATE TRIGGER passage_tags_grams_ad AFTER DELETE ON passage_tags BEGIN
      
    DELETE FROM passages_grams WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id = old.passage_id);
    INSERT INTO passages_grams (rowid, exact, comment, tags)
    SELECT s.rid, commonplace_cjk_grams(p.exact), commonplace_cjk_grams(p.comment), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), ''))
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id
    WHERE (p.id = old.passage_id) AND p.deleted_at IS NULL AND (commonplace_has_unspaced(p.exact) OR commonplace_has_unspaced(p.comment) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '')));
    END;
    CREATE TRIGGER tags_passages_grams_au AFTER UPDATE OF name ON tags BEGIN
      
    DELETE FROM passages_grams WHERE rowid IN (SELECT s.rid FROM passage_search_ids s JOIN passages p ON p.id = s.passage_id WHERE p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id = new.id));
    INSERT INTO passages_grams (rowid, exact, comment, tags)
    SELECT s.rid, commonplace_cjk_grams(p.exact), commonplace_cjk_grams(p.comment), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), ''))
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id
    WHERE (p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id = new.id)) AND p.deleted_at IS NULL AND (commonplace_has_unspaced(p.exact) OR commonplace_has_unspaced(p.comment) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '')));
    END;

    CREATE TRIGGER notes_grams_ai AFTER INSERT ON notes BEGIN
      INSERT INTO notes_grams (rowid, title, text, tags)
    SELECT n.rid, commonplace_cjk_grams(n.title), commonplace_cjk_grams(n.text), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')) FROM notes n
    WHERE (n.rid = new.rid) AND n.deleted_at IS NULL AND (commonplace_has_unspaced(n.title) OR commonplace_has_unspaced(n.text) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')));
    END;
    CREATE TRIGGER notes_grams_au AFTER UPDATE OF title, text, deleted_at ON notes BEGIN
      
    DELETE FROM notes_grams WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.rid = new.rid);
    INSERT INTO notes_grams (rowid, title, text, tags)
    SELECT n.rid, commonplace_cjk_grams(n.title), commonplace_cjk_grams(n.text), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')) FROM notes n
    WHERE (n.rid = new.rid) AND n.deleted_at IS NULL AND (commonplace_has_unspaced(n.title) OR commonplace_has_unspaced(n.text) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')));
    END;
    CREATE TRIGGER notes_grams_ad AFTER DELETE ON notes BEGIN
      DELETE FROM notes_grams WHERE rowid = old.rid;
    END;
    -- Tag deletes reach note_tags by ON DELETE CASCADE, which fires these triggers too.
    CREATE TRIGGER note_tags_grams_ai AFTER INSERT ON note_tags BEGIN
      
    DELETE FROM notes_grams WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.id = new.note_id);
    INSERT INTO notes_grams (rowid, title, text, tags)
    SELECT n.rid, commonplace_cjk_grams(n.title), commonplace_cjk_grams(n.text), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')) FROM notes n
    WHERE (n.id = new.note_id) AND n.deleted_at IS NULL AND (commonplace_has_unspaced(n.title) OR commonplace_has_unspaced(n.text) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')));
    END;
    CREATE TRIGGER note_tags_grams_ad AFTER DELETE ON note_tags BEGIN
      
    DELETE FROM notes_grams WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.id = old.note_id);
    INSERT INTO notes_grams (rowid, title, text, tags)
    SELECT n.rid, commonplace_cjk_grams(n.title), commonplace_cjk_grams(n.text), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')) FROM notes n
    WHERE (n.id = old.note_id) AND n.deleted_at IS NULL AND (commonplace_has_unspaced(n.title) OR commonplace_has_unspaced(n.text) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')));
    END;
    CREATE TRIGGER tags_notes_grams_au AFTER UPDATE OF name ON tags BEGIN
      
    DELETE FROM notes_grams WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.id IN (SELECT note_id FROM note_tags WHERE tag_id = new.id));
    INSERT INTO notes_grams (rowid, title, text, tags)
    SELECT n.rid, commonplace_cjk_grams(n.title), commonplace_cjk_grams(n.text), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')) FROM notes n
    WHERE (n.id IN (SELECT note_id FROM note_tags WHERE tag_id = new.id)) AND n.deleted_at IS NULL AND (commonplace_has_unspaced(n.title) OR commonplace_has_unspaced(n.text) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')));
    END;
  `;

/** Fills the gram indexes from the rows in the library. */
const BACKFILL = `
    INSERT INTO articles_grams (articles_grams) VALUES ('delete-all');
    DELETE FROM passages_grams; -- DELETE, not 'delete-all': migration 9 makes these two ordinary tables
    DELETE FROM notes_grams;
    INSERT INTO articles_grams (rowid, title, subtitle, byline, site_name, text) SELECT a.rid, commonplace_cjk_grams(a.title), commonplace_cjk_grams(a.subtitle), commonplace_cjk_grams(a.byline), commonplace_cjk_grams(a.site_name), commonplace_cjk_grams(a.text) FROM articles a WHERE (commonplace_has_unspaced(a.title) OR commonplace_has_unspaced(a.subtitle) OR commonplace_has_unspaced(a.byline) OR commonplace_has_unspaced(a.site_name) OR commonplace_has_unspaced(a.text));
    INSERT INTO passages_grams (rowid, exact, comment, tags)
    SELECT s.rid, commonplace_cjk_grams(p.exact), commonplace_cjk_grams(p.comment), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), ''))
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id
    WHERE (1) AND p.deleted_at IS NULL AND (commonplace_has_unspaced(p.exact) OR commonplace_has_unspaced(p.comment) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '')));
    INSERT INTO notes_grams (rowid, title, text, tags)
    SELECT n.rid, commonplace_cjk_grams(n.title), commonplace_cjk_grams(n.text), commonplace_cjk_grams(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')) FROM notes n
    WHERE (1) AND n.deleted_at IS NULL AND (commonplace_has_unspaced(n.title) OR commonplace_has_unspaced(n.text) OR commonplace_has_unspaced(coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')));
  `;

export const searchGrams: Migration = {
  version: 7,
  name: 'search grams',
  up(db) {
    db.exec(SCHEMA);
    db.exec(BACKFILL);
    db.exec(`INSERT INTO articles_grams (articles_grams) VALUES ('optimize')`);
  },
};
