/**
 * The search plans that matter at scale — tag filters driven by the tag's keys, and matches too
 * large to rank with bm25 (ranked by tiers, counted by estimate) — checked against plain reference
 * queries on a generated library (the benchmark's corpus, smaller articles).
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCorpus, prng, TAGS } from '../../bench/search/corpus';
import { insertArticle } from '../articles/repo';
import { makeBody, paragraph } from '../../model/body';
import { newId, nowIso } from '../ids';
import { createPassage } from '../passages/repo';
import { ensureTags, tagArticle } from '../tags/repo';
import { compileTextMatch } from './match';
import { parseQuery } from './query';
import { search } from './search';
import { compileKind } from './sql';
import { openSearchLibrary } from './test-library';
import { safeTagKey } from '../tags/names';
import { writeTransaction } from '../db/transactions';

const ARTICLES = 600;
let dir: string;
let db: Database;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-search-scale-'));
  db = openSearchLibrary(dir);
  const corpus = makeCorpus({ seed: 7, articleChars: 1200 });
  const rand = prng(8);
  writeTransaction(db, () => {
    for (let n = 0; n < ARTICLES; n++) {
      const a = corpus.article(n);
      const hash = createHash('sha256').update(`${n}`).digest('hex');
      db.prepare(
        'INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, ?, 1, ?, ?, ?)',
      ).run(hash, Buffer.from('x'), 'text/plain', `${n}.txt`, nowIso());
      const id = newId();
      insertArticle(db, {
        ...{
          id,
          title: a.title,
          subtitle: null,
          byline: null,
          published: a.published,
          siteName: a.siteName,
          lang: a.lang,
          excerpt: null,
          source: a.source,
        },
        ...{
          format: 'text',
          hash,
          text: a.text,
          body: makeBody(a.text.split('\n\n').map(paragraph)),
          createdAt: nowIso(),
        },
      });
      // More tags than the benchmark's 10%, so that every tag has rows here.
      if (rand() < 0.4) tagArticle(db, id, ensureTags(db, [TAGS[n % 6]!]));
      if (n % 3 === 0) {
        const from = a.text.indexOf(' ', Math.floor(rand() * (a.text.length - 150))) + 1;
        createPassage(db, {
          articleId: id,
          start: from,
          end: from + 120,
          color: 'yellow',
          tags: rand() < 0.6 ? [TAGS[(n + 1) % 6]!] : [],
          comment: '',
        });
      }
    }
  });
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const keysOf = (sql: string, ...args: unknown[]) =>
  new Set(
    db
      .prepare(sql)
      .pluck()
      .all(...args) as number[],
  );

/** Reference: the article keys carrying a tag, by their own tags or their live passages'. */
function articleTagKeys(tag: string): Set<number> {
  return keysOf(
    `SELECT a.rid FROM articles a WHERE a.id IN (SELECT article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name_key = ?)
       OR a.id IN (SELECT p.article_id FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id JOIN tags t ON t.id = pt.tag_id WHERE t.name_key = ? AND p.deleted_at IS NULL)`,
    tag,
    tag,
  );
}

/** Reference: every match of `word` in an index, bm25-ranked with the given weights, as [key, score]. */
function ranked(table: string, weights: string, word: string): Array<[number, number]> {
  return (
    db
      .prepare(
        `SELECT rowid AS k, bm25(${table}, ${weights}) AS s FROM ${table} WHERE ${table} MATCH ? ORDER BY s, rowid`,
      )
      .all(`"${word}"`) as Array<{ k: number; s: number }>
  ).map((r) => [r.k, r.s]);
}

const articleKey = (id: string) =>
  db.prepare('SELECT rid FROM articles WHERE id = ?').pluck().get(id) as number;
const passageKey = (id: string) =>
  db.prepare('SELECT rid FROM passage_search_ids WHERE passage_id = ?').pluck().get(id) as number;

