import type { Database } from 'better-sqlite3';
import { backfillSearchIndexes } from '../db/migrations/0003_search';
import { backfillNotesSearch, EXPECTED_NOTE_ROWS, noteCjkRows } from '../db/migrations/0005_notes_search';
import { UNSPACED_GLOB } from './scripts';

const INDEXES = ['articles_fts', 'articles_cjk', 'passages_fts', 'passages_cjk', 'notes_fts', 'notes_cjk'];

/**
 * Rebuilds every search index from the tables (the `reindex` repair command), in one
 * transaction: word and trigram indexes of articles, and of live passages and notes with their tags.
 */
export function rebuildSearchIndexes(db: Database): void {
  db.transaction(() => {
    db.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');`);
    backfillSearchIndexes(db);
    backfillNotesSearch(db);
  })();
  // Merge the segments the rebuild wrote, so the first searches afterwards are not slower.
  for (const t of INDEXES) db.exec(`INSERT INTO ${t} (${t}) VALUES ('optimize')`);
}

/**
 * Differences between the search indexes and the tables they index, described in words; empty
 * when the indexes are exact. FTS5's own integrity check compares each index with its content;
 * the passage rows are compared with what the triggers should have written.
 */
export function checkSearchIndexes(db: Database): string[] {
  const problems: string[] = [];
  for (const t of INDEXES) {
    try {
      db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('integrity-check', 1)`).run();
    } catch (e) {
      problems.push(`${t}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const expected = `
    SELECT s.rid, p.exact, p.comment,
      coalesce((SELECT group_concat(t.name, ' ; ') FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id), '') AS tags
    FROM passages p JOIN passage_search_ids s ON s.passage_id = p.id WHERE p.deleted_at IS NULL`;
  const cjk = `SELECT rid, exact || '  ', comment || '  ', tags || '  ' FROM (${expected})
    WHERE exact GLOB '${UNSPACED_GLOB}' OR comment GLOB '${UNSPACED_GLOB}' OR tags GLOB '${UNSPACED_GLOB}'`;
  const differences = (a: string, b: string) => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM (${a} EXCEPT ${b})`).get()?.n ?? 0;
  for (const [table, rows] of [['passages_fts', expected], ['passages_cjk', cjk]] as const) {
    const stored = `SELECT rowid, exact, comment, tags FROM ${table}`;
    const missing = differences(rows, stored);
    const extra = differences(stored, rows);
    if (missing) problems.push(`${table}: ${missing} live passage(s) missing or out of date`);
    if (extra) problems.push(`${table}: ${extra} row(s) for deleted or changed passages`);
  }
  const notes = `SELECT rid, title, text, tags FROM (${EXPECTED_NOTE_ROWS})`;
  for (const [table, rows] of [['notes_fts', notes], ['notes_cjk', noteCjkRows(EXPECTED_NOTE_ROWS)]] as const) {
    const stored = `SELECT rowid, title, text, tags FROM ${table}`;
    const missing = differences(rows, stored);
    const extra = differences(stored, rows);
    if (missing) problems.push(`${table}: ${missing} live note(s) missing or out of date`);
    if (extra) problems.push(`${table}: ${extra} row(s) for deleted or changed notes`);
  }
  const unmapped = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM passages WHERE id NOT IN (SELECT passage_id FROM passage_search_ids)').get()?.n ?? 0;
  if (unmapped) problems.push(`passage_search_ids: ${unmapped} passage(s) without a search id`);
  return problems;
}
