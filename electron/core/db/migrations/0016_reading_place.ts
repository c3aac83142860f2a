import type { Migration } from '../migrate';

/**
 * Where the reader was in each article: `article_state.reading_offset`, a character offset into
 * the article's canonical text (the start of the text at the top of the screen), so the place
 * survives restarts, other window sizes and fonts, and the page view, and travels with a sync.
 * Null: never scrolled (the top). A write is the article's `update` in the change log, like the
 * other state columns (article_state's update trigger).
 */
export const readingPlace: Migration = {
  version: 16,
  name: 'reading_place',
  up(db) {
    db.exec(`
      ALTER TABLE article_state ADD COLUMN reading_offset INTEGER CHECK (reading_offset >= 0);
    `);
  },
};
