import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildSnippet, findAll, mergeRanges, rangesFromHighlight } from './snippet';
import { SNIPPET_HIT_CLOSE as HIT_CLOSE, SNIPPET_HIT_OPEN as HIT_OPEN } from '../../model/search';

const O = HIT_OPEN;
const C = HIT_CLOSE;

describe('rangesFromHighlight', () => {
  const db = new BetterSqlite3(':memory:');
  db.exec(`CREATE VIRTUAL TABLE w USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
           CREATE VIRTUAL TABLE c USING fts5(x, tokenize = 'trigram case_sensitive 0 remove_diacritics 1');`);
  const hl = (table: string, text: string, q: string) => {
    db.exec(`DELETE FROM ${table}`);
    db.prepare(`INSERT INTO ${table} (rowid, x) VALUES (1, ?)`).run(text);
    return db
      .prepare(
        `SELECT highlight(${table}, 0, char(2), char(3)) FROM ${table} WHERE ${table} MATCH ?`,
      )
      .pluck()
      .get(q) as string;
  };

  it('gives UTF-16 offsets of real FTS5 highlights, past emoji and accents', () => {
    const text = '😀 Café au lait, then a café crème 🇫🇷 at the Café.';
    const ranges = rangesFromHighlight(text, hl('w', text, '"cafe"'));
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Café', 'café', 'Café']);
  });

  it('merges overlapping trigram hits into one range, ignoring trailing padding', () => {
    const text = '俄罗斯总统普京抵达平壤';
    const ranges = mergeRanges(
      rangesFromHighlight(text, hl('c', `${text}  `, '"普京抵达"')),
      text.length,
    );
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['普京抵达']);
  });

  it('stays within a character when the text holds marker characters itself', () => {
    const text = `a ${O}b${C} target c`;
    const [range] = rangesFromHighlight(text, hl('w', text, '"target"'));
    expect(text.slice(range![0], range![1])).toBe('target');
  });
});

describe('findAll', () => {
  it('finds every occurrence, ignoring case', () => {
    expect(findAll('푸틴은 푸틴', '푸틴')).toEqual([
      [0, 2],
      [4, 6],
    ]);
    expect(findAll('Ab ab', 'ab')).toEqual([
      [0, 2],
      [3, 5],
    ]);
    expect(findAll('abc', '')).toEqual([]);
  });
});

describe('buildSnippet', () => {
  it('marks hits, collapses whitespace, and replaces marker characters from the text', () => {
    expect(buildSnippet(`one\n\ntwo ${O}three${C}`, [[5, 8]])).toBe(
      `one ${O}two${C} \ufffdthree\ufffd`,
    );
  });

  it('cuts a window around the densest hits, at word boundaries, with ellipses', () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    const text = words.join(' ');
    const at = (w: string) =>
      [text.indexOf(` ${w} `) + 1, text.indexOf(` ${w} `) + 1 + w.length] as const;
    const s = buildSnippet(text, [at('w10'), at('w150'), at('w152'), at('w155')], {
      width: 100,
      lead: 20,
    });
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect([...s.matchAll(/\u0002(\w+)\u0003/g)].map((m) => m[1])).toEqual([
      'w150',
      'w152',
      'w155',
    ]);
    expect(words).toContain(s.slice(1).split(' ')[0]); // starts on a whole word
  });

  it('never splits a surrogate pair at the window edges', () => {
    const text = '😀'.repeat(300);
    const s = buildSnippet(text, [[300, 302]], { width: 51, lead: 11 });
    expect(s.replace(/[…\u0002\u0003]/g, '')).toMatch(/^(?:😀)+$/u);
    expect(s).toContain(`${O}😀${C}`);
  });

  it('starts at the beginning when there are no hits', () => {
    expect(buildSnippet('short text', [])).toBe('short text');
  });
});
