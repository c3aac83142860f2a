/**
 * `backup --out FILE`: a consistent copy of the live library through SQLite's online backup
 * (other connections may keep writing meanwhile). The copy goes to a temp file beside the target,
 * must pass `PRAGMA integrity_check`, and only then is renamed into place: a failed or
 * interrupted backup never leaves a half-written FILE, nor replaces a good older one.
 */
import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { CommonplaceError, errorMessage } from '../errors';
import { removeStaleTemps, tempPathFor } from '../tempFiles';
import { BUSY_TIMEOUT_MS } from '../db/open';
import { registerLibraryFunctions } from '../db/functions';

export interface BackupResult {
  path: string;
  bytes: number;
  /** Pages copied (SQLite pages of the library's page size). */
  pages: number;
}

/** The real path of a file or, when it doesn't exist yet, of its folder joined with its name. */
function realTarget(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  return join(realpathSync(dirname(path)), basename(path));
}

export async function backupLibrary(
  db: Database,
  libraryPath: string,
  out: string,
): Promise<BackupResult> {
  const target = resolve(out);
  const folder = dirname(target);
  const st = statSync(folder, { throwIfNoEntry: false });
  if (!st) throw new CommonplaceError('io_error', `${folder}: the folder does not exist`);
  if (!st.isDirectory()) throw new CommonplaceError('io_error', `${folder}: not a folder`);
  const live = realTarget(resolve(libraryPath));
  const dest = realTarget(target);
  if (
    dest === live ||
    dest === `${live}-wal` ||
    dest === `${live}-shm` ||
    dest === `${live}-journal`
  ) {
    throw new CommonplaceError(
      'invalid_input',
      `${target} is the open library itself: choose another file for the backup.`,
    );
  }
  if (existsSync(target) && statSync(target).isDirectory())
    throw new CommonplaceError(
      'not_a_file',
      `${target} is a folder: give a file name for the backup.`,
    );

  removeStaleTemps(target);
  const temp = tempPathFor(target);
  try {
    const progress = await db.backup(temp);
    const copy = new BetterSqlite3(temp, { fileMustExist: true });
    // The integrity check evaluates the expression indexes, which call the library's functions.
    registerLibraryFunctions(copy);
    try {
      copy.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // The copy inherits WAL mode; a backup is one self-contained file, with no -wal/-shm beside it.
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok')
        throw new CommonplaceError(
          'io_error',
          `The backup copy failed its integrity check (${String(check)}); ${target} was not written.`,
        );
    } finally {
      copy.close();
    }
    renameSync(temp, target);
    return { path: target, bytes: statSync(target).size, pages: progress.totalPages };
  } catch (e) {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`])
      rmSync(f, { force: true });
    if (e instanceof CommonplaceError) throw e;
    throw new CommonplaceError(
      'io_error',
      `Can't write the backup to ${target}: ${errorMessage(e)}`,
    );
  }
}
