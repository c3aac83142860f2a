import type { Migration } from '../migrate';

/**
 * A document's own table of contents (an EPUB's navigation, a PDF's outline), kept at import:
 * JSON [{level, title, start}], each start an offset in the canonical text like `pages`. Null
 * when the document has none; the reader then lists the body's headings.
 */
export const contents: Migration = {
  version: 27,
  name: 'contents',
  up(db) {
    db.exec(
      'ALTER TABLE articles ADD COLUMN contents TEXT CHECK (contents IS NULL OR json_valid(contents))',
    );
  },
};
