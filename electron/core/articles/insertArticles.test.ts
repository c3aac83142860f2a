import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { makeBody, paragraph } from '../../model/body';
import { openDatabase } from '../db/open';
import { writeTransaction } from '../db/transactions';
import { search } from '../search/search';
import { insertOriginal } from './originalStore';
import { insertArticle, insertArticles, type NewArticle } from './repo';

const tempDir = useTempDir('commonplace-insert-articles-');

const WORDS = ['carbon', 'tax', 'levy', 'committee', 'quillwort', 'café', 'survey', 'harbour'];

/** 70 articles (more than one chunk size, not a multiple of any), some in Chinese, one with contents. */
function articles(): NewArticle[] {
  return Array.from({ length: 70 }, (_, i) => {
    const words = Array.from({ length: 40 }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]);
    const text =
      i % 9 === 4
        ? `国事访问期间，双方在平壤举行会谈 ${i}。`
        : `${words.join(' ')} number${i}.\n\nSecond paragraph ${i}.`;
    return {
      id: `article-${String(i).padStart(3, '0')}`,
      title: `Article ${i}`,
      subtitle: i % 5 === 0 ? `Subtitle ${i}` : null,
      byline: i % 3 === 0 ? `Author ${i}` : null,
      published: i % 4 === 0 ? '2024-05-01' : null,
      siteName: null,
      lang: i % 9 === 4 ? 'zh' : 'en',
      excerpt: null,
      source: `/docs/${i}.txt`,
      format: 'text',
      hash: createHash('sha256').update(`file ${i}`).digest('hex'),
      text,
      body: makeBody(text.split('\n\n').map(paragraph)),
      ...(i === 10 ? { contents: [{ title: 'Start', level: 1, start: 0 }] } : {}),
      ...(i === 11 ? { meta: { publisher: 'Harbour Press' } } : {}),
      createdAt: '2024-06-01T00:00:00.000Z',
    };
  });
}

function library(
  name: string,
  write: (db: Database, list: NewArticle[]) => void,
  setup: (db: Database) => void = () => {},
): Database {
  const db = openDatabase(join(tempDir(), `${name}.sqlite`));
  setup(db);
  const list = articles();
  writeTransaction(db, () => {
    for (const a of list)
      insertOriginal(db, {
        hash: a.hash,
        bytes: Buffer.from(`file ${a.id}`),
        mediaType: 'text/plain',
        fileName: `${a.id}.txt`,
        createdAt: a.createdAt,
      });
    write(db, list);
  });
  return db;
}

/** Segments in an FTS5 index: its structure record (rowid 10) starts with a 4-byte cookie, an
 * optional version marker, then the number of levels and of segments (varints below 128 here). */
function segments(db: Database, table: string): number {
  const block = db.prepare(`SELECT block FROM ${table}_data WHERE id = 10`).pluck().get() as Buffer;
  let i = 4;
  if (block.subarray(4, 8).equals(Buffer.from([0xff, 0, 0, 1]))) i += 4;
  expect(block[i + 1]).toBeLessThan(128);
  return block[i + 1]!;
}

const rows = (db: Database, sql: string) => db.prepare(sql).all();

describe('insertArticles', () => {
  it('writes the same rows, changes and search answers as one insert per article', () => {
    const one = library('one', (db, list) => list.forEach((a) => insertArticle(db, a)));
    const many = library('many', (db, list) => insertArticles(db, list));
    try {
      for (const sql of [
        'SELECT id, title, subtitle, byline, published, lang, source, format, hash, text, body, pages, contents, created_at, updated_at FROM articles ORDER BY rid',
        'SELECT * FROM article_order ORDER BY article_id',
        'SELECT article_id, imported FROM article_meta ORDER BY article_id',
        // Per article in the same order (an article's metadata follows its insert; the batch's come last).
        "SELECT entity, entity_id, op FROM changes WHERE entity = 'article' ORDER BY entity_id, seq",
        'SELECT rowid FROM articles_cjk ORDER BY rowid',
      ])
        expect(rows(many, sql)).toEqual(rows(one, sql));
      expect(rows(many, 'SELECT contents FROM articles WHERE contents IS NOT NULL')).toHaveLength(
        1,
      );
      for (const q of ['carbon', '"carbon tax"', 'cafe', 'number33', '平壤', 'harbour', 'Author'])
        expect(search(many, q, { limit: 100 }).hits.map((h) => h.id)).toEqual(
          search(one, q, { limit: 100 }).hits.map((h) => h.id),
        );
      for (const table of ['articles_fts', 'articles_cjk', 'articles_grams', 'article_titles_tri'])
        many.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`);
    } finally {
      one.close();
      many.close();
    }
  });

  it('adds many articles to the word index as a few segments, not one per article', () => {
    // Why it is faster: FTS5 writes its pending terms as a segment at every statement savepoint.
    // Merging off (this library only), so the count is of segments written.
    const noMerge = (db: Database) =>
      db.exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0);
        INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 1000)`);
    const one = library('one', (db, list) => list.forEach((a) => insertArticle(db, a)), noMerge);
    const many = library('many', (db, list) => insertArticles(db, list), noMerge);
    try {
      // 70 = 64 + 4 + 2: three statements, three segments; one by one, about one per article.
      expect(segments(many, 'articles_fts')).toBe(3);
      expect(segments(one, 'articles_fts')).toBeGreaterThanOrEqual(60);
    } finally {
      one.close();
      many.close();
    }
  });
});
