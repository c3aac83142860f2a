import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { search, type SearchResult } from './search';
import { SNIPPET_HIT_CLOSE as HIT_CLOSE, SNIPPET_HIT_OPEN as HIT_OPEN } from '../../model/search';
import { addArticle, addPassage, articleText, openSearchLibrary } from './test-library';

// One library for the read-only tests below (built once: importing is the slow part).
let dir: string;
let db: Database;
const ids: Record<string, string> = {};

const titles = (r: SearchResult) => r.hits.map((h) => h.title);
const articleTitles = (q: string) => titles(search(db, q, { kind: 'article', limit: 200 }));
/** The hit texts between markers, in order. */
const marked = (snippet: string) =>
  [...snippet.matchAll(/\u0002([^\u0003]*)\u0003/g)].map((m) => m[1]!);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-search-'));
  db = openSearchLibrary(dir);
  ids.titleHit = addArticle(db, {
    title: 'Permafrost and the thawing north',
    body: 'Scientists measured the ground temperature across Siberia for a decade. The soil is warming faster than the air above it.',
  });
  ids.bodyHit = addArticle(db, {
    title: 'A decade of Arctic fieldwork',
    body: 'Permafrost covers a quarter of the northern hemisphere. Permafrost holds ancient soil. When permafrost thaws, permafrost releases methane.',
  });
  ids.cafe = addArticle(db, {
    title: 'Café society in Montréal',
    body: 'The naïve charm of the old cafés draws crowds; a résumé of the scene follows.',
    lang: 'fr-CA',
    published: '2019-05-04',
    site: 'Le Devoir',
    source: 'https://www.ledevoir.com/culture/cafes',
  });
  ids.tax = addArticle(db, {
    title: 'Pricing emissions',
    body: 'A carbon tax puts a price on each tonne emitted. Economists call it efficient; the economy adjusts. Coal plants close first.',
    published: '2023-02-10',
    tags: ['energy', 'climate policy'],
    source: 'https://news.example.org/2023/carbon',
  });
  ids.levy = addArticle(db, {
    title: 'A levy on fuel',
    body: 'The levy is a tax on carbon content, charged at the pump. Climate groups welcomed it; coal was exempt.',
    published: '2024-08-01',
    source: '/home/reader/notes/levy.md',
  });
  ids.climate = addArticle(db, {
    title: 'Climate talks end',
    body: 'Delegates agreed on climate finance but not on fossil fuels. No mention of the old mines.',
    published: '2024-12-01',
  });
  ids.zh = addArticle(db, {
    title: '普京抵达平壤',
    body: '俄罗斯总统普京抵达平壤，开始对朝鲜进行国事访问。这是普京二十四年来首次访问朝鲜。记者来自上海',
    lang: 'zh',
  });
  ids.ja = addArticle(db, {
    title: 'プーチン大統領が平壌を訪問',
    body: 'プーチン大統領は平壌に到着し、北朝鮮を国賓として訪問した。東京の記者も同行した。',
    lang: 'ja',
  });
  ids.ko = addArticle(db, {
    title: '푸틴 대통령 평양 도착',
    body: '블라디미르 푸틴 러시아 대통령이 평양에 도착했다. 푸틴은 24년 만에 북한을 방문했다.',
    lang: 'ko-KR',
  });
  ids.mixed = addArticle(db, {
    title: 'Putin in Pyongyang',
    body: 'Putin (푸틴) arrived in Pyongyang for a state visit, Korean media reported.',
    lang: 'en',
  });
  ids.en = addArticle(db, {
    title: 'Summit diplomacy',
    body: 'Putin met the North Korean leader; the talks lasted two hours.',
  });
  ids.he = addArticle(db, {
    title: 'ביקור בירושלים',
    body: 'ראש הממשלה נפגש עם נשיא צרפת בירושלים ודיבר על השלום.',
    lang: 'he',
  });
  ids.ar = addArticle(db, {
    title: 'زيارة دولة',
    body: 'وصل الرئيس الروسي إلى بيونغ يانغ في زيارة دولة تستمر يومين.',
    lang: 'ar',
  });
  ids.short = addArticle(db, {
    title: '北京',
    body: 'A note written in English about a trip, with one word at the end: 上海',
  });

  ids.pTax = addPassage(db, ids.tax, 'A carbon tax puts a price on each tonne emitted', {
    tags: ['energy', 'Key quotes'],
    comment: 'the classic Pigouvian argument',
  });
  ids.pLevy = addPassage(db, ids.levy, 'charged at the pump', { tags: ['fuel prices'] });
  ids.pKo = addPassage(db, ids.ko, '푸틴은 24년 만에 북한을 방문했다', { tags: ['북한'] });
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ranking', () => {
  it('ranks a title hit above an article that repeats the word in its body', () => {
    const r = search(db, 'permafrost', { kind: 'article' });
    expect(r.hits.map((h) => h.id)).toEqual([ids.titleHit, ids.bodyHit]);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
    expect(r.hits[1]!.score).toBeGreaterThan(0);
  });

  it('puts body hits in the snippet with markers and gives the offset of the first one', () => {
    const hit = search(db, 'methane', { kind: 'article' }).hits[0]!;
    expect(hit.id).toBe(ids.bodyHit);
    expect(marked(hit.snippet)).toEqual(['methane']);
    expect(articleText(db, ids.bodyHit!).slice(hit.start, hit.end)).toBe('methane');
  });

  it('gives no offset when only the title matched, and a plain snippet from the start', () => {
    const hit = search(db, 'thawing', { kind: 'article' }).hits[0]!;
    expect(hit.id).toBe(ids.titleHit);
    expect(hit.start).toBeUndefined();
    expect(hit.snippet.startsWith('Scientists measured')).toBe(true);
    expect(hit.snippet).not.toContain(HIT_OPEN);
  });
});

