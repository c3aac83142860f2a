/**
 * Applying one remote op: each field it sets wins when its clock reading is later than the one
 * that set the field here (so any order, and any number of repeats, ends the same). Rows are
 * written with plain SQL on the library's own tables, so the triggers keep the search indexes and
 * the change log (hence events and open windows) in step, as for a local edit; notes and articles
 * go through the core's own derivations (note text and links, passage re-anchoring).
 *
 * An op that refers to what isn't here yet (a passage before its article, a tag on a note not yet
 * arrived, an article whose original file is still being delivered) is parked and tried again.
 * An op whose data is invalid throws: the whole segment is then skipped, never half-applied.
 */
import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import { z } from 'zod';
import type { SyncOp } from '../../model/sync';
import { MAX_IMPORT_FILE_BYTES } from '../import';
import { CommonplaceError, errorMessage } from '../errors';
import { nowIso } from '../ids';
import { derive, saveDerivedLinks } from '../notes/repo';
import { describeRange, reanchor } from '../passages/anchoring';
import { reanchorArticlePassages } from '../passages/repo';
import { tagKey } from '../tags/names';
import { collectionKey } from '../collections/names';
import { ArticleMetaRow, ArticleStateRow, OriginalRow } from '../transfer/schema';
import { insertOriginal } from '../articles/originalStore';
import { remapReadingPlace } from '../articles/state';
import { textCarry } from '../articles/textCarry';
import { lastChange, settledKey, type SettledRows } from './capture';
import {
  deleteUnusedImages,
  hasImage,
  insertImages,
  storedBodyImages,
  syncedImageType,
} from '../images/store';
import { MAX_IMAGE_BYTES } from '../../model/images';
import { readBlob, SyncFileError } from './files';
import { blobPath } from './folder';
import type { HybridClock } from './hlc';
import { mergeRemoteBody } from './noteBodies';
import { recordMerged, renameArticle, resolveMerged } from './merge';
import {
  allFields,
  ARTICLE_META,
  ARTICLE_ORIGINAL,
  ARTICLE_STATE,
  checkRow,
  currentRow,
  hashValue,
  isMembership,
  MEMBERSHIPS,
  NOTE_BODY,
  requiredFields,
  ROWS,
  snapshot,
  splitMemberId,
  writeRow,
  writeState,
  type MembershipEntity,
  type RowEntity,
  type Value,
} from './rows';
import {
  DELETED,
  isTombstoned,
  RESTORABLE,
  saveVersions,
  setVersion,
  setVersions,
  versionsOf,
  type Versions,
} from './versions';

export type ApplyResult = 'applied' | 'stale' | { parked: string };

export interface ApplyContext {
  db: Database;
  folder: string;
  deviceId: string;
  clock: HybridClock;
  /** Ids of rows created (or merged away) here, whose mentions and quotes in notes may now resolve. */
  created: string[];
  /** Rows written exactly as their op said (capture has nothing to send for them). */
  settled: SettledRows;
}

const Stamp = z.iso.datetime();
const MembershipValue = z.strictObject({ created_at: Stamp }).nullable();
const OriginalValue = OriginalRow.omit({ bytes: true }).strict();
/** Built once: deriving a zod schema costs more than the parse (a fifth of receiving articles). */
const StateFields = ArticleStateRow.omit({ article_id: true }).partial();
const BodyUpdate = z
  .string()
  .max(64 * 1024 * 1024)
  .base64();

const bad = (op: SyncOp, field: string, message: string) =>
  new CommonplaceError('invalid_input', `${op.e} ${op.id}: ${field} ${message}`);

const has = (db: Database, table: string, id: unknown) =>
  typeof id === 'string' &&
  cachedStatement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;

const tombstoned = (db: Database, e: string, id: unknown) =>
  typeof id === 'string' && isTombstoned(db, e, id);

