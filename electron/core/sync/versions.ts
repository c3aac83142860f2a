/**
 * Field versions (`sync_row_versions`, migration 26): for each synced row, which clock reading set
 * each field and to what (a hash). One row per entity, not one per field: a passage's eight fields
 * are one write of ~350 bytes instead of eight of ~170 each (a fifth of applying a change was that
 * upsert). The encoding (`{"h": [readings], "f": {field: [reading index, hash]}}`) names each
 * distinct reading once: a row made or changed in one op shares one.
 */
import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import type { SyncEntity } from '../../model/sync';

export interface Version {
  hlc: string;
  hash: string;
}

/** A row's versions by field (what `versionsOf` reads and `saveVersions` writes). */
export type Versions = Map<string, Version>;

/** The tombstone field of a row that was deleted for good. */
export const DELETED = '_del';

/**
 * Rows deleted for good whose deletion an unseen edit undoes (README: "an edit racing a delete"):
 * the device holding the edit sends the row whole again, with its members, and it comes back.
 */
export const RESTORABLE: ReadonlySet<SyncEntity> = new Set(['tag', 'link', 'collection']);

/** How a row's versions are stored (the migration that made the table writes the same). */
interface Encoded {
  /** Each distinct clock reading once. */
  h: string[];
  /** Field → [index of its reading in h, hash]. */
  f: Record<string, [number, string]>;
}

export function encodeVersions(versions: Versions): string {
  // Written out by hand: building the object to stringify cost more than the insert.
  const h: string[] = [];
  let f = '';
  for (const [field, v] of versions) {
    let i = h.indexOf(v.hlc);
    if (i < 0) i = h.push(v.hlc) - 1;
    f += `${f && ','}${JSON.stringify(field)}:[${i},${JSON.stringify(v.hash)}]`;
  }
  return `{"h":${JSON.stringify(h)},"f":{${f}}}`;
}

export function decodeVersions(text: string): Versions {
  const { h, f } = JSON.parse(text) as Encoded;
  const out: Versions = new Map();
  for (const field in f) {
    const [i, hash] = f[field]!;
    out.set(field, { hlc: h[i]!, hash });
  }
  return out;
}

export function versionsOf(db: Database, e: SyncEntity, id: string): Versions {
  const text = cachedStatement<[string, string], string>(
    db,
    'SELECT versions FROM sync_row_versions WHERE entity = ? AND entity_id = ?',
  )
    .pluck()
    .get(e, id);
  return text === undefined ? new Map() : decodeVersions(text);
}

/** Writes a row's versions whole (those read with `versionsOf`, changed); none left: no row. */
export function saveVersions(db: Database, e: SyncEntity, id: string, versions: Versions): void {
  if (!versions.size) {
    cachedStatement(db, 'DELETE FROM sync_row_versions WHERE entity = ? AND entity_id = ?').run(
      e,
      id,
    );
    return;
  }
  cachedStatement(
    db,
    `INSERT INTO sync_row_versions (entity, entity_id, versions) VALUES (?, ?, ?)
     ON CONFLICT (entity, entity_id) DO UPDATE SET versions = excluded.versions`,
  ).run(e, id, encodeVersions(versions));
}

/** Sets some fields of one row (read, changed, written back). */
export function setVersions(
  db: Database,
  e: SyncEntity,
  id: string,
  fields: readonly (readonly [string, Version])[],
): void {
  if (!fields.length) return;
  const versions = versionsOf(db, e, id);
  for (const [f, v] of fields) versions.set(f, v);
  saveVersions(db, e, id, versions);
}

export function setVersion(
  db: Database,
  e: SyncEntity,
  id: string,
  field: string,
  v: Version,
): void {
  setVersions(db, e, id, [[field, v]]);
}

/** Whether the row was deleted for good here (its tombstone). */
export function isTombstoned(db: Database, e: string, id: string): boolean {
  return (
    cachedStatement(
      db,
      "SELECT 1 FROM sync_row_versions WHERE entity = ? AND entity_id = ? AND json_type(versions, '$.f._del') IS NOT NULL",
    ).get(e, id) !== undefined
  );
}

/** Every row that has versions here. */
export function versionedRows(db: Database): { entity: string; entity_id: string }[] {
  return cachedStatement<[], { entity: string; entity_id: string }>(
    db,
    'SELECT entity, entity_id FROM sync_row_versions',
  ).all();
}
