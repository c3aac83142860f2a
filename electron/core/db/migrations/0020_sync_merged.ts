import type { Migration } from '../migrate';

/**
 * Articles merged by sync (core/sync/README.md): the same file imported on two devices offline
 * becomes one article, the one with the smaller id. `sync_merged` remembers each id that went
 * into another, so a change that still names it (a passage made on it, a tag put on it) lands
 * on the article it became. Device-local, like the other sync tables: every device records the
 * merges it sees.
 */
export const syncMerged: Migration = {
  version: 20,
  name: 'sync_merged',
  up(db) {
    db.exec(`
      CREATE TABLE sync_merged (
        entity   TEXT NOT NULL,
        id       TEXT NOT NULL,
        into_id  TEXT NOT NULL,
        PRIMARY KEY (entity, id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
