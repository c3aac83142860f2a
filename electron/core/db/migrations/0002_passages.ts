import type { Migration } from '../migrate';
// Frozen with the SQL it ran: the timestamp expression as migration 1 wrote it.
const SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

/**
 * Passages: highlighted ranges of an article's canonical text, anchored by a text position and
 * a text quote (W3C Web Annotation selectors). `start`/`end` keep the last known place even when
 * `orphaned`, as a hint for re-attaching. Deletion is soft (`deleted_at`) so it can be undone and
 * so a future merge sees the tombstone.
 */
export const passages: Migration = {
  version: 2,
  name: 'passages',
  up(db) {
    db.exec(`
      CREATE TABLE passages (
        id          TEXT PRIMARY KEY,
        article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        exact       TEXT NOT NULL,
        prefix      TEXT NOT NULL,
        suffix      TEXT NOT NULL,
        start       INTEGER NOT NULL CHECK (start >= 0),
        "end"       INTEGER NOT NULL CHECK ("end" > start),
        orphaned    INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
        color       TEXT NOT NULL,
        comment     TEXT NOT NULL DEFAULT '',
        deleted_at  TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX passages_by_article ON passages(article_id, start) WHERE deleted_at IS NULL;

      CREATE TABLE passage_tags (
        passage_id  TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        tag_id      TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (passage_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX passage_tags_by_tag ON passage_tags(tag_id);

      CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('passage', new.id, 'insert', ${SQL_NOW});
      END;
      CREATE TRIGGER passages_au AFTER UPDATE ON passages BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('passage', new.id, CASE WHEN new.deleted_at IS NOT NULL AND old.deleted_at IS NULL THEN 'delete' ELSE 'update' END, ${SQL_NOW});
      END;
      CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('passage', old.id, 'delete', ${SQL_NOW});
      END;
      CREATE TRIGGER passage_tags_ai AFTER INSERT ON passage_tags BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('passage_tag', new.passage_id || '/' || new.tag_id, 'insert', ${SQL_NOW});
      END;
      CREATE TRIGGER passage_tags_ad AFTER DELETE ON passage_tags BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('passage_tag', old.passage_id || '/' || old.tag_id, 'delete', ${SQL_NOW});
      END;
    `);
  },
};
