import type { Database } from 'better-sqlite3';
import { UNSPACED_GLOB } from '../../search/scripts';
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

const PAD = "'  '";
const HAS_UNSPACED = (col: string) => `coalesce(${col}, '') GLOB '${UNSPACED_GLOB}'`;
const NOTE_TAG_NAMES = `coalesce((SELECT group_concat(t.name, ' ; ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')`;

/** The rows the note indexes should hold: live notes with their tag names. */
export const EXPECTED_NOTE_ROWS = `SELECT n.rid AS rid, n.title AS title, n.text AS text, ${NOTE_TAG_NAMES} AS tags FROM notes n WHERE n.deleted_at IS NULL`;

/** The trigram index's rows for `rows` (columns rid, title, text, tags): padded, unspaced-script ones only. */
export function noteCjkRows(rows: string): string {
  return `SELECT rid, title || ${PAD} AS title, text || ${PAD} AS text, tags || ${PAD} AS tags FROM (${rows})
    WHERE ${HAS_UNSPACED('title')} OR ${HAS_UNSPACED('text')} OR ${HAS_UNSPACED('tags')}`;
}

/**
 * Re-derives the index rows of the notes selected by `which` (an SQL condition on `n`): removes
 * them, then inserts the live ones. Used by every note trigger and by the rebuild.
 */
export function refreshNotesSql(which: string): string {
  const rids = `SELECT n.rid FROM notes n WHERE ${which}`;
  const rows = `${EXPECTED_NOTE_ROWS} AND (${which})`;
  return `
    DELETE FROM notes_fts WHERE rowid IN (${rids});
    DELETE FROM notes_cjk WHERE rowid IN (${rids});
    INSERT INTO notes_fts (rowid, title, text, tags) SELECT rid, title, text, tags FROM (${rows});
    INSERT INTO notes_cjk (rowid, title, text, tags) SELECT rid, title, text, tags FROM (${noteCjkRows(rows)});`;
}

export function createNotesSearchSchema(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE notes_fts USING fts5(title, text, tags, tokenize = 'unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE notes_cjk USING fts5(title, text, tags, tokenize = 'trigram case_sensitive 0 remove_diacritics 1');
    CREATE VIRTUAL TABLE notes_cjk_vocab USING fts5vocab(notes_cjk, 'row');

    CREATE TRIGGER notes_search_ai AFTER INSERT ON notes BEGIN
      ${refreshNotesSql('n.rid = new.rid')}
    END;
    -- Soft delete and restore change deleted_at; an edit changes title and text.
    CREATE TRIGGER notes_search_au AFTER UPDATE OF title, text, deleted_at ON notes BEGIN
      ${refreshNotesSql('n.rid = new.rid')}
    END;
    CREATE TRIGGER notes_search_ad AFTER DELETE ON notes BEGIN
      DELETE FROM notes_fts WHERE rowid = old.rid;
      DELETE FROM notes_cjk WHERE rowid = old.rid;
    END;
    -- Tag deletes reach note_tags by ON DELETE CASCADE, which fires these triggers too.
    CREATE TRIGGER note_tags_search_ai AFTER INSERT ON note_tags BEGIN
      ${refreshNotesSql('n.id = new.note_id')}
    END;
    CREATE TRIGGER note_tags_search_ad AFTER DELETE ON note_tags BEGIN
      ${refreshNotesSql('n.id = old.note_id')}
    END;
    CREATE TRIGGER tags_notes_search_au AFTER UPDATE OF name ON tags BEGIN
      ${refreshNotesSql('n.id IN (SELECT note_id FROM note_tags WHERE tag_id = new.id)')}
    END;
  `);
}

/** Fills the note indexes from the notes already in the library (also the repair rebuild). */
export function backfillNotesSearch(db: Database): void {
  db.exec(`
    DELETE FROM notes_fts;
    DELETE FROM notes_cjk;
    ${refreshNotesSql('1')}
  `);
}

export const notesSearch: Migration = {
  version: 5,
  name: 'notes search',
  up(db) {
    createNotesSearchSchema(db);
    backfillNotesSearch(db);
  },
};