/** A row that depends on one deleted for good is gone too (its device sends that as well). */
function goneWith(ctx: ApplyContext, op: SyncOp): ApplyResult {
  setVersion(ctx.db, op.e, op.id, DELETED, { hlc: op.h, hash: 'deleted' });
  return 'stale';
}

export function applyOp(ctx: ApplyContext, sent: SyncOp): ApplyResult {
  ctx.clock.receive(sent.h);
  if (sent.e === 'article') articleTexts.delete(ctx);
  if (sent.into) return applyMergedAway(ctx, sent);
  const op = resolveMerged(ctx.db, sent);
  if (op.del && op.id !== sent.id) {
    // The copy its device deleted had merged into one that stays (the other device's copy).
    setVersion(ctx.db, sent.e, sent.id, DELETED, { hlc: sent.h, hash: 'deleted' });
    return 'stale';
  }
  if (op.del) return applyDelete(ctx, op);
  if (isMembership(op.e)) return applyMembership(ctx, op, op.e);
  return applyRow(ctx, op, op.e as RowEntity);
}

/**
 * An article that its device merged into another (the same file): remembered, then gone. A copy
 * here whose twin was emptied from the trash goes the way the merged article went.
 */
function applyMergedAway(ctx: ApplyContext, op: SyncOp): ApplyResult {
  const { db } = ctx;
  const into = op.into!;
  if (has(db, 'articles', op.id)) {
    if (tombstoned(db, 'article', into)) {
      recordMerged(db, op.id, into);
      return applyDelete(ctx, { e: op.e, id: op.id, h: op.h, del: true });
    }
    return { parked: `merges into article ${into}, which has not arrived` };
  }
  recordMerged(db, op.id, into);
  // Notes that mention it link to the article it became (relinkNotes).
  ctx.created.push(op.id);
  setVersion(db, op.e, op.id, DELETED, { hlc: op.h, hash: 'deleted' });
  return 'applied';
}

function applyDelete(ctx: ApplyContext, op: SyncOp): ApplyResult {
  const { db } = ctx;
  if (isMembership(op.e)) throw bad(op, 'del', 'is not how a tag comes off (in: null)');
  const versions = versionsOf(db, op.e, op.id);
  const v = versions.get(DELETED);
  if (v && v.hlc >= op.h) return 'stale';
  if (op.seen && RESTORABLE.has(op.e) && !v) {
    const unseen = [...versions].some(
      ([f, fv]) => op.seen![f] === undefined || fv.hlc > op.seen![f]!,
    );
    if (unseen && has(db, ROWS[op.e as RowEntity].table, op.id)) {
      sendWhole(ctx, op.e as RowEntity, op.id);
      return 'stale';
    }
  }
  versions.set(DELETED, { hlc: op.h, hash: 'deleted' });
  saveVersions(db, op.e, op.id, versions);
  const table = ROWS[op.e as RowEntity].table;
  const hash =
    op.e === 'article'
      ? cachedStatement<[string], string>(db, 'SELECT hash FROM articles WHERE id = ?')
          .pluck()
          .get(op.id)
      : undefined;
  const body =
    op.e === 'article'
      ? cachedStatement<[string], string>(db, 'SELECT body FROM articles WHERE id = ?')
          .pluck()
          .get(op.id)
      : undefined;
  cachedStatement(db, `DELETE FROM ${table} WHERE id = ?`).run(op.id);
  // And its pictures, unless another article shows them too.
  if (body !== undefined && storedBodyImages(body).length) deleteUnusedImages(db);
  // An article emptied from the trash takes its original with it, as emptyTrash does.
  if (hash !== undefined)
    cachedStatement(
      db,
      'DELETE FROM originals WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE hash = ?)',
    ).run(hash, hash);
  return 'applied';
}

/**
 * A row here holds an edit the device that deleted it never saw: it stays, and goes out whole
 * (with its members) under a reading later than the deletion, which brings it back everywhere.
 */
