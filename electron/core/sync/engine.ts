/**
 * The sync core's entry points (see README.md here): set up, sync now, status, devices.
 * Everything is synchronous file and SQLite work; callers run it off the UI thread as they see fit.
 */
import { renameSync, fsyncSync, openSync, closeSync, writeSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  DeviceName,
  SYNC_FORMAT,
  SyncOpSchema,
  type Segment,
  type SyncDevice,
  type SyncOp,
  type SyncProblem,
  type SyncReport,
  type SyncStatus,
} from '../../model/sync';
import { cachedStatement } from '../db/statements';
import { writeTransaction } from '../db/transactions';
import { decodeOriginal, type OriginalRow } from '../articles/originalStore';
import { getImage, hasImage, storedBodyImages } from '../images/store';
import { CommonplaceError, errorMessage } from '../errors';
import { newId, nowIso } from '../ids';
import { tempPathFor } from '../tempFiles';
import { applyOp, type ApplyContext } from './apply';
import { captureLocal, ENTITY_ORDER, takeLocal } from './capture';
import {
  encodeSegmentOps,
  publishPending,
  readSegment,
  SyncFileError,
  writeOnce,
  writePending,
} from './files';
import {
  blobPath,
  checkFolder,
  deviceFilePath,
  libraryFilePath,
  listDevices,
  listPendingSegments,
  listSegments,
  pendingSegmentPath,
  readDeviceFile,
  segmentPath,
  writeJsonOnce,
} from './folder';
import { clockWarnings } from './clocks';
import { HybridClock } from './hlc';
import {
  checkDeviceIdentity,
  machineFingerprint,
  readIdentity,
  writeIdentity,
  type Identity,
} from './identity';
import { saveDerivedLinks } from '../notes/repo';
import { checkDoc } from '../notes/docWalk';

/**
 * A segment holds at most this many ops and about this many bytes of them (one op larger than
 * that goes alone): what sending or applying one segment holds in memory is bounded by these,
 * not by the library's size.
 */
export const SEGMENT_MAX_OPS = 5000;
export const SEGMENT_MAX_BYTES = 8 * 1024 * 1024;

function requireIdentity(db: Database): Identity {
  const id = readIdentity(db);
  if (!id)
    throw new CommonplaceError(
      'invalid_input',
      'sync is not set up for this library (sync init --folder DIR --name NAME)',
    );
  return id;
}

/** Replaces one of this device's own small files (device.json) whole: temp, fsync, rename. */
function writeReplace(target: string, text: string): void {
  const temp = tempPathFor(target);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}

function writeDeviceFile(folder: string, id: Identity): void {
  const current = (() => {
    try {
      return readDeviceFile(folder, id.deviceId);
    } catch {
      return null;
    }
  })();
  if (current?.name === id.deviceName) return;
  const file = deviceFilePath(folder, id.deviceId);
  const text = `${JSON.stringify({ format: SYNC_FORMAT, deviceId: id.deviceId, name: id.deviceName }, null, 2)}\n`;
  if (current) writeReplace(file, text);
  else writeOnce(file, Buffer.from(text, 'utf8'));
}

/**
 * Sets up sync with a folder: this library joins the library the folder holds (its own rows are
 * merged in), or the folder, empty, becomes this library's. A folder of another library is refused;
 * so is a second folder for a library that already syncs with one.
 */
export function initSync(db: Database, input: { folder: string; name: string }): SyncStatus {
  const folder = resolve(input.folder);
  const named = DeviceName.safeParse(input.name);
  if (!named.success)
    throw new CommonplaceError('invalid_input', named.error.issues[0]?.message ?? 'bad name');
  const existing = readIdentity(db);
  if (existing && existing.folder !== folder)
    throw new CommonplaceError(
      'invalid_input',
      `this library already syncs with ${existing.folder}; it can't sync with ${folder} too`,
    );
  const lib = checkFolder(folder, existing?.libraryId ?? null);
  const libraryId = existing?.libraryId ?? lib?.libraryId ?? newId();
  if (!lib)
    writeJsonOnce(libraryFilePath(folder), { format: SYNC_FORMAT, libraryId, createdAt: nowIso() });
  const id: Identity = existing
    ? { ...existing, deviceName: named.data }
    : {
        libraryId,
        deviceId: newId(),
        deviceName: named.data,
        fingerprint: machineFingerprint(db),
        folder,
        hlc: null,
        cursor: 0,
        nextSegment: 1,
        lastSyncAt: null,
        problems: '[]',
      };
  writeTransaction(db, () => {
    writeIdentity(db, id);
    if (!existing) {
      const clock = new HybridClock(id.deviceId, null);
      captureLocal(db, id, clock, true);
    }
  });
  writeDeviceFile(folder, id);
  return syncStatus(db);
}

