import type { Migration } from '../migrate';

/**
 * A text original may be kept as a delta against its article's text (core/articles/originalDelta.ts):
 * `originals.delta` = 1 says its bytes (after `encoding`) are that delta, to be applied to the
 * text of the article with the same hash (unique per article). The file is still checked against
 * its sha256 on every read.
 *
 * The text a delta needs must outlive it: when an article's text or hash changes, or the article
 * is deleted, its original is first written whole again (compressed) by
 * `commonplace_original_whole(hash, bytes, size, encoding, text)`, registered on every connection
 * (originalStore.ts), which refuses, naming the original, when the bytes no longer match their hash.
 * Existing originals are left as they are (compressed); `storeOriginalAgainstText` converts one.
 */
/* Frozen history: the SQL below is exactly what this migration runs. */
const SQL = `
    ALTER TABLE originals ADD COLUMN delta INTEGER NOT NULL DEFAULT 0 CHECK (delta IN (0, 1));
    CREATE TRIGGER originals_delta_au AFTER UPDATE OF text, hash ON articles
      WHEN old.text IS NOT new.text OR old.hash IS NOT new.hash BEGIN
      UPDATE originals SET bytes = commonplace_original_whole(hash, bytes, size, encoding, old.text), encoding = 'zlib', delta = 0
        WHERE hash = old.hash AND delta = 1;
    END;
    CREATE TRIGGER originals_delta_ad AFTER DELETE ON articles BEGIN
      UPDATE originals SET bytes = commonplace_original_whole(hash, bytes, size, encoding, old.text), encoding = 'zlib', delta = 0
        WHERE hash = old.hash AND delta = 1;
    END;
  `;

export const originalDeltas: Migration = {
  version: 17,
  name: 'original_deltas',
  up(db) {
    db.exec(SQL);
  },
};