function sendWhole(ctx: ApplyContext, e: RowEntity, id: string): void {
  const { db } = ctx;
  const h = ctx.clock.now();
  const set = snapshot(db, e, id)!;
  setVersions(
    db,
    e,
    id,
    Object.entries(set).map(([f, value]) => [f, { hlc: h, hash: hashValue(value) }] as const),
  );
  queueOp(db, { e, id, h, set });
  for (const [me, m] of Object.entries(MEMBERSHIPS) as [
    MembershipEntity,
    (typeof MEMBERSHIPS)[MembershipEntity],
  ][]) {
    const col = m.memberKind === e ? m.member : m.ownerKind === e ? m.owner : null;
    if (!col) continue;
    for (const r of cachedStatement<
      [string],
      { owner: string; member: string; created_at: string }
    >(
      db,
      `SELECT ${m.owner} AS owner, ${m.member} AS member, created_at FROM ${m.table} WHERE ${col} = ?`,
    ).all(id)) {
      const mid = `${r.owner}/${r.member}`;
      const value = { created_at: r.created_at };
      setVersion(db, me, mid, 'in', { hlc: h, hash: hashValue(value) });
      queueOp(db, { e: me, id: mid, h, set: { in: value } });
    }
  }
}

function applyMembership(ctx: ApplyContext, op: SyncOp, e: MembershipEntity): ApplyResult {
  const { db } = ctx;
  const m = MEMBERSHIPS[e];
  const [owner, member] = splitMemberId(op.id);
  const keys = Object.keys(op.set ?? {});
  if (keys.length !== 1 || keys[0] !== 'in') throw bad(op, 'set', 'must set only "in"');
  const parsed = MembershipValue.safeParse(op.set!.in);
  if (!parsed.success) throw bad(op, 'in', 'must be null or {created_at}');
  const ownerTable = ROWS[m.ownerKind].table;
  const memberTable = ROWS[m.memberKind].table;
  const versions = versionsOf(db, e, op.id);
  const v = versions.get('in');
  if (v && v.hlc >= op.h) return 'stale';
  const record = () => {
    versions.set('in', { hlc: op.h, hash: hashValue(parsed.data) });
    saveVersions(db, e, op.id, versions);
  };
  if (parsed.data === null) {
    cachedStatement(db, `DELETE FROM ${m.table} WHERE ${m.owner} = ? AND ${m.member} = ?`).run(
      owner,
      member,
    );
    record();
    return 'applied';
  }
  if (tombstoned(db, m.memberKind, member) || tombstoned(db, m.ownerKind, owner)) {
    record();
    return 'stale';
  }
  if (!has(db, ownerTable, owner)) return { parked: `its ${m.ownerKind} ${owner} has not arrived` };
  if (!has(db, memberTable, member))
    return { parked: `its ${m.memberKind} ${member} has not arrived` };
  cachedStatement(
    db,
    `INSERT INTO ${m.table} (${m.owner}, ${m.member}, created_at) VALUES (?, ?, ?)
     ON CONFLICT DO UPDATE SET created_at = excluded.created_at`,
  ).run(owner, member, parsed.data.created_at);
  record();
  ctx.settled.set(settledKey(e, op.id), lastChange(db));
  return 'applied';
}

/** Checks that a plain field's value is an object of exactly its columns. */
function columnsOf(op: SyncOp, e: RowEntity, field: string, value: unknown): Value {
  const cols = (ROWS[e].fields as Record<string, readonly string[]>)[field]!;
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    Object.keys(value).length !== cols.length ||
    !cols.every((c) => c in value)
  )
    throw bad(op, field, `must be an object of ${cols.join(', ')}`);
  return value as Value;
}

