/**
 * What a fuzzed call may or may not have changed: a digest of every row of every stored table
 * (search-index shadow tables included, so a half-written index shows), row counts per table,
 * and SQLite's own integrity check.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export interface Snapshot {
  /** sha256 of each table's rows, in rowid (or primary key) order. */
  digests: Record<string, string>;
  counts: Record<string, number>;
}

/** Ordinary tables only: a virtual table's rows are its shadow tables', which are listed. */
function storedTables(db: Database): string[] {
  const rows = db
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; sql: string | null }[];
  return rows.filter((r) => !/^\s*CREATE\s+VIRTUAL/i.test(r.sql ?? '')).map((r) => r.name);
}

function hasRowid(db: Database, table: string): boolean {
  const sql =
    (
      db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(table) as
        { sql: string } | undefined
    )?.sql ?? '';
  return !/WITHOUT\s+ROWID\s*$/i.test(sql.trim());
}

export function snapshot(db: Database): Snapshot {
  const digests: Record<string, string> = {};
  const counts: Record<string, number> = {};
  for (const table of storedTables(db)) {
    const hash = createHash('sha256');
    let n = 0;
    const order = hasRowid(db, table) ? 'ORDER BY rowid' : '';
    for (const row of db.prepare(`SELECT * FROM "${table}" ${order}`).raw().iterate() as Iterable<
      unknown[]
    >) {
      n++;
      for (const v of row)
        hash
          .update(
            Buffer.isBuffer(v)
              ? `b${v.toString('base64')}`
              : `v${JSON.stringify(typeof v === 'bigint' ? String(v) : v)}`,
          )
          .update('\u0001');
      hash.update('\u0002');
    }
    digests[table] = hash.digest('hex');
    counts[table] = n;
  }
  return { digests, counts };
}

/** Tables whose rows differ between two snapshots (added, removed or changed). */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...Object.keys(before.digests), ...Object.keys(after.digests)]);
  return [...names].filter((t) => before.digests[t] !== after.digests[t]).sort();
}

/** `PRAGMA integrity_check` (and the foreign-key check): empty when the file is sound. */
export function integrityProblems(db: Database): string[] {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .filter((r) => r !== 'ok');
  const fk = (db.pragma('foreign_key_check') as { table: string; parent: string }[]).map(
    (r) => `foreign key: ${r.table} -> ${r.parent}`,
  );
  return [...integrity, ...fk];
}
