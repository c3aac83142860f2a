import type { Database } from 'better-sqlite3';
import { CommonplaceError } from '../../errors';
import type { Migration } from '../migrate';

const OLD_CHECK = "CHECK (format IN ('text', 'markdown', 'html'))";
const NEW_CHECK = "CHECK (format IN ('text', 'markdown', 'html', 'pdf', 'epub', 'docx'))";

/**
 * PDF, EPUB and DOCX articles, and the page starts of paginated sources.
 *
 * SQLite can't alter a CHECK constraint. Rebuilding `articles` (the documented 12-step way) needs
 * foreign keys off, which can't be switched inside the transaction every migration runs in, and
 * with them on, dropping the old table would cascade-delete every passage and article tag. A
 * CHECK that only gets looser changes nothing stored on disk, so this uses SQLite's documented
 * alternative for such changes: edit the table's SQL in sqlite_schema under writable_schema and
 * bump schema_version so every connection reloads the schema. Indexes, triggers and the FTS
 * tables are separate schema rows and stay exactly as they were. better-sqlite3 opens
 * connections in defensive mode, which forbids that write; it is lifted for these statements only.
 */
export function loosenFormatCheck(db: Database): void {
  const row = db
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'articles'",
    )
    .get();
  if (!row) throw new CommonplaceError('internal', 'migration 6: the articles table is missing');
  if (row.sql.includes(NEW_CHECK)) return;
  if (!row.sql.includes(OLD_CHECK))
    throw new CommonplaceError(
      'internal',
      'migration 6: the articles table has an unexpected format constraint',
    );
  const version = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'articles'").run(
      row.sql.replace(OLD_CHECK, NEW_CHECK),
    );
    db.pragma(`schema_version = ${version + 1}`);
  } finally {
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
  }
}

export const formats: Migration = {
  version: 6,
  name: 'formats',
  up(db) {
    loosenFormatCheck(db);
    // JSON [{label, start}]: where each printed page starts in the canonical text (PDF).
    db.exec(
      'ALTER TABLE articles ADD COLUMN pages TEXT CHECK (pages IS NULL OR json_valid(pages))',
    );
  },
};