function applyRow(ctx: ApplyContext, op: SyncOp, e: RowEntity): ApplyResult {
  const { db } = ctx;
  const set = op.set!;
  const allowed = allFields(e);
  for (const f of Object.keys(set)) if (!allowed.has(f)) throw bad(op, f, 'is not a field');
  const versions = versionsOf(db, e, op.id);
  const deleted = versions.get(DELETED);
  if (deleted) {
    // Brought back whole by a device that held an edit the deletion never saw.
    const whole = requiredFields(e).every((f) => f in set);
    if (!RESTORABLE.has(e) || op.h <= deleted.hlc || !whole) return 'stale';
    versions.delete(DELETED);
    saveVersions(db, e, op.id, versions);
  }
  const row = currentRow(db, e, op.id);
  if (e === 'article' && !row) {
    const merged = mergeTwin(ctx, op);
    if (merged) return applyRow(ctx, merged, e);
  }
  const wins = (f: string) => {
    const v = versions.get(f);
    return !v || op.h > v.hlc;
  };
  const winning = Object.keys(set).filter((f) => f === NOTE_BODY || !row || wins(f));
  if (!row) {
    const missing = requiredFields(e).filter((f) => !(f in set));
    if (missing.length) return { parked: `arrived before the change that creates it` };
  }

  // The plain columns that win, checked as a whole row.
  const cols: Value = {};
  for (const f of winning)
    if (f in ROWS[e].fields) Object.assign(cols, columnsOf(op, e, f, set[f]));
  const merged = { ...(row ?? {}), ...cols };
  checkRow(e, op.id, merged);

  if (!row) {
    if (dependsOnDeleted(db, e, merged)) return goneWith(ctx, op);
    const parked = missingDependency(ctx, e, merged, set);
    if (parked) return { parked };
  }
  const clash =
    (e === 'tag' || e === 'collection') && 'name' in cols
      ? nameClash(db, e, op.id, String(cols.name))
      : null;
  if (clash && 'park' in clash) return { parked: clash.park };
  if (e === 'article') {
    const parked = applyArticleExtras(ctx, op, row, winning, cols);
    if (parked) return { parked };
  }
  if (
    !row &&
    ((e === 'link' && linkClash(db, op.id, merged)) ||
      (e === 'citation_style' && styleClash(db, op.id, merged)))
  ) {
    for (const f of winning) versions.set(f, { hlc: op.h, hash: hashValue(set[f]) });
    saveVersions(db, e, op.id, versions);
    return 'stale';
  }

  if (e === 'note') applyNote(ctx, op, row, cols, versions);
  else {
    writeRow(db, e, op.id, cols, row !== undefined);
    if (e === 'article' && set[ARTICLE_META] !== undefined && winning.includes(ARTICLE_META))
      writeMeta(op, db, set[ARTICLE_META]);
    if (e === 'article') writeStateFields(op, db, winning);
  }
  // A row made whole from its op holds just what its versions will say: nothing to capture
  // (unless something later in this transaction changes it: re-anchoring, a merge).
  if (!row && !clash && e !== 'note' && Object.keys(set).length === allowed.size)
    ctx.settled.set(settledKey(e, op.id), lastChange(db));
  if (clash) mergeInto(db, e as 'tag' | 'collection', clash.from, op.id);
  if (!row) ctx.created.push(op.id);
  if (e === 'article' && row && 'text' in cols && cols.text !== row.text) {
    reanchorArticlePassages(db, op.id, row.text as string, cols.text as string);
    // A reading place that came with the text is already on it; the one kept here moves with it.
    if (!winning.includes('reading' satisfies keyof typeof ARTICLE_STATE))
      remapReadingPlace(db, op.id, textCarry(row.text as string, cols.text as string));
  }
  if (e === 'passage') fitAnchor(ctx, op.id, merged);

  for (const f of winning)
    if (f !== NOTE_BODY) versions.set(f, { hlc: op.h, hash: hashValue(set[f]) });
  saveVersions(db, e, op.id, versions);
  return 'applied';
}

/**
 * The same file imported here as another article (merge.ts): the smaller id stays. Returns the op
 * to apply now to the article that stays (which exists), or null when there is no twin.
 */