describe('operators', () => {
  it('requires every word', () => {
    expect(articleTitles('carbon coal')).toEqual(
      expect.arrayContaining(['Pricing emissions', 'A levy on fuel']),
    );
    expect(articleTitles('carbon coal pump')).toEqual(['A levy on fuel']);
  });

  it('matches an exact phrase only in that order', () => {
    expect(articleTitles('"carbon tax"')).toEqual(['Pricing emissions']);
    expect(articleTitles('carbon tax')).toEqual(
      expect.arrayContaining(['Pricing emissions', 'A levy on fuel']),
    );
  });

  it('OR takes either word', () => {
    expect(new Set(articleTitles('methane OR levy'))).toEqual(
      new Set(['A decade of Arctic fieldwork', 'A levy on fuel']),
    );
  });

  it('-word and NOT word exclude', () => {
    expect(articleTitles('climate -coal')).toEqual(['Climate talks end']);
    expect(articleTitles('climate NOT coal')).toEqual(['Climate talks end']);
    expect(articleTitles('carbon -"carbon tax"')).toEqual(['A levy on fuel']);
  });

  it('prefix* matches word starts', () => {
    expect(new Set(articleTitles('econom*'))).toEqual(new Set(['Pricing emissions']));
    expect(articleTitles('econom')).toEqual([]);
  });

  it('tag: filters articles (own tags or tagged passages) and passages, by any case of the name', () => {
    const r = search(db, 'tag:Energy carbon');
    expect(r.counts).toEqual({ article: 1, passage: 1, note: 0 });
    expect(r.hits.map((h) => h.id).sort()).toEqual([ids.tax, ids.pTax].sort());
    expect(search(db, 'tag:"key quotes"').hits.map((h) => h.id)).toEqual(
      expect.arrayContaining([ids.pTax, ids.tax]),
    );
    expect(search(db, 'tag:"key quotes"', { kind: 'passage' }).hits.map((h) => h.id)).toEqual([
      ids.pTax,
    ]);
    expect(search(db, 'carbon -tag:energy', { kind: 'article' }).hits.map((h) => h.id)).toEqual([
      ids.levy,
    ]);
    expect(search(db, 'tag:nonexistent carbon').total).toBe(0);
  });

  it('kind: limits the kinds, and counts follow', () => {
    const all = search(db, 'carbon');
    expect(all.counts.article).toBe(2);
    expect(all.counts.passage).toBe(1);
    expect(all.total).toBe(3);
    const passages = search(db, 'carbon kind:passage');
    expect(passages.counts).toEqual({ article: 0, passage: 1, note: 0 });
    expect(passages.hits.map((h) => h.kind)).toEqual(['passage']);
    expect(search(db, 'carbon -kind:passage').counts.passage).toBe(0);
    expect(search(db, 'carbon kind:note').total).toBe(0);
  });

  it('opts.kind narrows the hits but not the counts', () => {
    const r = search(db, 'carbon', { kind: 'passage' });
    expect(r.counts).toEqual({ article: 2, passage: 1, note: 0 });
    expect(r.total).toBe(1);
    expect(r.hits).toHaveLength(1);
    expect(r.hits[0]).toMatchObject({
      kind: 'passage',
      id: ids.pTax,
      articleId: ids.tax,
      title: 'Pricing emissions',
    });
  });

  it('site: matches the site name or the URL host (with subdomains)', () => {
    expect(articleTitles('site:ledevoir.com')).toEqual(['Café society in Montréal']);
    expect(articleTitles('site:devoir')).toEqual(['Café society in Montréal']);
    expect(articleTitles('site:example.org carbon')).toEqual(['Pricing emissions']);
    expect(articleTitles('site:https://example.org/x')).toEqual(['Pricing emissions']);
    expect(articleTitles('site:ample.org')).toEqual([]);
    expect(articleTitles('carbon -site:example.org')).toEqual(['A levy on fuel']);
  });

  it('before:/after: use the publication date (after inclusive, before exclusive)', () => {
    expect(articleTitles('carbon before:2024')).toEqual(['Pricing emissions']);
    expect(articleTitles('carbon after:2024-08-01')).toEqual(['A levy on fuel']);
    expect(articleTitles('carbon after:2024-08-02')).toEqual([]);
    expect(articleTitles('after:2024-01 before:2024-12')).toEqual(['A levy on fuel']);
    expect(articleTitles('after:2019-05 before:2019-06')).toEqual(['Café society in Montréal']);
  });

  it('lang: matches the language and its regional variants', () => {
    expect(articleTitles('lang:ko')).toEqual(['푸틴 대통령 평양 도착']);
    expect(articleTitles('lang:fr café')).toEqual(['Café society in Montréal']);
    expect(articleTitles('putin -lang:en')).toEqual(['Summit diplomacy']);
  });

  it('reads unknown fields and unusable values as words', () => {
    expect(articleTitles('fuel:levy')).toEqual([]);
    expect(articleTitles('levy:fuel')).toEqual([]);
    expect(articleTitles('before:yesterday')).toEqual([]);
    expect(articleTitles('"on fuel"')).toEqual(['A levy on fuel']);
  });

  it('lists a filter-only query newest first', () => {
    // Articles without a publication date are dated by their import (today).
    expect(articleTitles('after:2023 before:2025')).toEqual([
      'Climate talks end',
      'A levy on fuel',
      'Pricing emissions',
    ]);
    expect(articleTitles('after:2023').slice(-3)).toEqual([
      'Climate talks end',
      'A levy on fuel',
      'Pricing emissions',
    ]);
  });

  it('returns nothing for an empty query or exclusions alone', () => {
    for (const q of ['', '   ', '-carbon', 'NOT carbon', '""', '*', '-', '😀', '( )', '-- ;'])
      expect(search(db, q)).toEqual({
        total: 0,
        counts: { article: 0, passage: 0, note: 0 },
        estimated: [],
        hits: [],
      });
  });

  it('pages through results with offset and limit', () => {
    const all = search(db, 'the', { limit: 200 });
    expect(all.total).toBeGreaterThan(4);
    const pages = [0, 2, 4].flatMap((offset) =>
      search(db, 'the', { limit: 2, offset }).hits.map((h) => h.id),
    );
    expect(pages).toEqual(all.hits.slice(0, 6).map((h) => h.id));
  });
});

