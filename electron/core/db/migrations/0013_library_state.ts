import type { Migration } from '../migrate';

// Frozen copy (a migration never imports live code).
const SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

/**
 * Managing the library: trash, read state, collections, and the list's sort orders.
 *
 * - `article_state` holds what the user does to an article (not what it says), one narrow row
 *   per article that has any: `deleted_at` (in the trash, restorable; a soft delete like a
 *   passage's), `read_at` (read; null again when marked unread) and `last_read_at` (last opened,
 *   for the "last read" sort). A table of its own rather than columns of `articles`: a column
 *   added there comes after the article's text and body, and reading it walks their overflow
 *   pages; and writing it would re-index the article's text (the FTS triggers fire on any update).
 *   Trashing is reported as the article's `delete` in the change log, restoring as its `update`,
 *   so a sync sees a tombstone; other state changes are the article's `update`.
 * - `collections` (named like tags: `name_key` NFC + case-folded) and `collection_articles`: an
 *   article in any number of them. Both log their changes (`collection`, `collection_article`).
 * - Sort indexes over `articles` for each order the list offers, so a page of any size is read
 *   from an index without a sort; items without a date or an author come last in both directions
 *   (hence one index per direction for those).
 */
export const libraryState: Migration = {
  version: 13,
  name: 'library_state',
  up(db) {
    db.exec(`
      CREATE TABLE article_state (
        article_id    TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        deleted_at    TEXT,
        read_at       TEXT,
        last_read_at  TEXT,
        updated_at    TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_state_trashed ON article_state(deleted_at DESC, article_id) WHERE deleted_at IS NOT NULL;
      CREATE INDEX article_state_by_last_read ON article_state(last_read_at, article_id) WHERE last_read_at IS NOT NULL;

      CREATE TRIGGER article_state_ai AFTER INSERT ON article_state BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('article', new.article_id, CASE WHEN new.deleted_at IS NOT NULL THEN 'delete' ELSE 'update' END, ${SQL_NOW});
      END;
      CREATE TRIGGER article_state_au AFTER UPDATE ON article_state BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('article', new.article_id, CASE WHEN new.deleted_at IS NOT NULL AND old.deleted_at IS NULL THEN 'delete' ELSE 'update' END, ${SQL_NOW});
      END;

      CREATE TABLE collections (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        name_key    TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE TABLE collection_articles (
        collection_id  TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        created_at     TEXT NOT NULL,
        PRIMARY KEY (collection_id, article_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX collection_articles_by_article ON collection_articles(article_id);

      CREATE TRIGGER collections_ai AFTER INSERT ON collections BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('collection', new.id, 'insert', ${SQL_NOW});
      END;
      CREATE TRIGGER collections_au AFTER UPDATE ON collections BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('collection', new.id, 'update', ${SQL_NOW});
      END;
      CREATE TRIGGER collections_ad AFTER DELETE ON collections BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('collection', old.id, 'delete', ${SQL_NOW});
      END;
      CREATE TRIGGER collection_articles_ai AFTER INSERT ON collection_articles BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('collection_article', new.collection_id || '/' || new.article_id, 'insert', ${SQL_NOW});
      END;
      CREATE TRIGGER collection_articles_ad AFTER DELETE ON collection_articles BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('collection_article', old.collection_id || '/' || old.article_id, 'delete', ${SQL_NOW});
      END;

      CREATE INDEX articles_by_added ON articles(created_at, id);
      CREATE INDEX articles_by_title_nocase ON articles(title COLLATE NOCASE, id);
      CREATE INDEX articles_by_published_asc ON articles(published IS NULL, published, id);
      CREATE INDEX articles_by_published_desc ON articles(published IS NULL, published DESC, id DESC);
      CREATE INDEX articles_by_author_asc ON articles(byline IS NULL, byline COLLATE NOCASE, id);
      CREATE INDEX articles_by_author_desc ON articles(byline IS NULL, byline COLLATE NOCASE DESC, id DESC);
    `);
  },
};