function mergeTwin(ctx: ApplyContext, op: SyncOp): SyncOp | null {
  const { db } = ctx;
  const content = op.set?.content;
  if (typeof content !== 'object' || content === null) return null;
  const hash = (content as Value).hash;
  if (typeof hash !== 'string') return null;
  const twin = cachedStatement<[string, string], string>(
    db,
    'SELECT id FROM articles WHERE hash = ? AND id <> ?',
  )
    .pluck()
    .get(hash, op.id);
  if (twin === undefined) return null;
  if (op.id < twin) {
    renameArticle(db, twin, op.id);
    // Notes that mention either copy link to the one that stays (relinkNotes).
    ctx.created.push(op.id, twin);
    // The local copy's fields go out on the article that stays, each with the clock it had, so a
    // device that never merged (it deleted its copy first) still ends with the same fields.
    const snap = snapshot(db, 'article', op.id)!;
    const byClock = new Map<string, Value>();
    for (const [f, v] of versionsOf(db, 'article', op.id))
      if (f in snap) byClock.set(v.hlc, { ...byClock.get(v.hlc), [f]: snap[f] });
    for (const [h, set] of byClock) queueOp(db, { e: 'article', id: op.id, h, set });
    return op;
  }
  recordMerged(db, op.id, twin);
  ctx.created.push(op.id);
  const onto = { ...op, id: twin };
  queueOp(db, onto);
  return onto;
}

function queueOp(db: Database, op: SyncOp): void {
  cachedStatement(db, 'INSERT INTO sync_outbox (op) VALUES (?)').run(JSON.stringify(op));
}

/** A passage of an article, or a link to a row, that was deleted for good. */
function dependsOnDeleted(db: Database, e: RowEntity, row: Value): boolean {
  if (e === 'passage') return tombstoned(db, 'article', row.article_id);
  if (e === 'link')
    return ['from', 'to'].some((end) =>
      ['article', 'passage', 'note'].some((kind) => tombstoned(db, kind, row[`${end}_${kind}`])),
    );
  return false;
}

function missingDependency(ctx: ApplyContext, e: RowEntity, row: Value, set: Value): string | null {
  const { db } = ctx;
  // Its article's text (read once for a segment's passages, and used to place them).
  if (e === 'passage' && articleText(ctx, String(row.article_id)) === undefined)
    return `its article ${String(row.article_id)} has not arrived`;
  if (e === 'link')
    for (const end of ['from', 'to'])
      for (const kind of ['article', 'passage', 'note']) {
        const id = row[`${end}_${kind}`];
        if (id !== null && id !== undefined && !has(db, `${kind}s`, id))
          return `its ${kind} ${String(id)} has not arrived`;
      }
  if (e === 'article' && set[ARTICLE_ORIGINAL] === null)
    throw new CommonplaceError('invalid_input', `article: has no original`);
  return null;
}

/**
 * Two devices made a tag (or a collection) of one name offline: the one with the smaller id stays
 * and the other's members move to it (those moves are then sent like local edits). When the
 * incoming one is the larger it waits, parked, until its own device merges it away.
 * Returns the reason to park, or the id of the local row to merge into the incoming one.
 */
function nameClash(
  db: Database,
  e: 'tag' | 'collection',
  id: string,
  name: string,
): { park: string } | { from: string } | null {
  const table = ROWS[e].table;
  const key = e === 'tag' ? tagKey(name) : collectionKey(name);
  const other = cachedStatement<[string, string], { id: string }>(
    db,
    `SELECT id FROM ${table} WHERE name_key = ? AND id <> ?`,
  ).get(key, id);
  if (!other) return null;
  if (other.id < id)
    return { park: `${e} "${name}" is also ${e} ${other.id} here (that one stays)` };
  // Frees the name for the incoming row; mergeInto removes this one once it is written.
  cachedStatement(
    db,
    `UPDATE ${table} SET name_key = name_key || ' (merging ' || id || ')' WHERE id = ?`,
  ).run(other.id);
  return { from: other.id };
}

