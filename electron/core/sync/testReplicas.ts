/**
 * Test helpers for sync: replicas (real library files in temp folders, sharing a folder or each
 * with its own copy of it), syncing them until nothing moves, and a library's whole contents as
 * comparable data (every synced table row for row, device-local columns left out), so replicas
 * can be held equal.
 */
import { copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import { useTempDir } from '../../test/temp';
import { openDatabase } from '../db/open';
import { initSync, syncNow } from './engine';
import { checkSearchIndexes } from '../search/rebuild';
import { search } from '../search/search';

/** Columns that are this device's own: integer row ids (FTS rowids), link ids of derived links. */
const TABLES: Record<string, { sql: string }> = {
  originals: {
    // The stored form (compressed or not) is each device's own; the bytes are verified by hash on read.
    sql: 'SELECT hash, size, media_type, file_name, created_at FROM originals ORDER BY hash',
  },
  images: { sql: 'SELECT hash, bytes, size, media_type FROM images ORDER BY hash' },
  articles: {
    sql: 'SELECT id, title, subtitle, byline, published, site_name, lang, excerpt, source, format, hash, text, body, pages, created_at, updated_at FROM articles ORDER BY id',
  },
  article_meta: { sql: 'SELECT * FROM article_meta ORDER BY article_id' },
  article_state: { sql: 'SELECT * FROM article_state ORDER BY article_id' },
  collections: { sql: 'SELECT * FROM collections ORDER BY id' },
  collection_articles: {
    sql: 'SELECT * FROM collection_articles ORDER BY collection_id, article_id',
  },
  citation_styles: { sql: 'SELECT * FROM citation_styles ORDER BY id' },
  tags: { sql: 'SELECT * FROM tags ORDER BY id' },
  article_tags: { sql: 'SELECT * FROM article_tags ORDER BY article_id, tag_id' },
  passages: { sql: 'SELECT * FROM passages ORDER BY id' },
  passage_tags: { sql: 'SELECT * FROM passage_tags ORDER BY passage_id, tag_id' },
  notes: {
    sql: 'SELECT id, title, excerpt, word_count, deleted_at, created_at, updated_at, text, doc FROM notes ORDER BY id',
  },
  note_tags: { sql: 'SELECT * FROM note_tags ORDER BY note_id, tag_id' },
  links: { sql: "SELECT * FROM links WHERE origin = 'link' ORDER BY id" },
  // Mentions and quotes are derived on each device (their ids are its own): compared by what they join.
  derived_links: {
    sql: "SELECT from_article, from_passage, from_note, to_article, to_passage, to_note, relation, origin FROM links WHERE origin <> 'link' ORDER BY 1, 2, 3, 4, 5, 6, 7",
  },
};

/** The tables `libraryContents` compares. */
export const COMPARED_TABLES = Object.keys(TABLES);

export function libraryContents(db: Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [t, { sql }] of Object.entries(TABLES)) out[t] = db.prepare(sql).all();
  return out;
}

/**
 * The derived search indexes: consistent with their tables, and answering the same searches
 * (every word of every title and passage, as ids in rank order).
 */
export function searchContents(db: Database): {
  problems: string[];
  hits: Record<string, string[]>;
} {
  const words = new Set<string>();
  for (const t of db
    .prepare<[], string>(
      'SELECT title FROM articles UNION ALL SELECT exact FROM passages UNION ALL SELECT title FROM notes UNION ALL SELECT comment FROM passages',
    )
    .pluck()
    .all())
    for (const w of t.toLowerCase().match(/[a-z]{4,}/g) ?? []) words.add(w);
  const hits: Record<string, string[]> = {};
  for (const w of [...words].sort().slice(0, 60))
    hits[w] = search(db, w, { limit: 50 })
      .hits.map((h) => `${h.kind}:${h.id}`)
      .sort();
  return { problems: checkSearchIndexes(db), hits };
}

/** Real library files for sync tests, each in its own temp folder, closed after each test. */
export function useReplicas(prefix: string) {
  const tempDir = useTempDir(prefix);
  const open: Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });
  /** A library file (in a fresh folder unless `dir` is given), closed after the test. */
  const library = (dir = tempDir()): Database => {
    const db = openDatabase(join(dir, 'library.sqlite'));
    open.push(db);
    return db;
  };
  /** Devices sharing one folder, set up in order with these names. */
  const devices = (...names: string[]): Database[] => {
    const folder = tempDir();
    return names.map((name) => {
      const db = library();
      initSync(db, { folder, name });
      return db;
    });
  };
  /** Two devices offline: each syncs with its own copy of the folder until `exchange` copies both ways. */
  const offlinePair = (): { a: Database; b: Database; exchange: () => void } => {
    const [fa, fb] = [tempDir(), tempDir()];
    const [a, b] = [library(), library()];
    initSync(a, { folder: fa, name: 'Laptop' });
    copyFileSync(join(fa, 'commonplace-library.json'), join(fb, 'commonplace-library.json'));
    initSync(b, { folder: fb, name: 'Desktop' });
    const exchange = () => {
      cpSync(fa, fb, { recursive: true, force: false });
      cpSync(fb, fa, { recursive: true, force: false });
    };
    return { a, b, exchange };
  };
  return { tempDir, library, devices, offlinePair };
}

/**
 * Syncs every library until none sends or applies anything more: each sync without problems,
 * nothing left parked at the end.
 */
export function settle(...dbs: Database[]): void {
  for (let round = 0; round < 10; round++) {
    let moved = 0;
    for (const db of dbs) {
      const r = syncNow(db);
      expect(r.problems).toEqual([]);
      moved += r.sent + r.applied;
    }
    if (!moved) {
      for (const db of dbs) expect(parkedReasons(db)).toEqual([]);
      return;
    }
  }
  throw new Error('sync did not settle in 10 rounds');
}

/** What is still parked (waiting for what it refers to) on a library, by reason. */
export const parkedReasons = (db: Database): string[] =>
  db.prepare<[], string>('SELECT reason FROM sync_parked').pluck().all();