/**
 * Writes the originals and pictures that ops (JSON) name into blobs. Only an article's op can
 * name one (the others are passed over without parsing them).
 */
function writeBlobs(db: Database, folder: string, ops: readonly string[]): void {
  for (const text of ops) {
    if (!text.includes('"article"')) continue;
    const op = JSON.parse(text) as SyncOp;
    if (op.e !== 'article') continue;
    const original = op.set?.original as { hash?: string } | null | undefined;
    if (original?.hash) {
      const blob = db
        .prepare<[string], OriginalRow>(
          'SELECT hash, bytes, size, encoding, delta FROM originals WHERE hash = ?',
        )
        .get(original.hash);
      // The file's own bytes: the blob is named by their sha256.
      if (blob) writeOnce(blobPath(folder, original.hash), decodeOriginal(db, blob));
    }
    // The pictures a body shows travel the same way (apply.ts waits for them before the body).
    const body = (op.set?.content as { body?: unknown } | null | undefined)?.body;
    if (typeof body === 'string')
      for (const hash of storedBodyImages(body))
        if (hasImage(db, hash)) writeOnce(blobPath(folder, hash), getImage(db, hash).bytes);
  }
}

/**
 * Writes ops (JSON) as this device's next segment, under its pending name; returns its number, to
 * publish once the transaction commits. Inside a write transaction, the file last: if it can't be
 * written, nothing the transaction did happened.
 *
 * Why pending: the segment's number and its ops' versions are recorded in this transaction. Were
 * the file in place before the commit, a process dying in between would leave a segment the
 * library doesn't know it wrote, and the next sync would take it for a restored backup's
 * (identity.ts): a new device id, the segment read as a phantom device's and its changes sent
 * again. A pending file is never read by anyone; `publishSegments` links it into place.
 */
function writeSegment(db: Database, ops: readonly string[]): number {
  const id = readIdentity(db)!;
  const n = id.nextSegment;
  const segment: Omit<Segment, 'ops'> = {
    format: SYNC_FORMAT,
    libraryId: id.libraryId,
    deviceId: id.deviceId,
    seq: n,
    createdAt: nowIso(),
  };
  db.prepare('UPDATE sync_identity SET next_segment = ? WHERE k = 1').run(n + 1);
  writePending(
    pendingSegmentPath(id.folder, id.deviceId, n),
    segmentPath(id.folder, id.deviceId, n),
    encodeSegmentOps(segment, ops),
  );
  return n;
}

/**
 * Publishes pending segments (`writeSegment`): those numbered below `next_segment` were committed
 * and are linked into place (by whoever gets there first: this sync, the next one after a crash,
 * another process syncing the same library). With `removeStale`, called holding the write lock,
 * one at or above it was left by a transaction that never committed (its ops are still in the
 * change log or the outbox, to be taken again) and is removed. Without the lock such a file may be
 * another process's transaction in flight, so it is left alone. `only` limits it to those numbers
 * (the ones just written: no directory listing). Returns what could not be published.
 */
function publishSegments(
  db: Database,
  only?: readonly number[],
  removeStale = false,
): SyncProblem[] {
  const id = readIdentity(db)!;
  const problems: SyncProblem[] = [];
  const pending = only
    ? only.map((n) => ({ n, path: pendingSegmentPath(id.folder, id.deviceId, n) }))
    : listPendingSegments(id.folder, id.deviceId);
  for (const p of pending) {
    const target = segmentPath(id.folder, id.deviceId, p.n);
    if (p.n >= id.nextSegment) {
      if (removeStale) rmSync(p.path, { force: true });
      continue;
    }
    try {
      publishPending(p.path, target);
    } catch (e) {
      problems.push({ file: target, message: errorMessage(e) });
    }
  }
  return problems;
}

/**
 * Sends ops as they are taken (`takeLocal`), in the transaction that takes them: a segment is
 * written each time SEGMENT_MAX_OPS or about SEGMENT_MAX_BYTES of them are in hand, so sending
 * 100,000 changes holds one segment's worth of them, not all. Straight into segments only when
 * nothing older waits in the outbox (the outbox's insert, read back and delete were about a fifth
 * of what sending added to a write); past `limit` segments, or from a segment that can't be
 * written on (the flush that follows says why), the ops go to the outbox instead.
 */