function mergeInto(db: Database, e: 'tag' | 'collection', from: string, into: string): void {
  for (const m of Object.values(MEMBERSHIPS)) {
    const [moved, kept] =
      m.memberKind === e ? [m.member, m.owner] : m.ownerKind === e ? [m.owner, m.member] : [];
    if (!moved || !kept) continue;
    cachedStatement(
      db,
      `INSERT OR IGNORE INTO ${m.table} (${kept}, ${moved}, created_at) SELECT ${kept}, ?, created_at FROM ${m.table} WHERE ${moved} = ?`,
    ).run(into, from);
  }
  cachedStatement(db, `DELETE FROM ${ROWS[e].table} WHERE id = ?`).run(from);
  // Its deletion is a merge, which no edit undoes (capture sends it without `seen`).
  cachedStatement(
    db,
    'INSERT OR IGNORE INTO sync_merged (entity, id, into_id) VALUES (?, ?, ?)',
  ).run(e, from, into);
}

/**
 * The same link (ends and relation) made on two devices offline: the one with the smaller id
 * stays. Returns true when the incoming one is the one that goes.
 */
function linkClash(db: Database, id: string, row: Value): boolean {
  const end = (side: string) =>
    ['article', 'passage', 'note'].map((k) => row[`${side}_${k}`]).find((v) => v != null);
  const other = cachedStatement<[unknown, unknown, unknown], { id: string }>(
    db,
    `SELECT id FROM links WHERE coalesce(from_article, from_passage, from_note) = ?
         AND coalesce(to_article, to_passage, to_note) = ? AND relation = ?`,
  ).get(end('from'), end('to'), row.relation);
  if (!other || other.id === id) return false;
  if (other.id < id) return true;
  cachedStatement(db, 'DELETE FROM links WHERE id = ?').run(other.id);
  return false;
}

/**
 * The same style (its csl_id) added on two devices offline: the one with the smaller id stays.
 * Returns true when the incoming one is the one that goes.
 */
function styleClash(db: Database, id: string, row: Value): boolean {
  const other = cachedStatement<[unknown, string], { id: string }>(
    db,
    'SELECT id FROM citation_styles WHERE csl_id = ? AND id <> ?',
  ).get(row.csl_id, id);
  if (!other) return false;
  if (other.id < id) return true;
  cachedStatement(db, 'DELETE FROM citation_styles WHERE id = ?').run(other.id);
  return false;
}

/**
 * Stores the pictures `body` (stored form) names that this library lacks, from their blobs
 * (verified by sha256 on read, and by type here); returns why to park when one hasn't arrived.
 * A blob that isn't a picture we show is not stored: the reader shows that block's alt text.
 */
function receiveImages(ctx: ApplyContext, body: string): string | null {
  const { db } = ctx;
  for (const hash of storedBodyImages(body)) {
    if (!/^[0-9a-f]{64}$/.test(hash) || hasImage(db, hash)) continue;
    let bytes: Buffer;
    try {
      bytes = readBlob(blobPath(ctx.folder, hash), hash, MAX_IMAGE_BYTES);
    } catch (e) {
      if (e instanceof SyncFileError) return `its image ${hash}: ${e.message}`;
      throw e;
    }
    const mediaType = syncedImageType(bytes);
    if (mediaType) insertImages(db, [{ hash, mediaType, bytes }], nowIso());
  }
  return null;
}

