import type { Migration } from '../migrate';

/**
 * Sync through a folder (core/sync/README.md). The change log stays the source of what changed
 * locally; these tables give each change what a merge needs:
 *
 * - `sync_versions`: per-field versions. For every synced row and field (or field group), the
 *   hybrid logical clock reading of the write that set it and a hash of the value it set. A local
 *   edit is a field whose value no longer matches its hash; a remote change wins a field when its
 *   reading is later. Tombstones are the `_del` field of a row that is gone.
 * - `sync_identity`: this library's id, this device's id, name and machine fingerprint, the
 *   folder, the clock's last reading, how far into `changes` outgoing changes were taken
 *   (`cursor`) and the next segment number. Device-local: a copy of the file elsewhere gets a
 *   new device id.
 * - `sync_outbox`: changes taken from the log, not yet written to a segment.
 * - `sync_applied`: which segments of other devices were applied (device-local).
 * - `sync_parked`: changes that arrived before what they depend on (device-local).
 * - `sync_notes`: each note body's merge state (a Yjs document of its blocks).
 * - `sync_revisions`: an article text that lost a merge, kept (device-local).
 */
export const sync: Migration = {
  version: 12,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_identity (
        k             INTEGER PRIMARY KEY CHECK (k = 1),
        library_id    TEXT NOT NULL,
        device_id     TEXT NOT NULL,
        device_name   TEXT NOT NULL,
        fingerprint   TEXT NOT NULL,
        folder        TEXT NOT NULL,
        hlc           TEXT,
        cursor        INTEGER NOT NULL DEFAULT 0,
        next_segment  INTEGER NOT NULL DEFAULT 1,
        last_sync_at  TEXT,
        problems      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(problems))
      ) STRICT;

      CREATE TABLE sync_versions (
        entity      TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        field       TEXT NOT NULL,
        hlc         TEXT NOT NULL,
        hash        TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, field)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_outbox (
        seq   INTEGER PRIMARY KEY AUTOINCREMENT,
        op    TEXT NOT NULL CHECK (json_valid(op))
      ) STRICT;

      CREATE TABLE sync_applied (
        device_id   TEXT NOT NULL,
        n           INTEGER NOT NULL,
        applied_at  TEXT NOT NULL,
        PRIMARY KEY (device_id, n)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_parked (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        op         TEXT NOT NULL CHECK (json_valid(op)),
        reason     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sync_notes (
        note_id  TEXT PRIMARY KEY,
        state    BLOB NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_revisions (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id  TEXT NOT NULL,
        hlc         TEXT NOT NULL,
        content     TEXT NOT NULL CHECK (json_valid(content)),
        kept_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_revisions_by_article ON sync_revisions(article_id);
    `);
  },
};
