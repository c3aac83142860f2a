/**
 * `check` and `repair` for a damaged library file. SQLite's `.recover` is a shell command, not in
 * better-sqlite3, so repair first tries `VACUUM INTO` (a whole, clean copy when every page reads),
 * and otherwise copies table by table, row by row, into a NEW library, skipping the ranges of rows
 * it can't read; the search indexes are then rebuilt from the copied rows. The damaged file is
 * only ever opened read-only.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { CommonplaceError, errorMessage } from '../errors';
import { rebuildSearchIndexes } from '../search/rebuild';
import { schemaVersion } from './migrate';
import { BUSY_TIMEOUT_MS, openDatabase } from './open';
import { registerLibraryFunctions } from './functions';
import { writeTransaction } from './transactions';

export interface TableRecovery {
  table: string;
  copied: number;
  /** Rows that could not be read (damaged pages), as far as they can be counted; null: unknown. */
  unreadable: number | null;
  /** Copied rows dropped because what they belong to was lost (a passage of a lost article). */
  orphaned: number;
}

export interface RepairReport {
  source: string;
  path: string;
  /** `vacuum`: every page read, a clean copy; `rows`: copied row by row around damage. */
  method: 'vacuum' | 'rows';
  /** The damaged file's integrity check before repair (empty when it passed). */
  problems: string[];
  tables: TableRecovery[];
}

function openReadOnly(file: string): Database {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) throw new CommonplaceError('not_found', `${file}: no such library file`);
  if (!st.isFile()) throw new CommonplaceError('not_a_file', `${file}: is not a file`);
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    // The integrity check evaluates the expression indexes, which call the library's functions.
    registerLibraryFunctions(db);
    // Another process may still hold the library (the app): wait for its locks like every connection.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return db;
  } catch (e) {
    throw new CommonplaceError('io_error', `${file}: cannot be opened (${errorMessage(e)})`);
  }
}

/** SQLite's integrity check of `db`, one problem per entry ([] when the file is sound). */
function integrityProblems(db: Database): string[] {
  try {
    const rows = db.pragma('integrity_check(100)') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    return problems;
  } catch (e) {
    return [errorMessage(e)];
  }
}

/** The integrity check of a library file, opened read-only (nothing in it changes). */
export function checkLibraryFile(file: string): string[] {
  const db = openReadOnly(resolve(file));
  try {
    return integrityProblems(db);
  } finally {
    db.close();
  }
}

/** Tables that hold data (not search indexes, their shadow tables, or SQLite's own). */
function dataTables(db: Database): string[] {
  const all = db
    .prepare<[], { name: string; sql: string | null }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY rowid",
    )
    .all();
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  return all
    .map((t) => t.name)
    .filter(
      (n) =>
        !n.startsWith('sqlite_') &&
        n !== 'changes' &&
        !virtual.includes(n) &&
        !virtual.some((v) => n.startsWith(`${v}_`)),
    );
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Copies one table's readable rows in rowid order. A read that fails (a damaged page) is skipped
 * by seeking ever further past the last good rowid until a seek succeeds.
 */
function copyRows(
  src: Database,
  dest: Database,
  table: string,
): { copied: number; unreadable: number | null } {
  const destColumns = new Set(
    (dest.pragma(`table_info(${quote(table)})`) as { name: string }[]).map((c) => c.name),
  );
  const columns = (src.pragma(`table_info(${quote(table)})`) as { name: string }[])
    .map((c) => c.name)
    .filter((c) => destColumns.has(c));
  if (!columns.length) return { copied: 0, unreadable: 0 };
  const insert = dest.prepare(
    `INSERT OR IGNORE INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const withoutRowid = /\bWITHOUT\s+ROWID\b/i.test(
    String(
      src
        .prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")
        .pluck()
        .get(table) ?? '',
    ),
  );
  if (withoutRowid) {
    // No rowid to seek past damage by: what reads before it is kept.
    let copied = 0;
    try {
      for (const row of src
        .prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}`)
        .raw()
        .iterate() as Iterable<unknown[]>) {
        insert.run(...row);
        copied++;
      }
      return { copied, unreadable: 0 };
    } catch (e) {
      if (!/malformed|corrupt|not a database|disk I\/O/i.test(errorMessage(e))) throw e;
      const total = countRows(src, table);
      return { copied, unreadable: total === null ? null : Math.max(0, total - copied) };
    }
  }
  const read = src.prepare(
    `SELECT rowid AS __rid, ${columns.map(quote).join(', ')} FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid`,
  );
  const seek = src
    .prepare(`SELECT rowid AS rid FROM ${quote(table)} WHERE rowid >= ? ORDER BY rowid LIMIT 1`)
    .pluck();
  let copied = 0;
  let damaged = false;
  let after: number | bigint = Number.MIN_SAFE_INTEGER;
  read.safeIntegers(true);
  seek.safeIntegers(true);
  for (;;) {
    try {
      for (const row of read.iterate(after) as Iterable<Record<string, unknown>>) {
        after = row.__rid as bigint;
        insert.run(...columns.map((c) => row[c]));
        copied++;
      }
      break;
    } catch (e) {
      if (!/malformed|corrupt|not a database|disk I\/O/i.test(errorMessage(e))) throw e;
      damaged = true;
      const next = skipDamage(seek, BigInt(after));
      if (next === null) break;
      after = next - 1n;
    }
  }
  const total = damaged ? countRows(src, table) : copied;
  return { copied, unreadable: total === null ? null : Math.max(0, total - copied) };
}

