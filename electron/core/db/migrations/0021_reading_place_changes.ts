import type { Migration } from '../migrate';

// Frozen copy (a migration never imports live code).
const SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

/**
 * A reading-place save is its own change (`reading_place`, the article's id), not the article's:
 * the reader saves a place after every pause in scrolling, and as an `article` change each save
 * made every window refetch its article list, collections, tags and links. Any other change to
 * `article_state` (trash, read state) stays an `article` change, as migration 13 logged it.
 */
export const readingPlaceChanges: Migration = {
  version: 21,
  name: 'reading_place_changes',
  up(db) {
    db.exec(`
      DROP TRIGGER article_state_ai;
      DROP TRIGGER article_state_au;
      CREATE TRIGGER article_state_ai AFTER INSERT ON article_state BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES (
            CASE WHEN new.deleted_at IS NULL AND new.read_at IS NULL AND new.last_read_at IS NULL
                  AND new.reading_offset IS NOT NULL THEN 'reading_place' ELSE 'article' END,
            new.article_id,
            CASE WHEN new.deleted_at IS NOT NULL THEN 'delete' ELSE 'update' END,
            ${SQL_NOW});
      END;
      CREATE TRIGGER article_state_au AFTER UPDATE ON article_state BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES (
            CASE WHEN old.deleted_at IS new.deleted_at AND old.read_at IS new.read_at
                  AND old.last_read_at IS new.last_read_at
                  AND old.reading_offset IS NOT new.reading_offset THEN 'reading_place' ELSE 'article' END,
            new.article_id,
            CASE WHEN new.deleted_at IS NOT NULL AND old.deleted_at IS NULL THEN 'delete' ELSE 'update' END,
            ${SQL_NOW});
      END;
    `);
  },
};
