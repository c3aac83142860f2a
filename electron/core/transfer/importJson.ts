/**
 * `import-json FILE`: restores a full-library JSON document into an empty library, in one
 * transaction. Everything is validated (shape and references) before the first row is written;
 * a library that already holds data is refused rather than merged, since ids and timestamps are
 * restored as they were and could collide.
 */
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { CommonplaceError, errorMessage } from '../errors';
import { countsOf, documentColumns } from './exportJson';
import { readJsonDocument } from './readDocument';
import { LibraryDocumentSchema, TABLE_NAMES, type LibraryDocument, type TableName } from './schema';

/** "tables.passages[3].article_id: refers to …" — the first few problems, each with its path. */
function describeIssues(error: z.ZodError, file: string): string {
  const lines = error.issues.slice(0, 5).map((i) => {
    const path = i.path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
    return `${path || '(document)'}: ${i.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `${file} is not a Commonplace library export: ${lines.join('; ')}${more}.`;
}

export function parseLibraryDocument(json: string, file = 'The file'): LibraryDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new CommonplaceError('parse_error', `${file} is not valid JSON (${errorMessage(e)}); it may be truncated.`);
  }
  return checkLibraryDocument(raw, file);
}

function checkLibraryDocument(raw: unknown, file: string): LibraryDocument {
  const parsed = LibraryDocumentSchema.safeParse(raw);
  if (!parsed.success) throw new CommonplaceError('invalid_input', describeIssues(parsed.error, file));
  return parsed.data;
}

/** Rows in the tables an import writes (the library must have none). */
function occupied(db: Database): string[] {
  return TABLE_NAMES.filter((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() !== undefined);
}

export function importLibraryDocument(db: Database, doc: LibraryDocument): Record<TableName, number> {
  db.transaction(() => {
    const busy = occupied(db);
    if (busy.length) {
      throw new CommonplaceError('invalid_input', `The library is not empty (it has ${busy.join(', ')}): import-json restores into an empty library only. Open or create a new library and import there.`);
    }
    for (const table of TABLE_NAMES) {
      const cols = documentColumns(table);
      const insert = db.prepare(`INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      (doc.tables[table] as Record<string, unknown>[]).forEach((row, i) => {
        try {
          insert.run(cols.map((c) => (table === 'originals' && c === 'bytes' ? Buffer.from(row[c] as string, 'base64') : row[c])));
        } catch (e) {
          // A constraint the schema can't see (a duplicate id, a CHECK): name the row; the transaction rolls back.
          throw new CommonplaceError('invalid_input', `tables.${table}[${i}] can't be restored: ${errorMessage(e)}. Nothing was imported.`);
        }
      });
    }
  })();
  return countsOf(doc);
}

/** Streams the file in (see readDocument.ts), so a restore reads back any export, however large. */
export function importLibraryJson(db: Database, file: string): Record<TableName, number> {
  return importLibraryDocument(db, checkLibraryDocument(readJsonDocument(file), file));
}
