/**
 * Where a library's bytes go, from SQLite's `dbstat`: pages per table, with each search index's
 * shadow tables (`articles_fts_data`, `_idx`, `_docsize`…) counted under the index and each
 * B-tree index under its table, and the whole file against the bytes of the articles' text
 * (UTF-8) — the target is a library of at most twice its text, originals included.
 */
import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';

export interface StorageReport {
  fileMB: number;
  textMB: number;
  /** Library file bytes / article text bytes. */
  ratio: number;
  freeMB: number;
  /** Largest first. */
  tables: { name: string; mb: number; share: number }[];
}

const mb = (bytes: number) => Math.round(bytes / 1e4) / 100;

export function storageReport(db: Database, file: string): StorageReport {
  const virtual = new Set(
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")
      .pluck()
      .all() as string[],
  );
  const indexOf = new Map(
    (
      db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index'").all() as {
        name: string;
        tbl_name: string;
      }[]
    ).map((r) => [r.name, r.tbl_name]),
  );
  const owner = (name: string) => {
    const shadow = /^(.*)_(data|idx|docsize|config|content)$/.exec(name);
    if (shadow && virtual.has(shadow[1]!)) return shadow[1]!;
    return indexOf.get(name) ?? name;
  };
  const bytes = new Map<string, number>();
  for (const r of db
    .prepare('SELECT name, sum(pgsize) AS size FROM dbstat GROUP BY name')
    .all() as { name: string; size: number }[]) {
    const name = owner(r.name);
    bytes.set(name, (bytes.get(name) ?? 0) + r.size);
  }
  const fileBytes = statSync(file).size;
  const textBytes = db
    .prepare('SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM articles')
    .pluck()
    .get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const free = (db.pragma('freelist_count', { simple: true }) as number) * pageSize;
  return {
    fileMB: mb(fileBytes),
    textMB: mb(textBytes),
    ratio: Math.round((fileBytes / Math.max(1, textBytes)) * 100) / 100,
    freeMB: mb(free),
    tables: [...bytes]
      .sort((a, b) => b[1] - a[1])
      .map(([name, size]) => ({
        name,
        mb: mb(size),
        share: Math.round((size / fileBytes) * 1000) / 10,
      })),
  };
}