function skipDamage(seek: BetterSqlite3.Statement, last: bigint): bigint | null {
  for (let step = 1n; step < 1n << 62n; step *= 2n) {
    try {
      const found = seek.get(last + step) as bigint | undefined;
      return found === undefined ? null : found;
    } catch {
      // Still inside the damage: jump further.
    }
  }
  return null;
}

function countRows(db: Database, table: string): number | null {
  try {
    return Number(
      db
        .prepare(`SELECT count(*) FROM ${quote(table)}`)
        .pluck()
        .get(),
    );
  } catch {
    return null;
  }
}

/** Removes copied rows whose parent row was lost, counting them per table. */
function dropOrphans(db: Database): Map<string, number> {
  const dropped = new Map<string, number>();
  for (let round = 0; round < 20; round++) {
    const rows = db.pragma('foreign_key_check') as { table: string; rowid: number }[];
    if (!rows.length) break;
    for (const r of rows) {
      db.prepare(`DELETE FROM ${quote(r.table)} WHERE rowid = ?`).run(r.rowid);
      dropped.set(r.table, (dropped.get(r.table) ?? 0) + 1);
    }
  }
  return dropped;
}

/**
 * Recovers what is readable of `source` into the new library `target` (which must not exist).
 * The source is opened read-only and left as it is.
 */
export function repairLibrary(source: string, target: string): RepairReport {
  const from = resolve(source);
  const to = resolve(target);
  if (from === to)
    throw new CommonplaceError(
      'invalid_input',
      `${to}: repair writes a NEW file; give another path than the damaged library`,
    );
  if (existsSync(to))
    throw new CommonplaceError(
      'invalid_input',
      `${to}: already exists; repair writes a new file and never replaces one`,
    );
  const folder = statSync(dirname(to), { throwIfNoEntry: false });
  if (!folder?.isDirectory())
    throw new CommonplaceError('not_found', `${dirname(to)}: the folder does not exist`);
  const src = openReadOnly(from);
  const temp = join(dirname(to), `.${basename(to)}.${randomBytes(6).toString('hex')}.tmp`);
  const removeTemp = () => {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`])
      rmSync(f, { force: true });
  };
  try {
    const problems = integrityProblems(src);
    const version = schemaVersion(src);
    if (!problems.length) {
      try {
        src.prepare('VACUUM INTO ?').run(temp);
        renameSync(temp, to);
        return {
          source: from,
          path: to,
          method: 'vacuum',
          problems,
          tables: dataTables(src).map((t) => ({
            table: t,
            copied: countRows(src, t) ?? 0,
            unreadable: 0,
            orphaned: 0,
          })),
        };
      } catch {
        removeTemp(); // unreadable after all: copy row by row
      }
    }
    const dest = openDatabase(temp, { targetVersion: version });
    const tables: TableRecovery[] = [];
    try {
      dest.pragma('foreign_keys = OFF');
      writeTransaction(dest, () => {
        for (const table of dataTables(src)) {
          // A table the copied rows already filled through triggers is derived: not copied twice.
          const exists = dest
            .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
            .get(table);
          if (
            !exists ||
            Number(
              dest
                .prepare(`SELECT count(*) FROM ${quote(table)}`)
                .pluck()
                .get(),
            ) > 0
          )
            continue;
          tables.push({ table, ...copyRows(src, dest, table), orphaned: 0 });
        }
        for (const [table, n] of dropOrphans(dest)) {
          const t = tables.find((x) => x.table === table);
          if (t) {
            t.orphaned += n;
            t.copied -= n;
          }
        }
      });
      dest.pragma('foreign_keys = ON');
      rebuildSearchIndexes(dest);
      const after = integrityProblems(dest);
      if (after.length)
        throw new CommonplaceError(
          'internal',
          `the recovered copy failed its integrity check (${after[0]})`,
        );
      dest.pragma('journal_mode = DELETE');
    } finally {
      dest.close();
    }
    renameSync(temp, to);
    return { source: from, path: to, method: 'rows', problems, tables };
  } catch (e) {
    removeTemp();
    if (e instanceof CommonplaceError) throw e;
    throw new CommonplaceError(
      'io_error',
      `${to}: could not write the recovered library (${errorMessage(e)})`,
    );
  } finally {
    src.close();
  }
}
