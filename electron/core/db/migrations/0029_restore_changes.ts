import type { Database } from 'better-sqlite3';
import { CommonplaceError } from '../../errors';
import type { Migration } from '../migrate';

// Frozen copy (a migration never imports live code).
const SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

const OLD_CHECK = "CHECK (op IN ('insert', 'update', 'delete'))";
const NEW_CHECK = "CHECK (op IN ('insert', 'update', 'delete', 'restore'))";

/**
 * A restore from the trash is its own kind of change (`restore`), not an `update`: views that
 * count what is in the trash (collections, tags, a links panel's ends) refetched on every edit of
 * an article's details because the log could not tell the two apart.
 *
 * The log's `op` CHECK only gets looser, which changes nothing stored on disk, so (as migration 6
 * did for `articles.format`) the table's SQL is edited in sqlite_schema under writable_schema,
 * with schema_version bumped so every connection reloads it; rebuilding `changes` would copy the
 * whole log. better-sqlite3's defensive mode is lifted for these statements only.
 */
function loosenOpCheck(db: Database): void {
  const row = db
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'changes'",
    )
    .get();
  if (!row) throw new CommonplaceError('internal', 'migration 29: the changes table is missing');
  if (!row.sql.includes(OLD_CHECK))
    throw new CommonplaceError(
      'internal',
      'migration 29: the changes table has an unexpected op constraint',
    );
  const version = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'changes'").run(
      row.sql.replace(OLD_CHECK, NEW_CHECK),
    );
    db.pragma(`schema_version = ${version + 1}`);
  } finally {
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
  }
}

/** The op of a soft-deletable row's update: into the trash, out of it, or anything else. */
const TRASH_OP = `CASE WHEN new.deleted_at IS NOT NULL AND old.deleted_at IS NULL THEN 'delete'
              WHEN new.deleted_at IS NULL AND old.deleted_at IS NOT NULL THEN 'restore'
              ELSE 'update' END`;

export const restoreChanges: Migration = {
  version: 29,
  name: 'restore_changes',
  up(db) {
    loosenOpCheck(db);
    // The same triggers as migrations 2, 4 and 21 wrote, but for the restore's op.
    db.exec(`
      DROP TRIGGER passages_au;
      CREATE TRIGGER passages_au AFTER UPDATE ON passages BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('passage', new.id, ${TRASH_OP}, ${SQL_NOW});
      END;
      DROP TRIGGER notes_au;
      CREATE TRIGGER notes_au AFTER UPDATE ON notes BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES ('note', new.id, ${TRASH_OP}, ${SQL_NOW});
      END;
      DROP TRIGGER article_state_au;
      CREATE TRIGGER article_state_au AFTER UPDATE ON article_state BEGIN
        INSERT INTO changes(entity, entity_id, op, at)
          VALUES (
            CASE WHEN old.deleted_at IS new.deleted_at AND old.read_at IS new.read_at
                  AND old.last_read_at IS new.last_read_at
                  AND old.reading_offset IS NOT new.reading_offset THEN 'reading_place' ELSE 'article' END,
            new.article_id,
            ${TRASH_OP},
            ${SQL_NOW});
      END;
    `);
  },
};
