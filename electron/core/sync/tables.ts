/**
 * The tables sync owns (migration 12): this device's place in a sync folder, not the library's
 * contents. A full-library export leaves them out — a restored library is a new device (its
 * identity must never be copied, or two devices would write one log) and rebuilds the rest by
 * joining the folder again. `tables.test.ts` holds this list to the schema's `sync_` tables.
 */
export const SYNC_TABLES = [
  'sync_identity',
  'sync_versions',
  'sync_outbox',
  'sync_applied',
  'sync_parked',
  'sync_notes',
  'sync_revisions',
] as const;
