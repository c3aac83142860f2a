import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { safeTagKey } from '../tags/names';
import { compileTextMatch } from './match';
import { cleanQueryText, MAX_TERMS, parseDateBound, parseQuery, type SearchQuery } from './query';

const parse = (s: string) => parseQuery(s, { tagKey: safeTagKey });
const w = (text: string, extra: Partial<{ phrase: boolean; prefix: boolean }> = {}) => ({
  text,
  phrase: false,
  prefix: false,
  ...extra,
});

describe('parseQuery', () => {
  it('reads words, phrases, prefixes, OR groups and exclusions', () => {
    const q = parse('climate "carbon tax" econom* tax OR levy OR duty -coal NOT "fossil fuel"');
    expect(q.groups).toEqual([
      [w('climate')],
      [w('carbon tax', { phrase: true })],
      [w('econom', { prefix: true })],
      [w('tax'), w('levy'), w('duty')],
    ]);
    expect(q.exclude).toEqual([w('coal'), w('fossil fuel', { phrase: true })]);
  });

  it('reads every filter', () => {
    const q = parse(
      'tag:Energy tag:"Key Quotes" -tag:draft kind:passage kind:notes -kind:article site:https://www.Example.org/a -site:spam.com lang:KO -lang:en after:2024-02 before:2025 x',
    );
    expect(q).toMatchObject<Partial<SearchQuery>>({
      tags: ['energy', 'key quotes'],
      excludeTags: ['draft'],
      kinds: ['passage', 'note'],
      excludeKinds: ['article'],
      sites: ['example.org'],
      excludeSites: ['spam.com'],
      langs: ['ko'],
      excludeLangs: ['en'],
      after: '2024-02',
      before: '2025',
      groups: [[w('x')]],
    });
  });

  it('negated date bounds flip; repeated ones narrow', () => {
    expect(parse('-before:2020 -after:2024-05-01')).toMatchObject({
      after: '2020',
      before: '2024-05-01',
    });
    expect(parse('after:2020 after:2022 before:2024 before:2023')).toMatchObject({
      after: '2022',
      before: '2023',
    });
  });

  it('reads unknown fields and unusable values as words', () => {
    expect(parse('title:carbon').groups).toEqual([[w('title:carbon')]]);
    expect(parse('before:yesterday').groups).toEqual([[w('before:yesterday')]]);
    expect(parse('before:2024-02-30').groups).toEqual([[w('before:2024-02-30')]]);
    expect(parse('kind:video').groups).toEqual([[w('kind:video')]]);
    expect(parse('lang:%').groups).toEqual([[w('lang:%')]]);
    expect(parse('http://example.org').groups).toEqual([[w('http://example.org')]]);
    expect(parse('foo:"two words"').groups).toEqual([[w('foo two words', { phrase: true })]]);
  });

  it('degrades an unbalanced quote to plain words', () => {
    expect(parse('"carbon tax').groups).toEqual([[w('carbon')], [w('tax')]]);
    expect(parse('"a b" "c').groups).toEqual([[w('a b', { phrase: true })], [w('c')]]);
    expect(parse('tag:"open')).toMatchObject({ groups: [], tags: ['open'] });
  });

  it('treats operators out of place as words', () => {
    expect(parse('OR').groups).toEqual([[w('OR')]]);
    expect(parse('a OR').groups).toEqual([[w('a')], [w('OR')]]);
    expect(parse('AND OR NOT').groups).toEqual([[w('AND'), w('NOT')]]);
    expect(parse('or and not').groups).toEqual([[w('or')], [w('and')], [w('not')]]);
    expect(parse('a AND b').groups).toEqual([[w('a')], [w('b')]]);
    expect(parse('a OR -b').groups).toEqual([[w('a'), w('b')]]);
    expect(parse('-a OR b')).toMatchObject({ groups: [[w('OR')], [w('b')]], exclude: [w('a')] });
  });

  it('is total: cleans control characters and lone surrogates, bounds length and terms', () => {
    expect(cleanQueryText('a\u0000b\u0007c')).toBe('a b c');
    expect(cleanQueryText('x\ud800y\udc00')).toBe('x\ufffdy\ufffd');
    expect(cleanQueryText('😀')).toBe('😀');
    expect(parse('x'.repeat(10_000)).groups[0]![0]!.text.length).toBe(1000);
    expect(parse('w '.repeat(500)).groups).toHaveLength(MAX_TERMS);
    expect(parse(undefined as unknown as string).groups).toEqual([]);
  });

  it('validates dates', () => {
    expect(parseDateBound('2024')).toBe('2024');
    expect(parseDateBound('2024-02-29')).toBe('2024-02-29');
    expect(parseDateBound('2023-02-29')).toBeNull();
    expect(parseDateBound('2024-13')).toBeNull();
    expect(parseDateBound('24-01-01')).toBeNull();
  });
});

