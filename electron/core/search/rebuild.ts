import type { Database } from 'better-sqlite3';
import { cjkGrams } from './grams';
import {
  cjkRows,
  EXPECTED_NOTE_ROWS,
  EXPECTED_PASSAGE_ROWS,
  GRAM_COLUMNS,
  GRAM_SOURCES,
  REFILL_SEARCH_INDEXES,
} from './indexes';
import { writeTransaction } from '../db/transactions';

const GRAM_INDEXES = ['articles_grams', 'passages_grams', 'notes_grams'] as const;
const INDEXES = [
  'articles_fts',
  'articles_cjk',
  'passages_fts',
  'passages_cjk',
  'notes_fts',
  'notes_cjk',
  ...GRAM_INDEXES,
];

/**
 * Rebuilds every search index from the tables (the `reindex` repair command), in one
 * transaction: word, trigram and gram indexes of articles, and of live passages and notes with
 * their tags.
 */
export function rebuildSearchIndexes(db: Database): void {
  writeTransaction(db, () => db.exec(REFILL_SEARCH_INDEXES));
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
  const differences = (a: string, b: string) =>
    db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM (${a} EXCEPT ${b})`).get()?.n ?? 0;
  const PASSAGE = ['exact', 'comment', 'tags'] as const;
  const NOTE = ['title', 'text', 'tags'] as const;
  for (const [table, rows, columns, noun] of [
    ['passages_fts', EXPECTED_PASSAGE_ROWS, PASSAGE, 'passage'],
    ['passages_cjk', cjkRows(EXPECTED_PASSAGE_ROWS, PASSAGE), PASSAGE, 'passage'],
    ['notes_fts', EXPECTED_NOTE_ROWS, NOTE, 'note'],
    ['notes_cjk', cjkRows(EXPECTED_NOTE_ROWS, NOTE), NOTE, 'note'],
  ] as const) {
    const stored = `SELECT rowid, ${columns.join(', ')} FROM ${table}`;
    const expected = `SELECT rid, ${columns.join(', ')} FROM (${rows})`;
    const missing = differences(expected, stored);
    const extra = differences(stored, expected);
    if (missing) problems.push(`${table}: ${missing} live ${noun}(s) missing or out of date`);
    if (extra) problems.push(`${table}: ${extra} row(s) for deleted or changed ${noun}s`);
  }
  problems.push(...GRAM_INDEXES.flatMap((t) => gramProblems(db, t)));
  const unmapped =
    db
      .prepare<[], { n: number }>(
        'SELECT count(*) AS n FROM passages WHERE id NOT IN (SELECT passage_id FROM passage_search_ids)',
      )
      .get()?.n ?? 0;
  if (unmapped) problems.push(`passage_search_ids: ${unmapped} passage(s) without a search id`);
  return problems;
}

/** Numbers from an SQLite varint sequence (the format of FTS5's per-row column sizes). */
function varints(blob: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < blob.length) {
    let v = 0;
    for (let k = 0; i < blob.length; k++) {
      const b = blob[i++]!;
      if (k === 8) {
        v = v * 256 + b;
        break;
      }
      v = v * 128 + (b & 0x7f);
      if (!(b & 0x80)) break;
    }
    out.push(v);
  }
  return out;
}

/**
 * A gram index keeps no text, so it is compared with its rows by key and, for each row, by the
 * number of grams FTS5 recorded per column (a row indexed from old text almost always differs).
 */
function gramProblems(db: Database, table: (typeof GRAM_INDEXES)[number]): string[] {
  const stored = new Map<number, string>();
  for (const r of db.prepare(`SELECT id, sz FROM ${table}_docsize`).all() as Array<{
    id: number;
    sz: Uint8Array;
  }>)
    stored.set(r.id, varints(r.sz).join(','));
  // The sizes in the index's own column order (a library from before migration 15 has the
  // article text last), as the `c<i>` names of its source rows.
  const order = (
    db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]
  ).map((name) => `c${GRAM_COLUMNS[table].indexOf(name)}`);
  let missing = 0;
  let stale = 0;
  for (const row of db.prepare(GRAM_SOURCES[table]).iterate() as Iterable<
    Record<string, string | number | null>
  >) {
    const rid = row.rid as number;
    const sizes = stored.get(rid);
    stored.delete(rid);
    if (sizes === undefined) missing++;
    else {
      const expected = order.map((c) => {
        const grams = cjkGrams(typeof row[c] === 'string' ? (row[c] as string) : null);
        return grams ? grams.split(' ').length : 0;
      });
      if (expected.join(',') !== sizes) stale++;
    }
  }
  const problems: string[] = [];
  if (missing) problems.push(`${table}: ${missing} row(s) missing`);
  if (stale) problems.push(`${table}: ${stale} row(s) out of date`);
  if (stored.size)
    problems.push(`${table}: ${stored.size} row(s) for deleted rows or rows without CJK text`);
  // bm25's statistics: the first number of FTS5's averages record is the row count it ranks by.
  // A contentless table never takes deleted rows out of it (see migration 9).
  const averages = db
    .prepare<[], Uint8Array>(`SELECT block FROM ${table}_data WHERE id = 1`)
    .pluck()
    .get();
  const counted = averages ? (varints(averages)[0] ?? 0) : 0;
  const rows = db.prepare<[], number>(`SELECT count(*) FROM ${table}_docsize`).pluck().get() ?? 0;
  if (counted !== rows)
    problems.push(
      `${table}: ranking statistics count ${counted} row(s) for ${rows} (rows re-indexed since the last reindex)`,
    );
  return problems;
}
