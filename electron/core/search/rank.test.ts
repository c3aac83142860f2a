/**
 * How a match is counted and ranked (see `sizeMatch` in `search.ts`): whatever the newest keys
 * suggest about its size — a match crowded into the oldest keys, into the newest, or spread — the
 * result is the same as ranking the whole match: exact count and bm25 order up to the cap, an
 * estimate and tiers past it. Checked against plain reference queries, for several caps.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArticle } from '../articles/repo';
import { makeBody, paragraph } from '../../model/body';
import { newId, nowIso } from '../ids';
import { search } from './search';
import { openSearchLibrary } from './test-library';
import { writeTransaction } from '../db/transactions';

const ARTICLES = 160;
let dir: string;
let db: Database;

/** Which articles (0 = oldest) hold each word, and how often; "title" words are also in their titles. */
const WORDS: Record<string, (n: number) => number> = {
  older: (n) => (n < 60 ? 1 + (n % 4) : 0), // the oldest 60: the newest keys see none of it
  newer: (n) => (n >= ARTICLES - 16 ? 1 + (n % 3) : 0), // the newest 16 only
  spread: (n) => (n % 4 === 0 ? 1 + (n % 5) : 0), // one in four, everywhere
  平壤: (n) => (n % 5 === 1 ? 1 + (n % 2) : 0), // through the gram index
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-search-rank-'));
  db = openSearchLibrary(dir);
  writeTransaction(db, () => {
    for (let n = 0; n < ARTICLES; n++) {
      const words = Object.entries(WORDS).flatMap(([w, f]) => Array<string>(f(n)).fill(w));
      const text = `Article ${n} says ${words.join(' and ')} with filler text ${'x '.repeat(n % 7)}.`;
      const title =
        n % 10 <= 1
          ? `Title ${Object.keys(WORDS)
              .filter((w) => WORDS[w]!(n))
              .join(' ')}`
          : `Title ${n}`;
      const hash = createHash('sha256').update(`${n}`).digest('hex');
      db.prepare(
        'INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, ?, 1, ?, ?, ?)',
      ).run(hash, Buffer.from('x'), 'text/plain', `${n}.txt`, nowIso());
      insertArticle(db, {
        ...{
          id: newId(),
          title,
          subtitle: null,
          byline: null,
          published: null,
          siteName: null,
          lang: null,
          excerpt: null,
          source: null,
        },
        ...{ format: 'text', hash, text, body: makeBody([paragraph(text)]), createdAt: nowIso() },
      });
    }
  });
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const keyOf = (id: string) =>
  db.prepare('SELECT rid FROM articles WHERE id = ?').pluck().get(id) as number;

function reference(word: string): number[] {
  const table = /^\p{Script=Han}+$/u.test(word) ? 'articles_grams' : 'articles_fts';
  return db
    .prepare(
      `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY bm25(${table}, 1, 10, 5, 2, 2), rowid`,
    )
    .pluck()
    .all(`"${word}"`) as number[];
}

describe('counting and ranking a match, whatever its keys look like', () => {
  for (const word of Object.keys(WORDS)) {
    for (const cap of [5, 15, 40, 100]) {
      it(`${word}, cap ${cap}`, () => {
        const expected = reference(word);
        expect(expected.length).toBe(
          Array.from({ length: ARTICLES }, (_, n) => WORDS[word]!(n)).filter(Boolean).length,
        );
        const r = search(db, word, { kind: 'article', limit: 200, rankCap: cap });
        const keys = r.hits.map((h) => keyOf(h.id));
        if (expected.length <= cap) {
          expect(r.estimated).toEqual([]);
          expect(r.counts.article).toBe(expected.length);
          expect(keys).toEqual(expected);
        } else {
          expect(r.estimated).toEqual(['article']);
          expect(r.counts.article).toBeGreaterThan(cap);
          // Tiers: title hits newest first, then the others newest first; every match, once.
          expect(new Set(keys)).toEqual(new Set(expected));
          const titled = r.hits.filter((h) => h.score === 2).map((h) => keyOf(h.id));
          const rest = r.hits.filter((h) => h.score === 1).map((h) => keyOf(h.id));
          expect(keys).toEqual([...titled, ...rest]);
          for (const tier of [titled, rest]) expect(tier).toEqual([...tier].sort((a, b) => b - a));
          expect(titled.length).toBeGreaterThan(0);
        }
      });
    }
  }

  it('pages through a ranked match without gaps or repeats', () => {
    const all = search(db, 'older', { kind: 'article', limit: 60 }).hits.map((h) => h.id);
    const pages = [0, 20, 40].flatMap((offset) =>
      search(db, 'older', { kind: 'article', limit: 20, offset }).hits.map((h) => h.id),
    );
    expect(pages).toEqual(all);
    expect(new Set(all).size).toBe(60);
  });
});

describe('kinds ranked below a full page of tiers', () => {
  it('are counted but not ranked only when no row of theirs can reach the page', () => {
    const lib = openSearchLibrary(mkdtempSync(join(tmpdir(), 'commonplace-search-outranked-')));
    try {
      writeTransaction(lib, () => {
        for (let n = 0; n < 30; n++) {
          const text = `The tide rose at the harbour, day ${n}.`;
          const hash = createHash('sha256').update(`a${n}`).digest('hex');
          lib
            .prepare(
              'INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, ?, 1, ?, ?, ?)',
            )
            .run(hash, Buffer.from('x'), 'text/plain', `${n}.txt`, nowIso());
          insertArticle(lib, {
            ...{
              id: newId(),
              title: n % 3 ? `Harbour log ${n}` : `The tide, ${n}`,
              subtitle: null,
              byline: null,
              published: null,
              siteName: null,
              lang: null,
              excerpt: null,
            },
            ...{
              source: null,
              format: 'text',
              hash,
              text,
              body: makeBody([paragraph(text)]),
              createdAt: nowIso(),
            },
          });
        }
        // 20 notes: "the" in 18 of them (bm25 below 1 whatever the note), "tide" in 5 (one in a title: above 2).
        for (let n = 0; n < 20; n++) {
          const title = n === 0 ? 'Tide tables' : `Note ${n}`;
          const text = `${n < 18 ? 'the ' : ''}${n < 5 ? 'tide ' : ''}notes ${n}`;
          lib
            .prepare(
              'INSERT INTO notes (id, title, doc, text, word_count, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)',
            )
            .run(newId(), title, '{}', text, nowIso(), nowIso());
        }
      });
      for (const word of ['the', 'tide']) {
        const whole = search(lib, word, { limit: 60, rankCap: 20 }); // 60 > the 21 tier rows known: every kind ranked
        expect(whole.estimated).toEqual(['article']);
        expect(whole.counts.note).toBe(word === 'the' ? 18 : 5);
        for (const [offset, limit] of [
          [0, 5],
          [3, 8],
          [0, 11],
        ] as const) {
          const page = search(lib, word, { limit, offset, rankCap: 20 });
          expect(page.counts).toEqual(whole.counts);
          expect(page.hits.map((h) => h.id)).toEqual(
            whole.hits.slice(offset, offset + limit).map((h) => h.id),
          );
        }
      }
      // "tide": the note titled with it outranks every article tier, so notes were ranked.
      expect(search(lib, 'tide', { limit: 5, rankCap: 20 }).hits[0]).toMatchObject({
        kind: 'note',
        title: 'Tide tables',
      });
    } finally {
      lib.close();
    }
  });
});