describe('diacritics', () => {
  it('finds accented words without accents and the other way round', () => {
    expect(articleTitles('cafe montreal')).toEqual(['Café society in Montréal']);
    expect(articleTitles('naive resume')).toEqual(['Café society in Montréal']);
    expect(articleTitles('RÉSUMÉ')).toEqual(['Café society in Montréal']);
    const hit = search(db, 'cafes', { kind: 'article' }).hits[0]!;
    expect(marked(hit.snippet)).toEqual(['cafés']);
  });
});

describe('unspaced scripts (trigram index)', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'Chinese, 1 character (also in Japanese 北朝鮮)',
      '朝',
      ['普京抵达平壤', 'プーチン大統領が平壌を訪問'],
    ],
    ['Chinese, 1 character', '俄', ['普京抵达平壤']],
    ['Chinese, 2 characters', '平壤', ['普京抵达平壤']],
    ['Chinese, 4 characters', '国事访问', ['普京抵达平壤']],
    ['Chinese, 2 characters at the very end of a text', '上海', ['普京抵达平壤', '北京']],
    ['Chinese, a 2-character title and nothing else', '北京', ['北京']],
    ['Japanese, 2 characters', '東京', ['プーチン大統領が平壌を訪問']],
    ['Japanese, 4 characters (katakana)', 'プーチン', ['プーチン大統領が平壌を訪問']],
    [
      'Japanese, 1 character shared with Chinese',
      '京',
      ['普京抵达平壤', 'プーチン大統領が平壌を訪問', '北京'],
    ],
    [
      'Korean, 2 characters inside a word with a particle',
      '푸틴',
      ['푸틴 대통령 평양 도착', 'Putin in Pyongyang'],
    ],
    ['Korean, 1 character', '한', ['푸틴 대통령 평양 도착']],
    ['Korean, 4 characters', '대통령이', ['푸틴 대통령 평양 도착']],
    ['mixed scripts: both must match', 'Putin 푸틴', ['Putin in Pyongyang']],
    ['mixed scripts with OR', 'pyongyang OR 평양', ['Putin in Pyongyang', '푸틴 대통령 평양 도착']],
    ['unknown CJK term', '東西南', []],
    ['unknown 1-character term', '龍', []],
  ];
  for (const [name, q, expected] of cases) {
    it(`${name}: ${q}`, () => expect(new Set(articleTitles(q))).toEqual(new Set(expected)));
  }

  it('shows the hit in the snippet and points at it, for 1–2 and 3+ character terms', () => {
    for (const [q, id] of [
      ['푸틴', ids.ko],
      ['평양에', ids.ko],
      ['国事访问', ids.zh],
      ['訪問', ids.ja],
      ['上海', ids.short],
    ] as const) {
      const hit = search(db, q, { kind: 'article' }).hits.find((h) => h.id === id)!;
      expect(marked(hit.snippet)).toContain(q);
      expect(articleText(db, id!).slice(hit.start, hit.end)).toBe(q);
    }
  });

  it('ranks 1–2 character hits in the title first', () => {
    const order = articleTitles('京');
    expect(order.at(-1)).toBe('プーチン大統領が平壌を訪問'); // 京 only in its body
    expect(search(db, '京', { kind: 'article' }).hits[0]!.score).toBeGreaterThan(
      search(db, '京', { kind: 'article' }).hits.at(-1)!.score,
    );
  });

  it('excludes by a CJK term', () => {
    expect(articleTitles('pyongyang -푸틴')).toEqual([]);
    expect(new Set(articleTitles('putin -푸틴'))).toEqual(new Set(['Summit diplomacy']));
    expect(articleTitles('평양 -북한')).toEqual([]);
  });

  it('finds passages by CJK text and by a CJK tag', () => {
    expect(search(db, '북한', { kind: 'passage' }).hits.map((h) => h.id)).toEqual([ids.pKo]);
    expect(search(db, 'tag:북한').hits.map((h) => h.id)).toEqual(
      expect.arrayContaining([ids.pKo, ids.ko]),
    );
  });
});

