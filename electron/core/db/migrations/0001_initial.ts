import type { Migration } from '../migrate';

/** SQL expression for "now" in the same ISO format as `nowIso()`. */
const SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

/**
 * Articles, their original files, tags, the change log, and the article search index.
 *
 * Every table that can be merged across libraries has a UUIDv7 `id` and created/updated
 * timestamps; the local integer `rid` exists only because FTS5 external content needs a stable
 * integer rowid (an implicit rowid may be renumbered by VACUUM).
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE originals (
        hash        TEXT PRIMARY KEY,            -- sha256 of the bytes, hex
        bytes       BLOB NOT NULL,
        size        INTEGER NOT NULL,
        media_type  TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE articles (
        rid         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL,
        subtitle    TEXT,
        byline      TEXT,
        published   TEXT,
        site_name   TEXT,
        lang        TEXT,
        excerpt     TEXT,
        source      TEXT,                        -- URL or file path it came from
        format      TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
        hash        TEXT NOT NULL REFERENCES originals(hash) ON DELETE RESTRICT,
        text        TEXT NOT NULL,               -- canonical plain text (bodyToText(body))
        body        TEXT NOT NULL CHECK (json_valid(body)),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX articles_by_hash ON articles(hash);
      CREATE INDEX articles_by_source ON articles(source);
      -- The library list: newest first by publication date, import date when there is none.
      CREATE INDEX articles_newest ON articles(coalesce(published, created_at) DESC, id DESC);

      CREATE TABLE tags (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        name_key    TEXT NOT NULL UNIQUE,        -- NFC + case-folded: "Café" and "café" are one tag
        color       TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE article_tags (
        article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag_id      TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (article_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_tags_by_tag ON article_tags(tag_id);

      -- Every insert/update/delete of a mergeable row, in commit order. Deletes are the
      -- tombstones a future merge needs; other processes (CLI beside the app) poll it for events.
      CREATE TABLE changes (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        entity      TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        at          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX changes_by_entity ON changes(entity, entity_id);

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, subtitle, byline, site_name, text,
        content = 'articles', content_rowid = 'rid',
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, subtitle, byline, site_name, text)
          VALUES (new.rid, new.title, new.subtitle, new.byline, new.site_name, new.text);
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('article', new.id, 'insert', ${SQL_NOW});
      END;
      CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, byline, site_name, text)
          VALUES ('delete', old.rid, old.title, old.subtitle, old.byline, old.site_name, old.text);
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('article', old.id, 'delete', ${SQL_NOW});
      END;
      CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, byline, site_name, text)
          VALUES ('delete', old.rid, old.title, old.subtitle, old.byline, old.site_name, old.text);
        INSERT INTO articles_fts(rowid, title, subtitle, byline, site_name, text)
          VALUES (new.rid, new.title, new.subtitle, new.byline, new.site_name, new.text);
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('article', new.id, 'update', ${SQL_NOW});
      END;

      CREATE TRIGGER tags_ai AFTER INSERT ON tags BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('tag', new.id, 'insert', ${SQL_NOW});
      END;
      CREATE TRIGGER tags_au AFTER UPDATE ON tags BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('tag', new.id, 'update', ${SQL_NOW});
      END;
      CREATE TRIGGER tags_ad AFTER DELETE ON tags BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('tag', old.id, 'delete', ${SQL_NOW});
      END;

      CREATE TRIGGER article_tags_ai AFTER INSERT ON article_tags BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('article_tag', new.article_id || '/' || new.tag_id, 'insert', ${SQL_NOW});
      END;
      CREATE TRIGGER article_tags_ad AFTER DELETE ON article_tags BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('article_tag', old.article_id || '/' || old.tag_id, 'delete', ${SQL_NOW});
      END;
    `);
  },
};