function segmentSender(
  db: Database,
  folder: string,
  limit: number,
  onSegment: (sent: number, n: number) => void,
): { add: (op: string) => void; end: () => { written: number; sent: number } } {
  const queue = cachedStatement(db, 'INSERT INTO sync_outbox (op) VALUES (?)');
  let direct = limit > 0 && !db.prepare('SELECT 1 FROM sync_outbox LIMIT 1').get();
  let take: string[] = [];
  let bytes = 0;
  let written = 0;
  let sent = 0;
  const write = () => {
    const ops = take;
    take = [];
    bytes = 0;
    if (direct && ops.length)
      try {
        writeBlobs(db, folder, ops);
        // A savepoint: a segment that can't be written leaves its number unused.
        const n = writeTransaction(db, () => writeSegment(db, ops));
        written++;
        sent += ops.length;
        onSegment(sent, n);
        if (written >= limit) direct = false;
        return;
      } catch {
        direct = false;
      }
    for (const op of ops) queue.run(op);
  };
  return {
    add(op) {
      if (!direct) {
        queue.run(op);
        return;
      }
      // As flushOutbox cuts them: at most SEGMENT_MAX_OPS, about SEGMENT_MAX_BYTES (one op at least).
      if (take.length >= SEGMENT_MAX_OPS || (take.length && bytes + op.length > SEGMENT_MAX_BYTES))
        write();
      if (!direct) queue.run(op);
      else {
        take.push(op);
        bytes += op.length;
      }
    },
    end() {
      write();
      return { written, sent };
    },
  };
}

/**
 * Writes the outbox into segments (at most `limit` of them), each published after its commit, and
 * the originals they name into blobs.
 */
function flushOutbox(
  db: Database,
  idIn: Identity,
  limit: number,
  onSegment: (sent: number) => void,
): { written: number; sent: number; problems: SyncProblem[] } {
  const problems: SyncProblem[] = [];
  let written = 0;
  let sent = 0;
  // One segment's worth read at a time: a large library's outbox is never in memory whole.
  const outbox = cachedStatement<[], { seq: number; op: string }>(
    db,
    'SELECT seq, op FROM sync_outbox ORDER BY seq',
  );
  while (written < limit) {
    let bytes = 0;
    const take: { seq: number; op: string }[] = [];
    for (const r of outbox.iterate()) {
      if (
        take.length >= SEGMENT_MAX_OPS ||
        (take.length && bytes + r.op.length > SEGMENT_MAX_BYTES)
      )
        break;
      bytes += r.op.length;
      take.push(r);
    }
    if (!take.length) break;
    // Blobs first: a segment never arrives before the originals it names were written.
    writeBlobs(
      db,
      idIn.folder,
      take.map((t) => t.op),
    );
    const n = writeTransaction(db, () => {
      db.prepare('DELETE FROM sync_outbox WHERE seq <= ?').run(take.at(-1)!.seq);
      return writeSegment(
        db,
        take.map((t) => t.op),
      );
    });
    problems.push(...publishSegments(db, [n]));
    written++;
    sent += take.length;
    onSegment(sent);
  }
  return { written, sent, problems };
}

function appliedSet(db: Database, device: string): Set<number> {
  return new Set(
    db
      .prepare<[string], number>('SELECT n FROM sync_applied WHERE device_id = ?')
      .pluck()
      .all(device),
  );
}

/** Tries the parked ops again until none moves; returns how many are still parked. */
function retryParked(ctx: ApplyContext): number {
  const { db } = ctx;
  for (;;) {
    const rows = db
      .prepare<[], { seq: number; op: string }>('SELECT seq, op FROM sync_parked ORDER BY seq')
      .all();
    let moved = false;
    for (const r of rows) {
      const result = applyOp(ctx, SyncOpSchema.parse(JSON.parse(r.op)));
      if (typeof result === 'object')
        db.prepare('UPDATE sync_parked SET reason = ? WHERE seq = ?').run(result.parked, r.seq);
      else {
        db.prepare('DELETE FROM sync_parked WHERE seq = ?').run(r.seq);
        moved = true;
      }
    }
    if (!moved) return rows.length;
  }
}

/** Notes that mention or quote rows that just arrived get those links now. */
function relinkNotes(db: Database, created: readonly string[]): void {
  if (!created.length) return;
  const notes = new Set<string>();
  const find = db.prepare<[string], string>('SELECT id FROM notes WHERE instr(doc, ?) > 0');
  for (const id of created) for (const n of find.pluck().all(id)) notes.add(n);
  const read = db.prepare<[string], string>('SELECT doc FROM notes WHERE id = ?').pluck();
  for (const n of notes) saveDerivedLinks(db, n, checkDoc(JSON.parse(read.get(n)!)));
}

