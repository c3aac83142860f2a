/**
 * `export --all --format json`: the whole library as one versioned JSON document (see schema.ts),
 * read in one transaction so it is a consistent snapshot.
 */
import type { Database } from 'better-sqlite3';
import { CommonplaceError } from '../errors';
import { schemaVersion } from '../db/migrate';
import { nowIso } from '../ids';
import { writeAtomicallyStreamed } from '../export/write';
import {
  LIBRARY_JSON_FORMAT,
  LIBRARY_JSON_VERSION,
  TABLE_NAMES,
  STORAGE_COLUMNS,
  TABLES,
  type LibraryDocument,
  type TableName,
} from './schema';
import { readTransaction } from '../db/transactions';
import { unpackBody } from '../articles/bodyStore';
import { decodeOriginal, type OriginalRow } from '../articles/originalStore';

/** The columns the document carries for a table, in its schema's order. */
export function documentColumns(table: TableName): string[] {
  return Object.keys(TABLES[table].shape);
}

/**
 * Refuses to export a table with a column the document doesn't know: a new migration must
 * extend schema.ts (and its version), never lose data silently.
 */
function checkColumns(db: Database, table: TableName): void {
  const known = new Set([...documentColumns(table), ...(STORAGE_COLUMNS[table] ?? [])]);
  const unknown = db
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
    .all()
    .map((c) => c.name)
    .filter((c) => !known.has(c));
  if (unknown.length)
    throw new CommonplaceError(
      'internal',
      `The library's ${table} table has columns the JSON export doesn't carry (${unknown.join(', ')}): update electron/core/transfer/schema.ts.`,
    );
}

const ORDER: Record<TableName, string> = {
  originals: 'hash',
  images: 'hash',
  articles: 'rid',
  article_meta: 'article_id',
  article_state: 'article_id',
  tags: 'id',
  article_tags: 'article_id, tag_id',
  passages: 'id',
  passage_tags: 'passage_id, tag_id',
  notes: 'rid',
  note_tags: 'note_id, tag_id',
  links: 'id',
  collections: 'id',
  collection_articles: 'collection_id, article_id',
  citation_styles: 'id',
};

/** A table's rows in document order, one at a time (originals' exact bytes as base64). */
function* tableRows(db: Database, table: TableName): Generator<Record<string, unknown>> {
  checkColumns(db, table);
  const cols = [...documentColumns(table), ...(STORAGE_COLUMNS[table] ?? [])]
    .map((c) => `"${c}"`)
    .join(', ');
  for (const row of db
    .prepare<[], Record<string, unknown>>(`SELECT ${cols} FROM ${table} ORDER BY ${ORDER[table]}`)
    .iterate()) {
    if (table === 'originals') {
      row.bytes = decodeOriginal(db, row as unknown as OriginalRow).toString('base64');
      delete row.encoding;
      delete row.delta;
    }
    if (table === 'images') row.bytes = (row.bytes as Buffer).toString('base64');
    if (table === 'articles')
      row.body = JSON.stringify(
        unpackBody(row.body as string, row.text as string, `article ${String(row.id)}`),
      );
    yield row;
  }
}

function header(db: Database): Omit<LibraryDocument, 'tables'> {
  return {
    format: LIBRARY_JSON_FORMAT,
    version: LIBRARY_JSON_VERSION,
    schemaVersion: schemaVersion(db),
    exportedAt: nowIso(),
  };
}

/** The whole document in memory: for small libraries and tests (`exportLibraryJson` streams). */
export function libraryDocument(db: Database): LibraryDocument {
  return readTransaction(db, () => {
    const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, [...tableRows(db, t)]]));
    return { ...header(db), tables } as LibraryDocument;
  });
}

export interface LibraryExportResult {
  path: string;
  bytes: number;
  counts: Record<TableName, number>;
}

/** Pieces are gathered to about this size before they go to the file. */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Writes the document row by row, with exactly the text `JSON.stringify(libraryDocument(db))`
 * would give, without ever holding it: a library with gigabytes of originals is more than one
 * JavaScript string can hold (~512 MB). Read in one transaction, so it is a consistent snapshot.
 */
export function exportLibraryJson(db: Database, path: string): LibraryExportResult {
  const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  const encoder = new TextEncoder();
  let bytes = 0;
  readTransaction(db, () => {
    writeAtomicallyStreamed(path, (write) => {
      let pending: string[] = [];
      let pendingChars = 0;
      const flush = () => {
        const chunk = encoder.encode(pending.join(''));
        bytes += chunk.length;
        write(chunk);
        pending = [];
        pendingChars = 0;
      };
      const put = (text: string) => {
        pending.push(text);
        pendingChars += text.length;
        if (pendingChars >= WRITE_CHUNK_CHARS) flush();
      };
      // The header's own JSON without its closing brace, then `,"tables":{…}}`.
      put(JSON.stringify(header(db)).slice(0, -1));
      put(',"tables":{');
      TABLE_NAMES.forEach((table, t) => {
        put(`${t ? ',' : ''}${JSON.stringify(table)}:[`);
        for (const row of tableRows(db, table))
          put(`${counts[table]++ ? ',' : ''}${JSON.stringify(row)}`);
        put(']');
      });
      put('}}');
      flush();
    });
  });
  return { path, bytes, counts };
}
