import type { Database } from 'better-sqlite3';
import { CommonplaceError } from '../errors';
import { writeTransaction } from './transactions';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the newest version this build knows, one migration per transaction
 * (the schema change and its `user_version` commit together, so a crash never leaves a
 * half-migrated library). A database written by a newer build is refused, never downgraded.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[],
  file: string,
  target?: number,
): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const goal = target ?? latest;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new CommonplaceError(
      'newer_database',
      `${file}: this library was written by a newer version of Commonplace (schema ${current}; this version knows up to ${latest}). Update Commonplace to open it.`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current || m.version > goal) continue;
    writeTransaction(db, () => {
      // Another process opening the same library may have applied it while this one waited for the lock.
      if (schemaVersion(db) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    });
  }
  return schemaVersion(db);
}
