import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { safeTagKey } from '../tags/names';
import { locate, makeLocator } from './locate';
import { compileTextMatch } from './match';
import { parseQuery } from './query';
import { mergeRanges, rangesFromHighlight } from './snippet';

// The JavaScript locator must mark what FTS5's own highlight() marks in the word index.
const db = new BetterSqlite3(':memory:');
db.exec(`CREATE VIRTUAL TABLE w USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')`);
const texts = [
  'Le café de la Place: CAFÉ crème, cafés, et un cafe-bar à Montréal.',
  'The economy, economists and ECONOMICS; the eco-nomy is not one word.',
  'Naïve résumé of Ångström’s work in Zürich — déjà vu for the señor.',
  'ראש הממשלה נפגש עם נשיא צרפת, ודיבר על השלום.',
  'وصل الرئيس الروسي إلى بيونغ يانغ في زيارة دولة.',
  'Καλημέρα κόσμε: η ελληνική γλώσσα.',
  'Привет, мир! Ёлка и елка.',
  'A carbon tax, a carbon-tax, a CARBON   TAX; carbon taxes.',
  '😀 emoji 🙂 between words, x²+y² and 3.14.', // (unicode61 keeps some emoji inside tokens: emoji🙂between is one token there)
];
const queries = [
  'cafe',
  'CAFÉ',
  'café crème',
  'econom*',
  'economy',
  '"carbon tax"',
  'tax*',
  'resume naive',
  'angstrom',
  'deja',
  'הממשלה',
  'الروسي',
  'ελληνική',
  'ёлка',
  'мир',
  'emoji',
  '"x 2"',
  '14',
];

describe('locate', () => {
  for (const q of queries) {
    it(`marks what FTS5 marks for ${q}`, () => {
      const m = compileTextMatch(parseQuery(q, { tagKey: safeTagKey }), () => []);
      const loc = makeLocator(m.highlight.wordTerms, m.highlight.substrings);
      for (const text of texts) {
        db.exec('DELETE FROM w');
        db.prepare('INSERT INTO w (rowid, x) VALUES (1, ?)').run(text);
        const h = db
          .prepare('SELECT highlight(w, 0, char(2), char(3)) FROM w WHERE w MATCH ?')
          .pluck()
          .get(m.highlight.word) as string | undefined;
        const expected =
          h === undefined ? [] : mergeRanges(rangesFromHighlight(text, h), text.length);
        const ours = mergeRanges(locate(text, loc), text.length);
        if (h !== undefined) expect({ text, ranges: ours }).toEqual({ text, ranges: expected });
        else expect(ours.length === 0 || q.includes('*') || q.includes(' ')).toBe(true); // FTS needs every term; we mark each
      }
    });
  }

  it('finds unspaced-script terms as substrings', () => {
    const loc = makeLocator([], ['푸틴', '平壤']);
    const text = '푸틴은 平壤에 — 푸틴';
    expect(locate(text, loc).map(([s, e]) => text.slice(s, e))).toEqual(['푸틴', '푸틴', '平壤']);
  });
});
