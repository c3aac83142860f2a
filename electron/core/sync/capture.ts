/**
 * Outgoing changes. The change log says which rows changed since the last capture (`cursor`);
 * each such row's fields are compared with the versions last sent or applied, and the fields that
 * differ get a new clock reading and go to the outbox as one op. Changes that applying remote
 * segments made are never sent back: their fields already match their versions.
 */
import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import { SYNC_ENTITIES, SyncEntitySchema, type SyncEntity, type SyncOp } from '../../model/sync';
import type { HybridClock } from './hlc';
import type { Identity } from './identity';
import { mergedInto } from './merge';
import { recordLocalBody } from './noteBodies';
import {
  fieldJson,
  hashJson,
  isMembership,
  MEMBERSHIPS,
  NOTE_BODY,
  ROWS,
  sameValue,
  snapshot,
  splitMemberId,
  type Value,
} from './rows';
import { DELETED, RESTORABLE, saveVersions, versionedRows, versionsOf } from './versions';

const exists = (db: Database, table: string, id: string) =>
  cachedStatement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;

/** A row gone because what it belonged to went: its own tombstone would say nothing new. */
function goneWithParent(db: Database, e: SyncEntity, id: string): boolean {
  if (isMembership(e)) {
    const m = MEMBERSHIPS[e];
    const [owner, member] = splitMemberId(id);
    return (
      !exists(db, ROWS[m.ownerKind].table, owner) || !exists(db, ROWS[m.memberKind].table, member)
    );
  }
  return false;
}

/** An op to go out: its entity (the order ops go out in) and its JSON. */
interface Taken {
  e: SyncEntity;
  text: string;
}

const deletion = (op: SyncOp): Taken => ({ e: op.e, text: JSON.stringify(op) });

/** The op for one row's local changes, or null; records the new versions. */
function diffRow(
  db: Database,
  e: SyncEntity,
  id: string,
  clock: HybridClock,
  deviceId: string,
  at: number | undefined,
): Taken | null {
  const snap = snapshot(db, e, id);
  const versions = versionsOf(db, e, id);
  if (versions.has(DELETED)) return null;
  if (snap === null) {
    // An article merged into another here (merge.ts) says which, so others follow.
    const into = e === 'article' ? mergedInto(db, id) : undefined;
    if (versions.size === 0 && !into) return null;
    const h = clock.now(at);
    const seen = Object.fromEntries([...versions].map(([f, v]) => [f, v.hlc]));
    versions.set(DELETED, { hlc: h, hash: 'deleted' });
    saveVersions(db, e, id, versions);
    if (into) return deletion({ e, id, h, del: true, into });
    const merged =
      cachedStatement(db, 'SELECT 1 FROM sync_merged WHERE entity = ? AND id = ?').get(e, id) !==
      undefined;
    return deletion(
      RESTORABLE.has(e) && !merged ? { e, id, h, del: true, seen } : { e, id, h, del: true },
    );
  }
  // Each changed field's JSON, hashed and then sent as it is (never serialised twice).
  let set = '';
  const hashes: Record<string, string> = {};
  let bodyHashMoved = false;
  for (const field in snap) {
    const value = snap[field];
    const json = fieldJson(value);
    const hash = hashJson(json);
    const v = versions.get(field);
    if (v && sameValue(v.hash, json, hash)) continue;
    if (isMembership(e) && value === null && (!v || goneWithParent(db, e, id))) continue;
    let sent = json;
    if (e === 'note' && field === NOTE_BODY) {
      const update = recordLocalBody(db, id, deviceId, (value as Value).doc as string);
      if (update === null) {
        // Same blocks (a save that changed nothing the merge sees): only the hash moves on.
        versions.set(field, { hlc: v?.hlc ?? clock.now(at), hash });
        bodyHashMoved = true;
        continue;
      }
      sent = JSON.stringify(update);
    }
    set += `${set && ','}${JSON.stringify(field)}:${sent}`;
    hashes[field] = hash;
  }
  if (!set) {
    if (bodyHashMoved) saveVersions(db, e, id, versions);
    return null;
  }
  const h = clock.now(at);
  for (const field in hashes) versions.set(field, { hlc: h, hash: hashes[field]! });
  saveVersions(db, e, id, versions);
  // As JSON.stringify({e, id, h, set}) writes it.
  return {
    e,
    text: `{"e":${JSON.stringify(e)},"id":${JSON.stringify(id)},"h":"${h}","set":{${set}}}`,
  };
}

/** Every synced row there is (the first capture after sync is set up) and every one ever versioned. */
function everyRow(db: Database): [SyncEntity, string][] {
  const out: [SyncEntity, string][] = [];
  const add = (e: SyncEntity, sql: string) => {
    for (const id of cachedStatement<[], string>(db, sql).pluck().all()) out.push([e, id]);
  };
  add('tag', 'SELECT id FROM tags');
  add('article', 'SELECT id FROM articles');
  add('passage', 'SELECT id FROM passages');
  add('note', 'SELECT id FROM notes');
  for (const [e, m] of Object.entries(MEMBERSHIPS))
    add(e as SyncEntity, `SELECT ${m.owner} || '/' || ${m.member} FROM ${m.table}`);
  add('link', "SELECT id FROM links WHERE origin = 'link'");
  add('collection', 'SELECT id FROM collections');
  add('citation_style', 'SELECT id FROM citation_styles');
  for (const r of versionedRows(db)) out.push([SyncEntitySchema.parse(r.entity), r.entity_id]);
  return out;
}

