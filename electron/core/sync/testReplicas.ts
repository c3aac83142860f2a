/**
 * Test helpers for sync: a library's whole contents as comparable data (every synced table row
 * for row, device-local columns left out), so replicas can be held equal.
 */
import type { Database } from 'better-sqlite3';
import { checkSearchIndexes } from '../search/rebuild';
import { search } from '../search/search';

/** Columns that are this device's own: integer row ids (FTS rowids), link ids of derived links. */
const TABLES: Record<string, { sql: string }> = {
  originals: {
    // The stored form (compressed or not) is each device's own; the bytes are verified by hash on read.
    sql: 'SELECT hash, size, media_type, file_name, created_at FROM originals ORDER BY hash',
  },
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