describe('right-to-left scripts', () => {
  it('finds Hebrew and Arabic words', () => {
    expect(articleTitles('נשיא')).toEqual(['ביקור בירושלים']);
    expect(articleTitles('השלום')).toEqual(['ביקור בירושלים']);
    expect(articleTitles('الرئيس')).toEqual(['زيارة دولة']);
    expect(articleTitles('"زيارة دولة"')).toEqual(['زيارة دولة']);
    const hit = search(db, 'الروسي', { kind: 'article' }).hits[0]!;
    expect(marked(hit.snippet)).toEqual(['الروسي']);
  });
});

describe('passages', () => {
  it('finds a passage by its quote, comment or tag, with the quote as snippet and its range', () => {
    const byComment = search(db, 'pigouvian', { kind: 'passage' }).hits;
    expect(byComment.map((h) => h.id)).toEqual([ids.pTax]);
    expect(marked(byComment[0]!.snippet)).toEqual(['Pigouvian']);
    const byTag = search(db, '"fuel prices"', { kind: 'passage' }).hits[0]!;
    expect(byTag.id).toBe(ids.pLevy);
    expect(byTag.snippet).toBe('charged at the pump');
    expect(byTag.matchedTags).toEqual([`${HIT_OPEN}fuel prices${HIT_CLOSE}`]); // why it matched
    expect(articleText(db, ids.levy!).slice(byTag.start, byTag.end)).toBe('charged at the pump');
    const byQuote = search(db, 'tonne', { kind: 'passage' }).hits[0]!;
    expect(marked(byQuote.snippet)).toEqual(['tonne']);
    expect(byQuote.matchedTags).toBeUndefined(); // its tags (energy, Key quotes) don't hold the word
    // Only the tags the words hit, each with its hits marked.
    expect(search(db, 'key tonne', { kind: 'passage' }).hits[0]!.matchedTags).toEqual([
      `${HIT_OPEN}Key${HIT_CLOSE} quotes`,
    ]);
  });

  it('ranks a tag hit above a quote hit', () => {
    const a = addArticle(db, {
      title: 'Tides',
      body: 'The tide comes in twice a day. Harbours plan around the tide.',
    });
    const inQuote = addPassage(db, a, 'The tide comes in twice a day.');
    const inTag = addPassage(db, a, 'Harbours plan around', { tags: ['tide'] });
    expect(search(db, 'tide', { kind: 'passage' }).hits.map((h) => h.id)).toEqual([inTag, inQuote]);
  });
});

