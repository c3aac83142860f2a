import type { Migration } from '../migrate';

/**
 * Field versions stored per row instead of per field (core/sync/versions.ts): `sync_versions` held
 * one row per synced row and field (entity, id, field, clock reading, sha256 hex: ~170 bytes, eight
 * for a passage); `sync_row_versions` holds one per synced row, its fields encoded together as
 * `{"h": [distinct readings, in order], "f": {field: [index into h, hash]}}`. Hashes keep their
 * first 16 hex digits (64 bits: enough to tell a local edit from the value a version set); readings
 * are kept exactly, so every merge decision is the same after the upgrade.
 */
export const rowVersions: Migration = {
  version: 26,
  name: 'row_versions',
  up(db) {
    db.exec(`
      CREATE TABLE sync_row_versions (
        entity     TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        versions   TEXT NOT NULL CHECK (json_valid(versions)),
        PRIMARY KEY (entity, entity_id)
      ) STRICT, WITHOUT ROWID;

      -- Each row's distinct readings in order (h); each field with its reading's place in h.
      INSERT INTO sync_row_versions (entity, entity_id, versions)
      SELECT entity, entity_id,
             json_object('h', json_group_array(DISTINCT hlc ORDER BY hlc),
                         'f', json_group_object(field, json_array(i, substr(hash, 1, 16))))
      FROM (SELECT entity, entity_id, field, hlc, hash,
                   dense_rank() OVER (PARTITION BY entity, entity_id ORDER BY hlc) - 1 AS i
            FROM sync_versions)
      GROUP BY entity, entity_id;

      DROP TABLE sync_versions;
    `);
  },
};
