/**
 * Outgoing changes. The change log says which rows changed since the last capture (`cursor`);
 * each such row's fields are compared with the versions last sent or applied, and the fields that
 * differ get a new clock reading and go to the outbox as one op. Changes that applying remote
 * segments made are never sent back: their fields already match their versions.
 */
import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import { SyncEntitySchema, type SyncEntity, type SyncOp } from '../../model/sync';
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

/**
 * Diffs rows against their versions, recording the new versions; `each` gets every op (JSON) in
 * the order the rows come. `unique` rows need no check for repeats. Moves the capture cursor to
 * `maxSeq`.
 */
function diffRows(
  db: Database,
  id: Identity,
  clock: HybridClock,
  rows: Iterable<readonly [SyncEntity, string, number | undefined]>,
  maxSeq: number,
  each: (op: Taken) => void,
  unique = false,
): void {
  const seen = new Set<string>();
  for (const [e, rowId, at] of rows) {
    if (!unique) {
      const key = `${e}:${rowId}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
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

/** Rows of the change log read per page while taking (a page is in memory, never the whole log). */
const TAKE_PAGE = 1000;

/** ENTITY_ORDER as SQL over a column `e` (NULL for what sync doesn't carry). */
const ENTITY_ORDER_SQL = `CASE e ${Object.entries(ENTITY_ORDER)
  .map(([e, n]) => `WHEN '${e}' THEN ${n}`)
  .join(' ')} END`;

/**
 * The rows changed since the last capture, each once with when it last changed, in the order they
 * changed (each gets its clock reading in that order: of two offline edits the later one wins),
 * read a page at a time. The list is made once into a temp table (SQLite's, spilling to disk)
 * because the diff writes between pages, which an open query on the same connection forbids; so
 * taking 100,000 changes holds a page of them, not all.
 */
function* changedRows(
  db: Database,
  cursor: number,
  maxSeq: number,
  opts: TakeOptions,
): Generator<readonly [SyncEntity, string, number | undefined]> {
  const { settled } = opts;
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS sync_taking (n INTEGER PRIMARY KEY, e TEXT NOT NULL, entity_id TEXT NOT NULL, at TEXT, seq INTEGER NOT NULL)',
  );
  cachedStatement(db, 'DELETE FROM temp.sync_taking').run();
  cachedStatement(
    db,
    // A reading place travels as a field of its article (the log names it apart, migration 21);
    // only what sync carries (ENTITY_ORDER names it) is taken.
    `INSERT INTO temp.sync_taking (n, e, entity_id, at, seq)
     SELECT row_number() OVER (ORDER BY at, first), e, entity_id, at, seq FROM (
       SELECT ${ENTITY_ORDER_SQL} AS ord, * FROM (
         SELECT CASE entity WHEN 'reading_place' THEN 'article' ELSE entity END AS e, entity_id,
           max(at) AS at, max(seq) AS seq, min(seq) AS first
         FROM changes WHERE seq > ? AND seq <= ? GROUP BY 1, entity_id))
     WHERE ord IS NOT NULL`,
  ).run(cursor, maxSeq);
  opts.onRows?.(
    cachedStatement<[], number>(db, 'SELECT count(*) FROM temp.sync_taking').pluck().get() ?? 0,
  );
  const page = cachedStatement<
    [number, number],
    { n: number; e: string; entity_id: string; at: string; seq: number }
  >(db, 'SELECT n, e, entity_id, at, seq FROM temp.sync_taking WHERE n > ? ORDER BY n LIMIT ?');
  for (let after = 0; ;) {
    const rows = page.all(after, TAKE_PAGE);
    if (!rows.length) break;
    after = rows.at(-1)!.n;
    for (const r of rows) {
      // Rows an apply wrote as their op said, unchanged since.
      if (settled && r.seq <= (settled.get(settledKey(r.e, r.entity_id)) ?? 0)) continue;
      yield [r.e as SyncEntity, r.entity_id, Date.parse(r.at) || undefined];
    }
  }
  cachedStatement(db, 'DELETE FROM temp.sync_taking').run();
}

interface TakeOptions {
  settled?: SettledRows;
  /** Told how many rows changed (at most that many ops come), before the first op. */
  onRows?: (rows: number) => void;
}

/** Ops held in memory while taking, at most (a segment's worth): more wait in a temp table. */
const HELD_OPS = 5000;
const HELD_BYTES = 8 * 1024 * 1024;

/**
 * Takes the local changes made since the last capture: `each` gets their ops (JSON) one by one in
 * the order they go out (ENTITY_ORDER, then the order the rows changed), to queue or send as they
 * come; records their versions and moves the cursor. Call inside a write transaction.
 *
 * Rows are diffed in the order they changed (their readings) but ops go out in ENTITY_ORDER, so
 * they are sorted in between: in memory up to a segment's worth, past that in a temp table read
 * back a page at a time (what sending 100,000 changes holds is bounded either way).
 */
export function takeLocal(
  db: Database,
  id: Identity,
  clock: HybridClock,
  each: (op: string) => void,
  opts: TakeOptions = {},
): void {
  const maxSeq = lastChange(db);
  const held: Taken[] = [];
  let bytes = 0;
  let spilled = 0; // ops in temp.sync_sending
  const spill = (op: Taken) =>
    cachedStatement(db, 'INSERT INTO temp.sync_sending (ord, n, op) VALUES (?, ?, ?)').run(
      ENTITY_ORDER[op.e],
      spilled++,
      op.text,
    );
  diffRows(
    db,
    id,
    clock,
    changedRows(db, id.cursor, maxSeq, opts),
    maxSeq,
    (op) => {
      if (!spilled && held.length < HELD_OPS && bytes + op.text.length <= HELD_BYTES) {
        held.push(op);
        bytes += op.text.length;
        return;
      }
      if (!spilled) {
        db.exec(
          'CREATE TEMP TABLE IF NOT EXISTS sync_sending (ord INTEGER NOT NULL, n INTEGER NOT NULL, op TEXT NOT NULL, PRIMARY KEY (ord, n)) WITHOUT ROWID',
        );
        cachedStatement(db, 'DELETE FROM temp.sync_sending').run();
        for (const h of held.splice(0)) spill(h);
      }
      spill(op);
    },
    true,
  );
  if (!spilled) {
    // A stable sort: within an entity, the order the rows changed.
    held.sort((a, b) => ENTITY_ORDER[a.e] - ENTITY_ORDER[b.e]);
    for (const op of held) each(op.text);
    return;
  }
  const page = cachedStatement<[number, number, number], { ord: number; n: number; op: string }>(
    db,
    'SELECT ord, n, op FROM temp.sync_sending WHERE (ord, n) > (?, ?) ORDER BY ord, n LIMIT ?',
  );
  for (let after = [-1, -1] as [number, number]; ;) {
    const rows = page.all(after[0], after[1], TAKE_PAGE);
    if (!rows.length) break;
    after = [rows.at(-1)!.ord, rows.at(-1)!.n];
    for (const r of rows) each(r.op);
  }
  cachedStatement(db, 'DELETE FROM temp.sync_sending').run();
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
    const queue = cachedStatement(db, 'INSERT INTO sync_outbox (op) VALUES (?)');
    let queued = 0;
    takeLocal(
      db,
      id,
      clock,
      (op) => {
        queue.run(op);
        queued++;
      },
      { settled },
    );
    return queued;
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