/** The original (a verified blob) before the content that refers to it; the losing text kept. */
function applyArticleExtras(
  ctx: ApplyContext,
  op: SyncOp,
  row: Value | undefined,
  winning: string[],
  cols: Value,
): string | null {
  const { db } = ctx;
  const set = op.set!;
  if (set[ARTICLE_ORIGINAL] !== undefined && set[ARTICLE_ORIGINAL] !== null) {
    const parsed = OriginalValue.safeParse(set[ARTICLE_ORIGINAL]);
    if (!parsed.success)
      throw bad(op, ARTICLE_ORIGINAL, parsed.error.issues[0]?.message ?? 'is not valid');
    const o = parsed.data;
    if (!cachedStatement(db, 'SELECT 1 FROM originals WHERE hash = ?').get(o.hash)) {
      let bytes: Buffer;
      try {
        bytes = readBlob(blobPath(ctx.folder, o.hash), o.hash, MAX_IMPORT_FILE_BYTES);
      } catch (e) {
        if (e instanceof SyncFileError) return e.message;
        throw e;
      }
      if (bytes.length !== o.size) return `original ${o.hash}: size does not match`;
      insertOriginal(db, {
        hash: o.hash,
        bytes,
        mediaType: o.media_type,
        fileName: o.file_name,
        createdAt: o.created_at,
      });
    }
  }
  if (row && winning.includes(ARTICLE_ORIGINAL) && set[ARTICLE_ORIGINAL]) {
    // The same file imported on two devices: its name and import time are the later import's.
    const o = OriginalValue.parse(set[ARTICLE_ORIGINAL]);
    cachedStatement(
      db,
      'UPDATE originals SET media_type = ?, file_name = ?, created_at = ? WHERE hash = ?',
    ).run(o.media_type, o.file_name, o.created_at, o.hash);
  }
  if (
    'hash' in cols &&
    !cachedStatement(db, 'SELECT 1 FROM originals WHERE hash = ?').get(cols.hash)
  )
    return `its original ${String(cols.hash)} has not arrived`;
  // The pictures its body shows, content-addressed blobs like the original, before the body.
  if (typeof cols.body === 'string') {
    const missing = receiveImages(ctx, cols.body);
    if (missing) return missing;
  }
  const twin = cachedStatement<[unknown, string], { id: string }>(
    db,
    'SELECT id FROM articles WHERE hash = ? AND id <> ?',
  ).get(cols.hash, op.id);
  if ('hash' in cols && twin) return `its text now names the original of article ${twin.id} here`;
  // Edit text is last writer wins; the other version stays as a revision on this device.
  const content = ROWS.article.fields.content;
  if (row && set.content !== undefined) {
    const local = Object.fromEntries(content.map((c) => [c, row[c] ?? null]));
    if (hashValue(local) !== hashValue(set.content)) {
      const keep = winning.includes('content') ? local : (set.content as Value);
      cachedStatement(
        db,
        'INSERT INTO sync_revisions (article_id, hlc, content, kept_at) VALUES (?, ?, ?, ?)',
      ).run(op.id, op.h, JSON.stringify(keep), nowIso());
    }
  }
  return null;
}

/** The trash and read state fields that won, checked as a state row would be. */
function writeStateFields(op: SyncOp, db: Database, winning: string[]): void {
  const values: Value = {};
  for (const [f, col] of Object.entries(ARTICLE_STATE)) {
    if (!winning.includes(f)) continue;
    const v = op.set![f];
    if (typeof v !== 'object' || v === null || Object.keys(v).join() !== col)
      throw bad(op, f, `must be an object of ${col}`);
    values[col] = (v as Value)[col];
  }
  if (!Object.keys(values).length) return;
  // updated_at is null only while the article has no state row.
  const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
  const check = StateFields.safeParse(given);
  if (!check.success) throw bad(op, 'state', check.error.issues[0]?.message ?? 'is not valid');
  writeState(db, op.id, values);
}

function writeMeta(op: SyncOp, db: Database, value: unknown): void {
  if (value === null) {
    cachedStatement(db, 'DELETE FROM article_meta WHERE article_id = ?').run(op.id);
    return;
  }
  const parsed = ArticleMetaRow.safeParse({ ...(value as object), article_id: op.id });
  if (!parsed.success)
    throw bad(op, ARTICLE_META, parsed.error.issues[0]?.message ?? 'is not valid');
  const m = parsed.data;
  cachedStatement(
    db,
    `INSERT INTO article_meta (article_id, imported, edited, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET imported = excluded.imported, edited = excluded.edited, updated_at = excluded.updated_at`,
  ).run(op.id, m.imported, m.edited, m.updated_at);
}

