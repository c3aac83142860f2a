/**
 * `export --all --format json`: the whole library as one versioned JSON document (see schema.ts),
 * read in one transaction so it is a consistent snapshot.
 */
import type { Database } from 'better-sqlite3';
import { CommonplaceError } from '../errors';
import { schemaVersion } from '../db/migrate';
import { nowIso } from '../ids';
import { writeAtomically } from '../export/write';
import { LIBRARY_JSON_FORMAT, LIBRARY_JSON_VERSION, TABLE_NAMES, TABLES, type LibraryDocument, type TableName } from './schema';

/** The columns the document carries for a table, in its schema's order. */
export function documentColumns(table: TableName): string[] {
  return Object.keys(TABLES[table].shape);
}

/**
 * Refuses to export a table with a column the document doesn't know: a new migration must
 * extend schema.ts (and its version), never lose data silently.
 */
function checkColumns(db: Database, table: TableName): void {
  const known = new Set(documentColumns(table));
  const unknown = db
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
    .all()
    .map((c) => c.name)
    .filter((c) => !known.has(c));
  if (unknown.length) throw new CommonplaceError('internal', `The library's ${table} table has columns the JSON export doesn't carry (${unknown.join(', ')}): update electron/core/transfer/schema.ts.`);
}

const ORDER: Record<TableName, string> = {
  originals: 'hash',
  articles: 'rid',
  tags: 'id',
  article_tags: 'article_id, tag_id',
  passages: 'id',
  passage_tags: 'passage_id, tag_id',
  notes: 'rid',
  note_tags: 'note_id, tag_id',
  links: 'id',
};

export function libraryDocument(db: Database): LibraryDocument {
  return db.transaction(() => {
    const tables = {} as Record<TableName, unknown[]>;
    for (const table of TABLE_NAMES) {
      checkColumns(db, table);
      const cols = documentColumns(table).map((c) => `"${c}"`).join(', ');
      const rows = db.prepare<[], Record<string, unknown>>(`SELECT ${cols} FROM ${table} ORDER BY ${ORDER[table]}`).all();
      if (table === 'originals') for (const r of rows) r.bytes = Buffer.from(r.bytes as Buffer).toString('base64');
      tables[table] = rows;
    }
    return { format: LIBRARY_JSON_FORMAT, version: LIBRARY_JSON_VERSION, schemaVersion: schemaVersion(db), exportedAt: nowIso(), tables } as LibraryDocument;
  })();
}

export interface LibraryExportResult {
  path: string;
  bytes: number;
  counts: Record<TableName, number>;
}

export function exportLibraryJson(db: Database, path: string): LibraryExportResult {
  const doc = libraryDocument(db);
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  writeAtomically(path, bytes);
  return { path, bytes: bytes.length, counts: countsOf(doc) };
}

export function countsOf(doc: LibraryDocument): Record<TableName, number> {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, doc.tables[t].length])) as Record<TableName, number>;
}