describe('compiled FTS5 expressions', () => {
  // Every hostile string, compiled, must be valid FTS5 syntax for both tokenizers.
  const db = new BetterSqlite3(':memory:');
  db.exec(`CREATE VIRTUAL TABLE w USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
           CREATE VIRTUAL TABLE c USING fts5(x, tokenize = 'trigram case_sensitive 0 remove_diacritics 1');
           CREATE VIRTUAL TABLE g USING fts5(x, content = '', contentless_delete = 1, tokenize = 'ascii');
           INSERT INTO w VALUES ('near and or not x y'); INSERT INTO c VALUES ('北京 near'); INSERT INTO g VALUES ('北 京 北京');`);
  const hostile = [
    '"',
    '(',
    ')',
    'NEAR(a b)',
    'a:b',
    '*',
    '^x',
    'AND OR NOT',
    'x"y',
    '"a""b"',
    "'",
    '{x}',
    'a - b',
    '-',
    '北京"',
    '"(北京)"',
    'a* b**',
    '😀',
    '\u0000',
    'NEAR/3',
    '+x',
    'x OR ( y',
    '北*',
    '"北" 京',
    'a平',
    'abc* "x abc"*',
  ];
  for (const s of hostile) {
    it(`is valid for ${JSON.stringify(s)}`, () => {
      const m = compileTextMatch(
        parse(s),
        () => ['北京 '],
        () => ['abcd', 'abc"e'],
      );
      const exprs = [
        m.word,
        m.highlight.word,
        ...m.anyOf.map((a) => a.word),
        ...m.noneOf.map((a) => a.word),
      ].filter((e) => e !== null);
      const cjk = [
        m.cjk,
        m.highlight.cjk,
        ...m.anyOf.map((a) => a.cjk),
        ...m.noneOf.map((a) => a.cjk),
      ].filter((e) => e !== null);
      const gram = [m.gram, ...m.anyOf.map((a) => a.gram), ...m.noneOf.map((a) => a.gram)].filter(
        (e) => e !== null,
      );
      for (const e of exprs)
        expect(() => db.prepare('SELECT count(*) FROM w WHERE w MATCH ?').get(e)).not.toThrow();
      for (const e of cjk)
        expect(() => db.prepare('SELECT count(*) FROM c WHERE c MATCH ?').get(e)).not.toThrow();
      for (const e of gram)
        expect(() => db.prepare('SELECT count(*) FROM g WHERE g MATCH ?').get(e)).not.toThrow();
    });
  }

  it('quotes user text so FTS5 operators in it are words', () => {
    const m = compileTextMatch(parse('NEAR(x y) AND'), () => []);
    expect(m.word).toBe('"NEAR(x" AND "y)" AND "AND"');
    expect(db.prepare('SELECT count(*) AS n FROM w WHERE w MATCH ?').get(m.word)).toEqual({ n: 0 });
    expect(
      db
        .prepare('SELECT count(*) AS n FROM w WHERE w MATCH ?')
        .get(compileTextMatch(parse('NEAR( x'), () => []).word),
    ).toEqual({ n: 1 });
  });

  it('routes terms: words to the word index, CJK to trigrams, 1–2 CJK characters to the gram index', () => {
    const seen: string[] = [];
    const m = compileTextMatch(parse('putin 푸틴 平壤访问 -北 x OR 京'), (n) => (seen.push(n), []));
    expect(seen).toEqual([]); // no trigram vocabulary read for a term of CJK characters only
    expect(m.word).toBe('"putin"');
    expect(m.cjk).toBe('"平壤访问"');
    expect(m.gram).toBe('("푸틴") NOT "北"');
    expect(m.anyOf).toEqual([{ word: '"x"', cjk: null, gram: '"京"' }]);
    expect(m.noneOf).toEqual([]);
    expect(m.highlight.substrings.sort()).toEqual(['京', '平壤访问', '푸틴'].sort());
    expect(m.highlight.cjk).toBe('"平壤访问"'); // gram expressions are not for highlight() on trigrams
    expect(m.highlight.wordTerms.map((t) => t.text).sort()).toEqual(['putin', 'x']);
    expect(m.cjkExpanded).toBe(false);
  });

  it('a short term mixing scripts goes through the trigram vocabulary', () => {
    const seen: string[] = [];
    const m = compileTextMatch(parse('a平 putin'), (n) => (seen.push(n), ['a平壤', 'a平 ']));
    expect(seen).toEqual(['a平']);
    expect(m.cjk).toBe('("a平壤" OR "a平 ")');
    expect(m.gram).toBeNull();
    expect(m.cjkExpanded).toBe(true);
    expect(compileTextMatch(parse('putin 1龍'), () => []).impossible).toBe(true); // never seen: nothing can match
  });

  it('expands a prefix of 3+ ASCII characters to the words it starts, keeping it for highlight', () => {
    const asked: string[] = [];
    const words = (p: string) => (
      asked.push(p),
      p === 'econ' ? ['econ', 'economy'] : p === 'zzz' ? [] : null
    );
    const m = compileTextMatch(parse('Econ* carbon-econ* ab* zzz* -caf*'), () => [], words);
    expect(asked).toEqual(['econ', 'econ', 'zzz', 'caf']);
    expect(m.impossible).toBe(true); // no word starts with zzz
    const ok = compileTextMatch(parse('Econ* carbon-econ* ab* café* -caf*'), () => [], words);
    // econ*: its words; carbon-econ*: the phrase with each; ab* (too short), café* (not ASCII) and
    // caf* (too many words: null) stay FTS5 prefix queries.
    expect(ok.word).toBe(
      '(("econ" OR "economy") AND ("carbon econ" OR "carbon economy") AND "ab"* AND "café"*) NOT "caf"*',
    );
    expect(ok.highlight.word).toBe('("Econ"* OR "carbon-econ"* OR "ab"* OR "café"*)');
  });

  it('a required short term the index has never seen makes the query impossible; emoji are left out', () => {
    expect(compileTextMatch(parse('putin x龍'), () => []).impossible).toBe(true);
    expect(compileTextMatch(parse('putin 龍'), () => []).impossible).toBe(false); // a gram term: the index answers it
    const m = compileTextMatch(parse('putin 😀'), () => []);
    expect(m).toMatchObject({ impossible: false, word: '"putin"' });
  });
});