describe('hostile queries', () => {
  const hostile = [
    '"',
    '"""',
    '(',
    ')',
    '((a)',
    'NEAR(',
    'NEAR(a b, 3)',
    '*',
    '**a',
    'a*b*',
    '^a',
    'AND OR NOT',
    'OR',
    'a OR',
    'NOT',
    'a:b:c',
    'title:carbon',
    '{title}: carbon',
    'tag:',
    'tag:""',
    'tag:"',
    '-"',
    '- -',
    'x'.repeat(10_000),
    'carbon '.repeat(2000),
    '😀',
    '😀 carbon',
    'a\u0000b',
    '\u0000',
    'lone \ud800 surrogate \udc00',
    '\u202e\u200f',
    "'; DROP TABLE articles; --",
    '@w',
    '?',
    '\\',
    '%_',
    'site:%',
    'lang:%',
    'before:9999-99-99',
    'after:0000-00-00',
    'kind:',
    '平',
    '"平壤',
    'ab"cd"ef',
  ];
  for (const q of hostile) {
    it(`does not throw for ${JSON.stringify(q.length > 40 ? `${q.slice(0, 40)}…` : q)}`, () => {
      const r = search(db, q, { limit: 5 });
      expect(r.hits.length).toBeLessThanOrEqual(5);
      expect(r.total).toBeGreaterThanOrEqual(r.hits.length);
      for (const h of r.hits) {
        const opens = h.snippet.split(HIT_OPEN).length;
        expect(h.snippet.split(HIT_CLOSE).length).toBe(opens);
      }
    });
  }

  it('still finds the words around the hostile parts', () => {
    expect(articleTitles('( methane )')).toEqual(['A decade of Arctic fieldwork']);
    expect(articleTitles('methane NEAR(')).toEqual([]); // "near" is a word to find too
    expect(articleTitles('NEAR(methane')).toEqual([]); // one word: the phrase "near methane"
    expect(articleTitles('😀 methane')).toEqual(['A decade of Arctic fieldwork']);
    expect(articleTitles('"methane')).toEqual(['A decade of Arctic fieldwork']);
    expect(articleTitles('methane\u0000')).toEqual(['A decade of Arctic fieldwork']);
  });

  it('clamps bad paging options', () => {
    expect(search(db, 'the', { limit: -5 }).hits).toHaveLength(1);
    expect(
      search(db, 'the', { limit: Number.NaN, offset: Number.POSITIVE_INFINITY }).hits.length,
    ).toBeLessThanOrEqual(20);
    expect(search(db, 'the', { limit: 1e9 }).hits.length).toBeLessThanOrEqual(200);
  });
});
