/**
 * This library's and this device's identity (table `sync_identity`, one row once sync is set up).
 *
 * A device id must never be shared by two copies of a library, or two devices would write one log.
 * Two checks give a copy its own id: the machine fingerprint (host name, the library file's path
 * and inode) kept beside the id differs when the file was copied elsewhere or restored over the
 * original; and the device's folder holding segments this library doesn't know it wrote means the
 * file is older than its own log (a restored backup). Either way the old id's segments are then
 * read like any other device's, so what the old copy sent is merged back, not lost.
 */
import { hostname } from 'node:os';
import { realpathSync, statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import { newId } from '../ids';
import { sha256Hex } from './files';
import { listSegments } from './folder';

export interface Identity {
  libraryId: string;
  deviceId: string;
  deviceName: string;
  fingerprint: string;
  folder: string;
  hlc: string | null;
  cursor: number;
  nextSegment: number;
  lastSyncAt: string | null;
  problems: string;
}

export function readIdentity(db: Database): Identity | null {
  const row = cachedStatement<[], Record<string, unknown>>(
    db,
    'SELECT * FROM sync_identity WHERE k = 1',
  ).get();
  if (!row) return null;
  return {
    libraryId: row.library_id as string,
    deviceId: row.device_id as string,
    deviceName: row.device_name as string,
    fingerprint: row.fingerprint as string,
    folder: row.folder as string,
    hlc: (row.hlc as string | null) ?? null,
    cursor: row.cursor as number,
    nextSegment: row.next_segment as number,
    lastSyncAt: (row.last_sync_at as string | null) ?? null,
    problems: row.problems as string,
  };
}

/** Where this library file is: a copy elsewhere, or a file restored over it, has another print. */
export function machineFingerprint(db: Database): string {
  const file = db.name;
  let where = file;
  let inode = 0;
  try {
    where = realpathSync(file);
    inode = statSync(where).ino;
  } catch {
    // An in-memory library (tests): host and name are all there is.
  }
  return sha256Hex(Buffer.from(`${hostname()}\n${where}\n${inode}`, 'utf8'));
}

export function writeIdentity(db: Database, id: Identity): void {
  cachedStatement(
    db,
    `INSERT INTO sync_identity (k, library_id, device_id, device_name, fingerprint, folder, hlc, cursor, next_segment, last_sync_at, problems)
     VALUES (1, @libraryId, @deviceId, @deviceName, @fingerprint, @folder, @hlc, @cursor, @nextSegment, @lastSyncAt, @problems)
     ON CONFLICT (k) DO UPDATE SET library_id = excluded.library_id, device_id = excluded.device_id,
       device_name = excluded.device_name, fingerprint = excluded.fingerprint, folder = excluded.folder,
       hlc = excluded.hlc, cursor = excluded.cursor, next_segment = excluded.next_segment,
       last_sync_at = excluded.last_sync_at, problems = excluded.problems`,
  ).run(id);
}

/**
 * Returns the identity to write with, giving this copy a new device id when it is a copy or a
 * restore (see above). Call inside a write transaction.
 */
export function checkDeviceIdentity(db: Database, id: Identity): Identity {
  const print = machineFingerprint(db);
  const aheadOfUs = listSegments(id.folder, id.deviceId).some((s) => s.n >= id.nextSegment);
  if (print === id.fingerprint && !aheadOfUs) return id;
  const fresh: Identity = { ...id, deviceId: newId(), fingerprint: print, nextSegment: 1 };
  writeIdentity(db, fresh);
  return fresh;
}
