/**
 * A copy of a library as it was before a newer Commonplace upgraded its schema: `FILE.vN.bak`
 * beside it (N: the schema version it had). Migrations run in transactions, so a crash never
 * leaves a half-migrated library; this copy is for a migration that completes and is wrong, and
 * for going back to the older Commonplace. Only the latest such copy is kept (a library can be
 * large). Written with `VACUUM INTO` (a consistent, compacted snapshot) to a temp file that is
 * renamed into place, so a failed copy never replaces a good one.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { CommonplaceError, errorMessage } from '../errors';

/** Where the copy of `file` at schema `version` goes. */
export function upgradeBackupPath(file: string, version: number): string {
  return `${file}.v${version}.bak`;
}

/** Copies the library at `file` (open as `db`, schema `version`), then removes older such copies. */
export function backupBeforeUpgrade(db: Database, file: string, version: number): string {
  const target = upgradeBackupPath(file, version);
  const folder = dirname(file);
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new CommonplaceError(
      'io_error',
      `${file}: this version of Commonplace upgrades the library, and keeps a copy of it first (${target}), but could not write the copy (${errorMessage(e)}). The library was left as it was; free some space or make the folder writable, then open it again.`,
    );
  }
  const own = basename(file);
  for (const name of readdirSync(folder)) {
    const m = /^(.*)\.v(\d+)\.bak$/.exec(name);
    if (m && m[1] === own && Number(m[2]) !== version) rmSync(join(folder, name), { force: true });
  }
  return target;
}
