import type { Migration } from '../migrate';

/**
 * Notes in search, beside the article and passage indexes of migration 3 and with the same rules:
 *
 * - `notes_fts` (word index, `unicode61 remove_diacritics 2`) over live notes: title, text and
 *   tag names (denormalised like a passage's, kept current by triggers on note_tags and on tag
 *   renames); rowid = `notes.rid`, the stable integer key migration 4 gave notes for this.
 * - `notes_cjk` (trigram, for substring search) over the live notes holding unspaced-script
 *   text (see `search/scripts.ts`), every column padded with two spaces so that a 1–2 character
 *   term at the end of a column still starts a trigram; `notes_cjk_vocab` reads its vocabulary.
 *
 * The indexes keep their own copy of the text (not external content): a soft-deleted note must
 * leave them, and rebuilding one row from its current values is simpler than deleting it with
 * its old ones. Notes are short; the copy is small.
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
    CREATE VIRTUAL TABLE notes_fts USING fts5(title, text, tags, tokenize = 'unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE notes_cjk USING fts5(title, text, tags, tokenize = 'trigram case_sensitive 0 remove_diacritics 1');
    CREATE VIRTUAL TABLE notes_cjk_vocab USING fts5vocab(notes_cjk, 'row');

    CREATE TRIGGER notes_search_ai AFTER INSERT ON notes BEGIN
      
    DELETE FROM notes_fts WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.rid = new.rid);
    DELETE FROM notes_cjk WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.rid = new.rid);
    INSERT INTO notes_fts (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (n.rid = new.rid));
    INSERT INTO notes_cjk (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT rid, title || '  ' AS title, text || '  ' AS text, tags || '  ' AS tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (n.rid = new.rid))
    WHERE coalesce(title, '') GLOB '${UNSPACED_GLOB}' OR coalesce(text, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}');
    END;
    -- Soft delete and restore change deleted_at; an edit changes title and text.
    CREATE TRIGGER notes_search_au AFTER UPDATE OF title, text, deleted_at ON notes BEGIN
      
    DELETE FROM notes_fts WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.rid = new.rid);
    DELETE FROM notes_cjk WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.rid = new.rid);
    INSERT INTO notes_fts (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (n.rid = new.rid));
    INSERT INTO notes_cjk (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT rid, title || '  ' AS title, text || '  ' AS text, tags || '  ' AS tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (n.rid = new.rid))
    WHERE coalesce(title, '') GLOB '${UNSPACED_GLOB}' OR coalesce(text, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}');
    END;
    CREATE TRIGGER notes_search_ad AFTER DELETE ON notes BEGIN
      DELETE FROM notes_fts WHERE rowid = old.rid;
      DELETE FROM notes_cjk WHERE rowid = old.rid;
    END;
    -- Tag deletes reach note_tags by ON DELETE CASCADE, which fires these triggers too.
    CREATE TRIGGER note_tags_search_ai AFTER INSERT ON note_tags BEGIN
      
    DELETE FROM notes_fts WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.id = new.note_id);
    DELETE FROM notes_cjk WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.id = new.note_id);
    INSERT INTO notes_fts (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (n.id = new.note_id));
    INSERT INTO notes_cjk (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT rid, title || '  ' AS title, text || '  ' AS text, tags || '  ' AS tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (n.id = new.note_id))
    WHERE coalesce(title, '') GLOB '${UNSPACED_GLOB}' OR coalesce(text, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}');
    END;
    CREATE TRIGGER note_tags_search_ad AFTER DELETE ON note_tags BEGIN
      
    DELETE FROM notes_fts WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.id = old.note_id);
    DELETE FROM notes_cjk WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.id = old.note_id);
    INSERT INTO notes_fts (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (n.id = old.note_id));
    INSERT INTO notes_cjk (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT rid, title || '  ' AS title, text || '  ' AS text, tags || '  ' AS tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (n.id = old.note_id))
    WHERE coalesce(title, '') GLOB '${UNSPACED_GLOB}' OR coalesce(text, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}');
    END;
    CREATE TRIGGER tags_notes_search_au AFTER UPDATE OF name ON tags BEGIN
      
    DELETE FROM notes_fts WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.id IN (SELECT note_id FROM note_tags WHERE tag_id = new.id));
    DELETE FROM notes_cjk WHERE rowid IN (SELECT n.rid FROM notes n WHERE n.id IN (SELECT note_id FROM note_tags WHERE tag_id = new.id));
    INSERT INTO notes_fts (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (n.id IN (SELECT note_id FROM note_tags WHERE tag_id = new.id)));
    INSERT INTO notes_cjk (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT rid, title || '  ' AS title, text || '  ' AS text, tags || '  ' AS tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (n.id IN (SELECT note_id FROM note_tags WHERE tag_id = new.id)))
    WHERE coalesce(title, '') GLOB '${UNSPACED_GLOB}' OR coalesce(text, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}');
    END;
  `;

/** Fills the note indexes from the notes already in the library. */
const BACKFILL = `
    DELETE FROM notes_fts;
    DELETE FROM notes_cjk;
    
    DELETE FROM notes_fts WHERE rowid IN (SELECT n.rid FROM notes n WHERE 1);
    DELETE FROM notes_cjk WHERE rowid IN (SELECT n.rid FROM notes n WHERE 1);
    INSERT INTO notes_fts (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (1));
    INSERT INTO notes_cjk (rowid, title, text, tags) SELECT rid, title, text, tags FROM (SELECT rid, title || '  ' AS title, text || '  ' AS text, tags || '  ' AS tags FROM (SELECT n.rid AS rid, n.title AS title, n.text AS text, coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '') AS tags FROM notes n WHERE n.deleted_at IS NULL AND (1))
    WHERE coalesce(title, '') GLOB '${UNSPACED_GLOB}' OR coalesce(text, '') GLOB '${UNSPACED_GLOB}' OR coalesce(tags, '') GLOB '${UNSPACED_GLOB}');
  `;

export const notesSearch: Migration = {
  version: 5,
  name: 'notes search',
  up(db) {
    db.exec(SCHEMA);
    db.exec(BACKFILL);
  },
};
