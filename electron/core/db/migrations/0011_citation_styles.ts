import type { Migration } from '../migrate';

/**
 * CSL styles the user added (`.csl` files), kept whole in the library so its exports and citations
 * travel with it. `csl_id` is the style's own `<id>` (a URI), unique so the same style is never
 * added twice; `parent` names the bundled style a dependent style borrows its layout from (the
 * dependent file keeps only its title, locale and link). Checked when added, never edited.
 */
export const citationStyles: Migration = {
  version: 11,
  name: 'citation_styles',
  up(db) {
    db.exec(`
      CREATE TABLE citation_styles (
        id          TEXT PRIMARY KEY,
        csl_id      TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        xml         TEXT NOT NULL CHECK (octet_length(xml) <= 1048576),
        parent      TEXT CHECK (parent IN ('apa', 'chicago', 'chicago-note', 'mla')),
        created_at  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