/** Order in which ops are taken and applied: what others refer to first. */
export const ENTITY_ORDER: Readonly<Record<SyncEntity, number>> = {
  tag: 0,
  collection: 0,
  citation_style: 0,
  article: 1,
  passage: 2,
  note: 3,
  article_tag: 4,
  passage_tag: 4,
  note_tag: 4,
  collection_article: 4,
  link: 5,
};

/**
 * Rows an apply wrote exactly as their op said, each with the last change-log seq that writing
 * made (`${entity}:${id}` → seq): their fields equal their versions, so capture skips them unless
 * the log shows a later change (a re-anchored passage, a merged tag).
 */
export type SettledRows = Map<string, number>;

export const settledKey = (e: string, id: string) => `${e}:${id}`;

/** The change log's last seq (what a write just logged). */
export const lastChange = (db: Database): number =>
  cachedStatement<[], number | null>(db, 'SELECT max(seq) FROM changes').pluck().get() ?? 0;

/** The entities sync carries, for telling them from the rest of what the change log names. */
const SYNCED: ReadonlySet<string> = new Set(SYNC_ENTITIES);

/**
 * Diffs rows against their versions, recording the new versions; `each` gets every op (JSON) in
 * the order the rows come. Moves the capture cursor to `maxSeq`.
 */
function diffRows(
  db: Database,
  id: Identity,
  clock: HybridClock,
  rows: Iterable<readonly [SyncEntity, string, number | undefined]>,
  maxSeq: number,
  each: (op: Taken) => void,
): void {
  const seen = new Set<string>();
  for (const [e, rowId, at] of rows) {
    const key = `${e}:${rowId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!isMembership(e) && !(e in ROWS)) continue;
    const op = diffRow(db, e, rowId, clock, id.deviceId, at);
    if (op) each(op);
  }
  cachedStatement(db, 'UPDATE sync_identity SET cursor = ?, hlc = ? WHERE k = 1').run(
    maxSeq,
    clock.current(),
  );
  id.cursor = maxSeq;
}

/**
 * The local changes made since the last capture, as ops (JSON) in the order they go out (what
 * others refer to first: a tag before the passages it is on); records their versions and moves
 * the cursor. Call inside a write transaction; the caller queues or sends them.
 */
export function takeLocal(
  db: Database,
  id: Identity,
  clock: HybridClock,
  settled?: SettledRows,
): string[] {
  const maxSeq = lastChange(db);
  // Each row with when it last changed: stamped in that order, each change with its own time.
  const rows: [SyncEntity, string, number | undefined][] = [];
  for (const r of cachedStatement<
    [number, number],
    { entity: string; entity_id: string; at: string; seq: number }
  >(
    db,
    // A reading place travels as a field of its article (the log names it apart, migration 21).
    `SELECT CASE entity WHEN 'reading_place' THEN 'article' ELSE entity END AS entity, entity_id, max(at) AS at, max(seq) AS seq
     FROM changes WHERE seq > ? AND seq <= ? GROUP BY 1, entity_id ORDER BY max(at), min(seq)`,
  ).iterate(id.cursor, maxSeq)) {
    // Only what sync carries (every other entity the log names, today).
    if (!SYNCED.has(r.entity)) continue;
    // Rows an apply wrote as their op said, unchanged since.
    if (settled && r.seq <= (settled.get(settledKey(r.entity, r.entity_id)) ?? 0)) continue;
    rows.push([r.entity as SyncEntity, r.entity_id, Date.parse(r.at) || undefined]);
  }
  const ops: Taken[] = [];
  diffRows(db, id, clock, rows, maxSeq, (op) => ops.push(op));
  // A stable sort: within an entity, the order the rows changed.
  ops.sort((a, b) => ENTITY_ORDER[a.e] - ENTITY_ORDER[b.e]);
  return ops.map((op) => op.text);
}

/** Puts ops (JSON) in the outbox, to go out in segments (engine.ts). */
export function queueOps(db: Database, ops: readonly string[]): void {
  const queue = cachedStatement(db, 'INSERT INTO sync_outbox (op) VALUES (?)');
  for (const op of ops) queue.run(op);
}

/**
 * Takes the local changes made since the last capture into the outbox. Call inside a write
 * transaction; `all` looks at every row (the first capture). Returns how many ops it queued.
 */
export function captureLocal(
  db: Database,
  id: Identity,
  clock: HybridClock,
  all = false,
  settled?: SettledRows,
): number {
  if (!all) {
    const ops = takeLocal(db, id, clock, settled);
    queueOps(db, ops);
    return ops.length;
  }
  // Every row stamped "now" alike (no log times), so taken in the order their ops go out and
  // each queued as it is made: the first capture of a large library never holds its ops in memory.
  const rows = everyRow(db)
    .map(([e, rowId]) => [e, rowId, undefined] as const)
    .sort((a, b) => ENTITY_ORDER[a[0]] - ENTITY_ORDER[b[0]]);
  const queue = cachedStatement(db, 'INSERT INTO sync_outbox (op) VALUES (?)');
  let queued = 0;
  diffRows(db, id, clock, rows, lastChange(db), (op) => {
    queue.run(op.text);
    queued++;
  });
  return queued;
}
