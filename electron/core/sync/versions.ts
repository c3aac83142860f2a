/** Per-field versions (`sync_versions`): which clock reading set each field, and to what (a hash). */
import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import type { SyncEntity } from '../../model/sync';

export interface Version {
  hlc: string;
  hash: string;
}

/** The tombstone field of a row that was deleted for good. */
export const DELETED = '_del';

/**
 * Rows deleted for good whose deletion an unseen edit undoes (README: "an edit racing a delete"):
 * the device holding the edit sends the row whole again, with its members, and it comes back.
 */
export const RESTORABLE: ReadonlySet<SyncEntity> = new Set(['tag', 'link', 'collection']);

export function versionsOf(db: Database, e: SyncEntity, id: string): Map<string, Version> {
  const rows = cachedStatement<[string, string], { field: string; hlc: string; hash: string }>(
    db,
    'SELECT field, hlc, hash FROM sync_versions WHERE entity = ? AND entity_id = ?',
  ).all(e, id);
  return new Map(rows.map((r) => [r.field, { hlc: r.hlc, hash: r.hash }]));
}

export function setVersion(
  db: Database,
  e: SyncEntity,
  id: string,
  field: string,
  v: Version,
): void {
  cachedStatement(
    db,
    `INSERT INTO sync_versions (entity, entity_id, field, hlc, hash) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc, hash = excluded.hash`,
  ).run(e, id, field, v.hlc, v.hash);
}

/** The upsert of `count` fields of one row, by count (a passage has 8: one statement, not 8). */
const upserts = new Map<number, string>();

/** Sets several fields of one row at once (a row created by an op sets every field). */
export function setVersions(
  db: Database,
  e: SyncEntity,
  id: string,
  fields: readonly (readonly [string, Version])[],
): void {
  if (!fields.length) return;
  let sql = upserts.get(fields.length);
  if (!sql) {
    sql = `INSERT INTO sync_versions (entity, entity_id, field, hlc, hash) VALUES ${Array(fields.length).fill('(?, ?, ?, ?, ?)').join(', ')}
     ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc, hash = excluded.hash`;
    upserts.set(fields.length, sql);
  }
  cachedStatement(db, sql).run(fields.flatMap(([f, v]) => [e, id, f, v.hlc, v.hash]));
}