/**
 * One transaction of applying: local edits are captured first (so they compete by their clock),
 * then `work` applies, parked ops are retried, notes relink to what arrived, and what applying
 * changed beyond the ops (re-anchored passages, merged tags) is captured to go out.
 */
function applyTransaction<T>(db: Database, folder: string, work: (ctx: ApplyContext) => T): T {
  return writeTransaction(db, () => {
    const id = readIdentity(db)!;
    const clock = new HybridClock(id.deviceId, id.hlc);
    captureLocal(db, id, clock);
    const ctx: ApplyContext = {
      db,
      folder,
      deviceId: id.deviceId,
      clock,
      created: [],
      settled: new Map(),
    };
    const result = work(ctx);
    retryParked(ctx);
    relinkNotes(db, ctx.created);
    db.prepare('UPDATE sync_identity SET hlc = ? WHERE k = 1').run(clock.current());
    captureLocal(db, readIdentity(db)!, clock, false, ctx.settled);
    return result;
  });
}

/** Applies one segment in one transaction; returns how many of its ops changed something. */
function applySegment(db: Database, segment: Segment, folder: string): number {
  return applyTransaction(db, folder, (ctx) => {
    let changed = 0;
    const ops = segment.ops
      .map((op, i) => ({ op, i }))
      .sort((a, b) => ENTITY_ORDER[a.op.e] - ENTITY_ORDER[b.op.e] || a.i - b.i);
    const park = db.prepare('INSERT INTO sync_parked (op, reason) VALUES (?, ?)');
    for (const { op } of ops) {
      const result = applyOp(ctx, op);
      if (result === 'applied') changed++;
      else if (typeof result === 'object') park.run(JSON.stringify(op), result.parked);
    }
    db.prepare(
      'INSERT INTO sync_applied (device_id, n, applied_at, written_at) VALUES (?, ?, ?, ?)',
    ).run(segment.deviceId, segment.seq, nowIso(), segment.createdAt);
    return changed;
  });
}

/** How far a sync has come, for a progress bar: changes written out, segments applied. */
export interface SyncProgress {
  phase: 'sending' | 'receiving';
  done: number;
  total: number;
}

export interface SyncOptions {
  /** At most this many segments are written and applied by one call (`more` says if any are left). */
  maxSegments?: number;
  onProgress?: (progress: SyncProgress) => void;
}

const count = (db: Database, sql: string): number => db.prepare<[], number>(sql).pluck().get() ?? 0;

/**
 * Syncs once: local changes go out as a segment, every segment other devices wrote that isn't
 * applied yet is applied (a bad one is skipped, named in `problems`, and tried again next time).
 * With `maxSegments`, a caller that must stay responsive (the live sync) does the work in steps.
 */
