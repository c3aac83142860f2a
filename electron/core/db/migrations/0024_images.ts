import type { Migration } from '../migrate';

/**
 * Pictures kept from imported documents (EPUB manifest items, DOCX media, a saved page's data:
 * URLs), named by the sha256 of their bytes like originals, so a picture two books share is kept
 * once and sync can send it as a content-addressed blob. A body's image block names its hash.
 * Only the raster types a browser shows without running anything, and SVG once sanitised.
 */
export const images: Migration = {
  version: 24,
  name: 'images',
  up(db) {
    db.exec(`
      CREATE TABLE images (
        hash        TEXT PRIMARY KEY,            -- sha256 of the bytes, hex
        bytes       BLOB NOT NULL,
        size        INTEGER NOT NULL,
        media_type  TEXT NOT NULL CHECK (media_type IN
                      ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml')),
        created_at  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