/** The note's columns and its merged body, derived (text, excerpt, word count, links) as on save. */
function applyNote(
  ctx: ApplyContext,
  op: SyncOp,
  row: Value | undefined,
  cols: Value,
  versions: Versions,
): void {
  const { db } = ctx;
  const update = op.set![NOTE_BODY];
  if (update !== undefined) {
    const parsed = BodyUpdate.safeParse(update);
    if (!parsed.success) throw bad(op, NOTE_BODY, 'must be a base64 Yjs update');
    const merged = mergeRemoteBody(db, op.id, ctx.deviceId, parsed.data);
    let d;
    try {
      d = derive(JSON.parse(merged));
    } catch (e) {
      throw bad(op, NOTE_BODY, `does not merge into a valid note (${errorMessage(e)})`);
    }
    if (!row || row.doc !== d.json)
      Object.assign(cols, {
        doc: d.json,
        text: d.text,
        excerpt: d.excerpt,
        word_count: d.wordCount,
      });
    const v = versions.get(NOTE_BODY);
    versions.set(NOTE_BODY, {
      hlc: v && v.hlc > op.h ? v.hlc : op.h,
      hash: hashValue({ doc: d.json }),
    });
    writeNoteColumns(db, op.id, cols, row !== undefined);
    saveDerivedLinks(db, op.id, d.doc);
    return;
  }
  writeNoteColumns(db, op.id, cols, row !== undefined);
}

function writeNoteColumns(db: Database, id: string, cols: Value, exists: boolean): void {
  const names = Object.keys(cols);
  if (!names.length) return;
  if (exists)
    cachedStatement(
      db,
      `UPDATE notes SET ${names.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
    ).run({ ...cols, id });
  else
    cachedStatement(
      db,
      `INSERT INTO notes (id, ${names.join(', ')}) VALUES (@id, ${names.map((c) => `@${c}`).join(', ')})`,
    ).run({ ...cols, id });
}

/**
 * Article texts read while applying, by id: a segment of passages on one article reads its text
 * once, not once per passage. Dropped whenever an op touches an article (its text may change).
 */
const articleTexts = new WeakMap<ApplyContext, Map<string, string | undefined>>();

function articleText(ctx: ApplyContext, id: string): string | undefined {
  let texts = articleTexts.get(ctx);
  if (!texts) articleTexts.set(ctx, (texts = new Map()));
  if (!texts.has(id))
    texts.set(
      id,
      cachedStatement<[string], string>(ctx.db, 'SELECT text FROM articles WHERE id = ?')
        .pluck()
        .get(id),
    );
  return texts.get(id);
}

/**
 * A passage placed on another version of its article's text (made before an edit arrived) is
 * placed again on this text by its quote, as after any edit (else orphaned, never dropped); the
 * result is sent like a local change. `p` is the row as just written.
 */
function fitAnchor(ctx: ApplyContext, id: string, p: Value): void {
  if (p.deleted_at !== null || p.orphaned !== 0) return;
  const text = articleText(ctx, String(p.article_id));
  const start = p.start as number;
  const end = p.end as number;
  if (text === undefined || text.slice(start, end) === p.exact) return;
  const { db } = ctx;
  const placed = reanchor(text, {
    quote: { exact: String(p.exact), prefix: String(p.prefix), suffix: String(p.suffix) },
    position: { start, end },
  });
  if (placed.status === 'orphaned') {
    cachedStatement(db, 'UPDATE passages SET orphaned = 1 WHERE id = ?').run(id);
    return;
  }
  const sel = describeRange(text, placed.start, placed.end);
  cachedStatement(
    db,
    'UPDATE passages SET exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ? WHERE id = ?',
  ).run(
    sel.quote.exact,
    sel.quote.prefix,
    sel.quote.suffix,
    sel.position.start,
    sel.position.end,
    id,
  );
}