describe('tag filters driven by the tag', () => {
  for (const [tag, word] of [
    ['energy', 'policy'],
    ['climate', 'the'],
    ['economics', 'of'],
  ] as const) {
    it(`tag:${tag} ${word}: the same articles and passages, in the same bm25 order, as filtering the ranked match`, () => {
      const tagged = articleTagKeys(tag);
      const expected = ranked('articles_fts', '1, 10, 5, 2, 2', word).filter(([k]) =>
        tagged.has(k),
      );
      expect(expected.length).toBeGreaterThan(5);
      const r = search(db, `tag:${tag} ${word}`, { kind: 'article', limit: 200 });
      expect(r.counts.article).toBe(expected.length);
      expect(r.estimated).toEqual([]);
      expect(r.hits.map((h) => articleKey(h.id))).toEqual(expected.slice(0, 200).map(([k]) => k));

      const taggedPassages = keysOf(
        `SELECT s.rid FROM passage_search_ids s JOIN passage_tags pt ON pt.passage_id = s.passage_id JOIN tags t ON t.id = pt.tag_id WHERE t.name_key = ?`,
        tag,
      );
      const expectedPassages = ranked('passages_fts', '1, 2, 8', word).filter(([k]) =>
        taggedPassages.has(k),
      );
      const p = search(db, `tag:${tag} ${word}`, { kind: 'passage', limit: 200 });
      expect(p.counts.passage).toBe(expectedPassages.length);
      expect(p.hits.map((h) => passageKey(h.id))).toEqual(expectedPassages.map(([k]) => k));
    });
  }

  it('reads no passage or article row to filter passages by tag (the plan tests keys only)', () => {
    const q = parseQuery('tag:energy policy', { tagKey: safeTagKey });
    const s = compileKind(
      'passage',
      q,
      compileTextMatch(q, () => []),
    );
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN ${s.page}`)
        .all({ ...s.params, limit: 20, offset: 0 }) as Array<{ detail: string }>
    ).map((r) => r.detail);
    expect(plan[0]).toMatch(/^SCAN passages_fts VIRTUAL TABLE/);
    expect(plan.some((d) => /SEARCH (p|a) /.test(d))).toBe(false);
  });
});

describe('matches too large to rank', () => {
  const trueCount = (word: string) =>
    db
      .prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?')
      .pluck()
      .get(`"${word}"`) as number;
  const titleHas = (id: string, word: string) =>
    new RegExp(`\\b${word}\\b`, 'i').test(
      db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(id) as string,
    );

  it('below the cap: exact count, bm25 order; above it: an estimate, title hits first, each tier newest first', () => {
    const exact = search(db, 'the', { kind: 'article', limit: 50 });
    expect(exact.estimated).toEqual([]);
    expect(exact.counts.article).toBe(trueCount('the'));

    // "is": in nearly every body, in few titles — so a page holds both tiers.
    const r = search(db, 'is', { kind: 'article', limit: 200, rankCap: 40 });
    expect(r.estimated).toContain('article');
    expect(r.counts.article).toBeGreaterThan(trueCount('is') * 0.7);
    expect(r.counts.article).toBeLessThan(trueCount('is') * 1.3);
    expect(r.total).toBe(r.counts.article);
    const tiers = r.hits.map((h) => h.score);
    expect(tiers).toEqual([...tiers].sort((a, b) => b - a));
    expect(new Set(tiers)).toEqual(new Set([2, 1])); // both tiers on this page
    for (const h of r.hits) expect(titleHas(h.id, 'is')).toBe(h.score === 2);
    for (const tier of [2, 1]) {
      const keys = r.hits.filter((h) => h.score === tier).map((h) => articleKey(h.id));
      expect(keys).toEqual([...keys].sort((a, b) => b - a));
    }
    const matches = keysOf(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"is"'`);
    for (const h of r.hits) expect(matches.has(articleKey(h.id))).toBe(true);
  });

  it('takes tier 2 from the newest keys it already read, as the tier-2 query would give it', () => {
    const fromNewest = search(db, 'is', { kind: 'article', limit: 80, rankCap: 150 });
    const fromQuery = search(db, 'is', { kind: 'article', limit: 80, rankCap: 20 }); // too few newest keys
    expect(fromNewest.hits.filter((h) => h.score === 1).length).toBeGreaterThan(10);
    expect(fromNewest.hits.map((h) => h.id)).toEqual(fromQuery.hits.map((h) => h.id));
  });

  it('pages through tiers without gaps or repeats', () => {
    const all = search(db, 'the', { kind: 'article', limit: 45, rankCap: 40 }).hits.map(
      (h) => h.id,
    );
    const pages = [0, 15, 30].flatMap((offset) =>
      search(db, 'the', { kind: 'article', limit: 15, offset, rankCap: 40 }).hits.map((h) => h.id),
    );
    expect(pages).toEqual(all);
    expect(new Set(all).size).toBe(45);
  });

  it('keeps every other condition of the query in both tiers', () => {
    const r = search(db, 'the site:example3.com -quillwort', {
      kind: 'article',
      limit: 200,
      rankCap: 2,
    });
    expect(r.estimated).toContain('article');
    expect(r.hits.length).toBeGreaterThan(2);
    for (const h of r.hits)
      expect(db.prepare('SELECT source FROM articles WHERE id = ?').pluck().get(h.id)).toMatch(
        /^https:\/\/example3\.com\//,
      );
    const tagged = search(db, 'tag:energy the', { kind: 'article', limit: 200, rankCap: 3 });
    const keys = articleTagKeys('energy');
    for (const h of tagged.hits) expect(keys.has(articleKey(h.id))).toBe(true);
  });
});