export function syncNow(db: Database, options: SyncOptions = {}): SyncReport {
  const budget = options.maxSegments ?? Infinity;
  const progress = options.onProgress ?? (() => {});
  let id = requireIdentity(db);
  const lib = checkFolder(id.folder, id.libraryId);
  if (!lib)
    writeJsonOnce(libraryFilePath(id.folder), {
      format: SYNC_FORMAT,
      libraryId: id.libraryId,
      createdAt: nowIso(),
    });
  let direct = { written: 0, sent: 0 }; // segments written as the ops were taken
  const numbers: number[] = [];
  const problems: SyncProblem[] = [];
  id = writeTransaction(db, () => {
    // Holding the write lock: what a sync that died left pending is published or dropped first,
    // so a committed segment counts as ours below, and an uncommitted one was never seen.
    problems.push(...publishSegments(db, undefined, true));
    const checked = checkDeviceIdentity(db, requireIdentity(db));
    let total = 0;
    const sender = segmentSender(db, checked.folder, budget, (sent, n) => {
      numbers.push(n);
      progress({ phase: 'sending', done: sent, total });
    });
    takeLocal(db, checked, new HybridClock(checked.deviceId, checked.hlc), sender.add, {
      onRows: (rows) => (total = rows),
    });
    direct = sender.end();
    return checked;
  });
  problems.push(...publishSegments(db, numbers));
  const report: SyncReport = {
    written: direct.written,
    sent: direct.sent,
    applied: 0,
    received: 0,
    parked: 0,
    more: false,
    problems,
  };
  let flushFailed = false;
  let segments = direct.written; // written and applied, against the budget
  const flush = () => {
    if (flushFailed) return; // one message for one cause (a full disk stays full within a sync)
    const start = report.sent;
    const total = start + count(db, 'SELECT count(*) FROM sync_outbox');
    try {
      const r = flushOutbox(db, id, budget - segments, (sent) =>
        progress({ phase: 'sending', done: start + sent, total }),
      );
      report.written += r.written;
      report.sent += r.sent;
      segments += r.written;
      problems.push(...r.problems);
    } catch (e) {
      flushFailed = true;
      problems.push({ file: id.folder, message: errorMessage(e) });
    }
  };
  flush();
  try {
    writeDeviceFile(id.folder, id);
  } catch (e) {
    problems.push({ file: deviceFilePath(id.folder, id.deviceId), message: errorMessage(e) });
  }
  const pending: { device: string; seg: { n: number; path: string } }[] = [];
  for (const device of listDevices(id.folder)) {
    if (device === id.deviceId) continue;
    const done = appliedSet(db, device);
    for (const seg of listSegments(id.folder, device))
      if (!done.has(seg.n)) pending.push({ device, seg });
  }
  let tried = 0;
  for (const { device, seg } of pending) {
    if (segments >= budget) break;
    tried++;
    try {
      const segment = readSegment(seg.path);
      if (segment.libraryId !== id.libraryId)
        throw new SyncFileError(seg.path, `belongs to another library (${segment.libraryId})`);
      if (segment.deviceId !== device || segment.seq !== seg.n)
        throw new SyncFileError(seg.path, 'names another device or number than its place');
      report.received += applySegment(db, segment, id.folder);
      report.applied++;
      segments++;
    } catch (e) {
      if (e instanceof SyncFileError) problems.push({ file: e.file, message: e.message });
      else problems.push({ file: seg.path, message: `${seg.path}: ${errorMessage(e)}` });
    }
    progress({ phase: 'receiving', done: tried, total: pending.length });
  }
  // What waited for a file that has arrived since (an original in transit) is tried again.
  if (db.prepare('SELECT 1 FROM sync_parked LIMIT 1').get())
    applyTransaction(db, id.folder, () => 0);
  flush();
  report.parked = count(db, 'SELECT count(*) FROM sync_parked');
  report.more =
    tried < pending.length || (!flushFailed && count(db, 'SELECT count(*) FROM sync_outbox') > 0);
  writeTransaction(db, () =>
    db
      .prepare('UPDATE sync_identity SET last_sync_at = ?, problems = ? WHERE k = 1')
      .run(nowIso(), JSON.stringify(problems)),
  );
  return report;
}

export function syncDevices(db: Database): SyncDevice[] {
  const id = readIdentity(db);
  if (!id) return [];
  return listDevices(id.folder).map((device) => {
    let name = '(no device.json yet)';
    try {
      name = readDeviceFile(id.folder, device)?.name ?? name;
    } catch (e) {
      name = `(unreadable device.json: ${errorMessage(e)})`;
    }
    const segs = listSegments(id.folder, device);
    const last = segs.reduce((m, s) => Math.max(m, s.mtimeMs), 0);
    return {
      deviceId: device,
      name,
      self: device === id.deviceId,
      segments: segs.length,
      lastSeenAt: last ? new Date(last).toISOString() : null,
    };
  });
}

export function syncStatus(db: Database): SyncStatus {
  const id = readIdentity(db);
  if (!id)
    return {
      configured: false,
      folder: null,
      libraryId: null,
      deviceId: null,
      deviceName: null,
      lastSyncAt: null,
      outgoing: 0,
      incoming: 0,
      parked: 0,
      devices: [],
      problems: [],
      clocks: [],
    };
  const count = (sql: string, ...args: unknown[]) =>
    db
      .prepare<unknown[], number>(sql)
      .pluck()
      .get(...args) ?? 0;
  const outgoing =
    count('SELECT count(*) FROM sync_outbox') +
    count('SELECT count(DISTINCT entity || entity_id) FROM changes WHERE seq > ?', id.cursor);
  const devices = syncDevices(db);
  let incoming = 0;
  for (const d of devices) {
    if (d.self) continue;
    const done = appliedSet(db, d.deviceId);
    incoming += listSegments(id.folder, d.deviceId).filter((s) => !done.has(s.n)).length;
  }
  return {
    configured: true,
    folder: id.folder,
    libraryId: id.libraryId,
    deviceId: id.deviceId,
    deviceName: id.deviceName,
    lastSyncAt: id.lastSyncAt,
    outgoing,
    incoming,
    parked: count('SELECT count(*) FROM sync_parked'),
    devices,
    problems: JSON.parse(id.problems) as SyncProblem[],
    clocks: clockWarnings(db, devices),
  };
}
