import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { CommonplaceError, errorMessage } from '../errors';
import { registerLibraryFunctions } from './functions';
import { backupBeforeUpgrade, upgradeBackupPath } from '../backup/beforeUpgrade';
import { migrate, schemaVersion } from './migrate';
import { compactAfterUpgrade } from './compact';
import { explainStorageError } from './storage';
import { migrations } from './migrations';

export interface OpenDatabaseOptions {
  /** Path to a better_sqlite3.node built for the current runtime (Electron passes its own build). */
  nativeBinding?: string;
  /** Stop at this schema version (migration tests). */
  targetVersion?: number;
  /**
   * Told before an existing library is upgraded, with the copy kept of it (`null`: none kept),
   * so a caller can say why opening takes a while.
   */
  onUpgrade?: (upgrade: { from: number; to: number; copy: string | null }) => void;
  /** Keep no copy before upgrading: for derived libraries only (the search bench's cache). */
  noUpgradeCopy?: boolean;
}

/**
 * How long a connection waits for another one's write lock before "database is locked". Every
 * write takes the lock up front (db/transactions.ts), so writers queue here instead of failing.
 */
export const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating if needed) a library database: WAL, foreign keys, busy timeout, migrated. */
export function openDatabase(file: string, opts: OpenDatabaseOptions = {}): Database {
  if (file !== ':memory:') {
    try {
      if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
        throw new CommonplaceError('not_a_file', `${file}: is a folder, not a library file`);
      }
      mkdirSync(dirname(file), { recursive: true });
    } catch (e) {
      if (e instanceof CommonplaceError) throw e;
      throw new CommonplaceError(
        'io_error',
        `${file}: cannot create the library's folder (${errorMessage(e)})`,
      );
    }
  }
  let db: Database;
  try {
    db = new BetterSqlite3(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (e) {
    throw explainOpenError(file, e);
  }
  try {
    // First: switching to WAL needs a lock, which another process opening the library may hold.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // Before migrating: triggers and indexes call these functions on every write.
    registerLibraryFunctions(db);
    const version = schemaVersion(db);
    const goal = Math.min(opts.targetVersion ?? Infinity, migrations.at(-1)?.version ?? 0);
    // An existing library about to be upgraded: keep a copy of it as it was first.
    if (file !== ':memory:' && version > 0 && version < goal) {
      const keep = !opts.noUpgradeCopy;
      opts.onUpgrade?.({
        from: version,
        to: goal,
        copy: keep ? upgradeBackupPath(file, version) : null,
      });
      if (keep) backupBeforeUpgrade(db, file, version);
    }
    migrate(db, migrations, file, opts.targetVersion);
    if (file !== ':memory:' && version > 0 && schemaVersion(db) > version) compactAfterUpgrade(db);
    // Statement journals in memory: every insert whose triggers write the search indexes keeps
    // one (its flush of the pending search terms changes many pages), and past 64 KB SQLite
    // spills it to a temporary file: write calls for every article. Set after the VACUUM above,
    // which would otherwise build its copy of the library in memory too.
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (e) {
    db.close();
    throw explainOpenError(file, e);
  }
}

function explainOpenError(file: string, e: unknown): Error {
  if (e instanceof CommonplaceError) return e;
  const msg = errorMessage(e);
  if (/file is not a database|file is encrypted/i.test(msg)) {
    return new CommonplaceError(
      'io_error',
      `${file}: is not a Commonplace library (not an SQLite database)`,
    );
  }
  const storage = explainStorageError(e, file);
  if (storage) return storage;
  if (
    /NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|wrong ELF class|file too short|cannot open shared object|Module did not self-register|Could not locate the bindings file/.test(
      msg,
    )
  ) {
    return new CommonplaceError(
      'native_module',
      `better-sqlite3 was built for a different runtime than this one (${process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.versions.node}`}). ` +
        'For the CLI and tests run `npm rebuild better-sqlite3`; `npm start` builds its own copy for Electron.',
    );
  }
  if (/file is not a database|file is encrypted/i.test(msg)) {
    return new CommonplaceError(
      'io_error',
      `${file}: is not a Commonplace library (not an SQLite database)`,
    );
  }
  return new CommonplaceError('io_error', `${file}: cannot open the library (${msg})`);
}
