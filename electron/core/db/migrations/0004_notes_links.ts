import type { Migration } from '../migrate';
// Frozen with the SQL it ran: the timestamp expression as migration 1 wrote it.
const SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

const KINDS = ['article', 'passage', 'note'] as const;
const TABLE = { article: 'articles', passage: 'passages', note: 'notes' } as const;
const endColumns = (end: 'from' | 'to') => KINDS.map((k) => `${end}_${k}`);
/** How many of one end's columns are set (the CHECK wants exactly one). */
const setCount = (end: 'from' | 'to') =>
  endColumns(end)
    .map((c) => `(${c} IS NOT NULL)`)
    .join(' + ');
/** The id at one end, whichever kind it is (UUIDv7 ids never repeat across tables). */
export const linkEndKey = (end: 'from' | 'to', row = '') =>
  `coalesce(${endColumns(end)
    .map((c) => `${row}${c}`)
    .join(', ')})`;

/**
 * Notes, their tags, and links between articles, passages and notes.
 *
 * - `notes.doc` is Lexical's serialized editor state; `text` is its plain text (blocks separated
 *   by blank lines), `excerpt` its first words and `word_count` its word count, all derived on
 *   save, so search and lists never parse the document. `rid` is the stable integer rowid a future FTS index needs.
 * - `links` has one nullable foreign-key column per kind and end, so SQLite itself enforces that
 *   both ends exist and defines what a delete does:
 *   - a passage or note delete is SOFT (`deleted_at`, undoable): its rows stay, so its links
 *     stay too; lists show that end as deleted and undo brings everything back;
 *   - a hard delete (an article removed, cascading to its passages; a purge) removes the links
 *     by `ON DELETE CASCADE`. Notes never break either way: a passage-quote node keeps its last text.
 * - `origin`: `link` is made by hand; `mention`/`quote` are derived from a note's document on every
 *   save (relation `mentions`/`quotes`). The unique index refuses the same (from, to, relation) twice.
 * - One index per foreign-key column: every backlink lookup is index-driven and a cascading delete
 *   never scans the table. `article_titles_tri` (trigrams of titles) and `articles_by_title` serve
 *   link suggestions without reading whole articles.
 */
export const notesLinks: Migration = {
  version: 4,
  name: 'notes and links',
  up(db) {
    const fkColumns = (end: 'from' | 'to') =>
      KINDS.map((k) => `${end}_${k} TEXT REFERENCES ${TABLE[k]}(id) ON DELETE CASCADE`).join(
        ',\n        ',
      );
    const fkIndexes = [...endColumns('from'), ...endColumns('to')]
      .map((c) => `CREATE INDEX links_by_${c} ON links(${c}) WHERE ${c} IS NOT NULL;`)
      .join('\n      ');
    db.exec(`
      -- Big columns last: SQLite reaches a column by walking the overflow pages of every column
      -- before it, so lists (title, excerpt) never touch a 5 MB document.
      CREATE TABLE notes (
        rid         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL,
        excerpt     TEXT NOT NULL DEFAULT '',
        word_count  INTEGER NOT NULL DEFAULT 0 CHECK (word_count >= 0),
        deleted_at  TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        text        TEXT NOT NULL,
        doc         TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE INDEX notes_by_updated ON notes(updated_at DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX notes_by_created ON notes(created_at DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX notes_by_title ON notes(title COLLATE NOCASE, id) WHERE deleted_at IS NULL;

      -- links.suggest: substrings of titles through a trigram index (case and diacritics folded),
      -- and a bounded subsequence scan through a covering title index, never the article rows.
      CREATE INDEX articles_by_title ON articles(title, id);
      CREATE VIRTUAL TABLE article_titles_tri USING fts5(
        title, content = 'articles', content_rowid = 'rid',
        tokenize = 'trigram case_sensitive 0 remove_diacritics 1'
      );
      INSERT INTO article_titles_tri (article_titles_tri) VALUES ('rebuild');
      CREATE TRIGGER article_titles_tri_ai AFTER INSERT ON articles BEGIN
        INSERT INTO article_titles_tri (rowid, title) VALUES (new.rid, new.title);
      END;
      CREATE TRIGGER article_titles_tri_ad AFTER DELETE ON articles BEGIN
        INSERT INTO article_titles_tri (article_titles_tri, rowid, title) VALUES ('delete', old.rid, old.title);
      END;
      CREATE TRIGGER article_titles_tri_au AFTER UPDATE OF title ON articles BEGIN
        INSERT INTO article_titles_tri (article_titles_tri, rowid, title) VALUES ('delete', old.rid, old.title);
        INSERT INTO article_titles_tri (rowid, title) VALUES (new.rid, new.title);
      END;

      CREATE TABLE note_tags (
        note_id     TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        tag_id      TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (note_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX note_tags_by_tag ON note_tags(tag_id);

      CREATE TABLE links (
        id          TEXT PRIMARY KEY,
        ${fkColumns('from')},
        ${fkColumns('to')},
        relation    TEXT NOT NULL CHECK (length(relation) BETWEEN 1 AND 60),
        origin      TEXT NOT NULL CHECK (origin IN ('link', 'mention', 'quote')),
        created_at  TEXT NOT NULL,
        CHECK (${setCount('from')} = 1),
        CHECK (${setCount('to')} = 1),
        CHECK (${linkEndKey('from')} <> ${linkEndKey('to')})
      ) STRICT;
      CREATE UNIQUE INDEX links_unique ON links(${linkEndKey('from')}, ${linkEndKey('to')}, relation);
      ${fkIndexes}

      CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('note', new.id, 'insert', ${SQL_NOW});
      END;
      CREATE TRIGGER notes_au AFTER UPDATE ON notes BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('note', new.id, CASE WHEN new.deleted_at IS NOT NULL AND old.deleted_at IS NULL THEN 'delete' ELSE 'update' END, ${SQL_NOW});
      END;
      CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('note', old.id, 'delete', ${SQL_NOW});
      END;
      CREATE TRIGGER note_tags_ai AFTER INSERT ON note_tags BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('note_tag', new.note_id || '/' || new.tag_id, 'insert', ${SQL_NOW});
      END;
      CREATE TRIGGER note_tags_ad AFTER DELETE ON note_tags BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('note_tag', old.note_id || '/' || old.tag_id, 'delete', ${SQL_NOW});
      END;
      CREATE TRIGGER links_ai AFTER INSERT ON links BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('link', new.id, 'insert', ${SQL_NOW});
      END;
      CREATE TRIGGER links_au AFTER UPDATE ON links BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('link', new.id, 'update', ${SQL_NOW});
      END;
      CREATE TRIGGER links_ad AFTER DELETE ON links BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('link', old.id, 'delete', ${SQL_NOW});
      END;
    `);
  },
};
