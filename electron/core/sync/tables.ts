/**
 * The tables sync owns (migration 12): this device's place in a sync folder, not the library's
 * contents. A full-library export leaves them out — a restored library is a new device (its
 * identity must never be copied, or two devices would write one log) and rebuilds the rest by
 * joining the folder again. `tables.test.ts` holds this list to the schema's `sync_` tables.
 */
export const SYNC_TABLES = [
  'sync_identity',
  'sync_row_versions',
  'sync_outbox',
  'sync_applied',
  'sync_parked',
  'sync_notes',
  'sync_revisions',
  'sync_merged',
] as const;

/**
 * Every table of a library, classified: what sync carries (and as which entity) and what stays on
 * this device (and why). tables.test.ts fails for a table in neither list, so a new table is a
 * decision, not an accident. core/sync/README.md lists the same.
 *
 * Tables whose rows travel, with the sync entity (or field) that carries them. */
export const SYNCED_TABLES: Readonly<Record<string, string>> = {
  articles: 'article (metadata columns field by field; text, body and pages as one field)',
  originals: "article's original field + a content-addressed blob",
  images: "the images its article's body names (content field) as content-addressed blobs",
  article_meta: "article's meta field (citation metadata)",
  article_state: "article's trashed / read / last_read / reading / state_updated fields",
  tags: 'tag',
  article_tags: 'article_tag (per member)',
  passages: 'passage',
  passage_tags: 'passage_tag (per member)',
  notes: 'note (title, deleted_at; the body merged through Yjs, text and excerpt derived from it)',
  note_tags: 'note_tag (per member)',
  links:
    "link (manual links; mentions and quotes are derived from each note's body on every device)",
  collections: 'collection',
  collection_articles: 'collection_article (per member)',
  citation_styles: 'citation_style (whole: a style is never edited)',
};

/** Tables that stay on this device, and why. */
export const LOCAL_TABLES: Readonly<Record<string, string>> = {
  changes: "this library's own change log (events for open windows; what capture reads)",
  passage_search_ids: "the search index's integer ids for passages (derived, per file)",
  article_order: "the library's title and author order keys (derived from each article row)",
  trash_actions:
    "which trash action put each article in the trash: this device's Undo (another device's trash is not undone here)",
  sync_identity:
    'this device: its id, name, fingerprint, clock and cursor (a copy is a new device)',
  sync_row_versions:
    'the clock and hash of each field of each row as this device last set or applied it',
  sync_outbox: 'changes taken from the log, not yet written to a segment',
  sync_applied: 'which segments of other devices were applied here',
  sync_parked: 'changes waiting for what they refer to',
  sync_notes: "each note body's merge state (rebuilt from the updates every device sends)",
  sync_revisions: 'article texts that lost a merge, kept on the device that had them',
  sync_merged: 'article ids merged into another here (the same file imported on two devices)',
};

/**
 * Search indexes (FTS5 tables and their shadow tables, vocabularies): derived on every device by
 * triggers from the synced rows, so they are compared (convergence.test.ts) but never sent.
 */
export const isDerivedIndex = (table: string): boolean =>
  /_(fts|cjk|grams|tri)(_vocab)?(_data|_idx|_content|_docsize|_config)?$/.test(table) ||
  /_(fts|cjk|grams)_vocab$/.test(table);
