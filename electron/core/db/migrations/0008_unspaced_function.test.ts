import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { HAS_UNSPACED_FUNCTION, registerSearchFunctions } from '../../search/grams';
import { checkSearchIndexes } from '../../search/rebuild';
import { search } from '../../search/search';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { UNSPACED_GLOB, unspacedFunction, withUnspacedFunction } from './0008_unspaced_function';

const tempDir = useTempDir();

const A1 = '01900000-0000-7000-8000-000000000401';
const A2 = '01900000-0000-7000-8000-000000000402';
const P1 = '01900000-0000-7000-8000-000000000411';
const N1 = '01900000-0000-7000-8000-000000000421';
const BODY = '{"version":1,"blocks":[]}';

type SchemaRow = { type: string; name: string; sql: string };
const schemaOf = (db: Database.Database) =>
  db.prepare<[], SchemaRow>('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();

describe('migration 8 (unspaced-script test by function)', () => {
  it('re-creates the GLOB triggers and view with the function, changes nothing else, and indexes as before', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const v7 = openDatabase(file, { targetVersion: unspacedFunction.version - 1 });
    v7.exec(`
      INSERT INTO originals VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't'), ('h2', x'42', 1, 'text/plain', 'b.txt', 't');
      INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES
        ('${A1}', 'Monsoon rains', 'text', 'h1', 'The monsoon reached Kerala early.', '${BODY}', 't', 't'),
        ('${A2}', '季风', 'text', 'h2', '今年季风提前到达喀拉拉邦', '${BODY}', 't', 't');
      INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", color, comment, created_at, updated_at) VALUES
        ('${P1}', '${A1}', 'reached Kerala', 'monsoon ', ' early', 12, 26, 'yellow', '', 't', 't');
      INSERT INTO notes (id, title, doc, text, word_count, created_at, updated_at) VALUES
        ('${N1}', 'Plain note', '{}', 'English only.', 2, 't', 't');`);
    const before = schemaOf(v7);
    const rowsBefore = v7.prepare('SELECT * FROM articles ORDER BY rid').all();
    v7.close();

    const db = openDatabase(file, { targetVersion: unspacedFunction.version });
    expect(schemaVersion(db)).toBe(unspacedFunction.version);
    const after = schemaOf(db);
    // The same objects; those that held the GLOB hold the function instead, and nothing else changed.
    expect(after.map((o) => o.name)).toEqual(before.map((o) => o.name));
    const changed = before.filter((o) => o.sql?.includes(UNSPACED_GLOB));
    expect(changed.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'articles_cjk_ai',
        'articles_cjk_au',
        'articles_cjk_content',
        'passages_search_ai',
        'notes_search_au',
      ]),
    );
    for (const [i, o] of before.entries()) {
      const now = after[i]!;
      expect(now.type).toBe(o.type);
      if (!changed.includes(o)) expect(now.sql).toBe(o.sql);
      else {
        expect(now.sql).not.toContain('GLOB');
        expect(now.sql).toContain(`${HAS_UNSPACED_FUNCTION}(`);
        // Only the tests differ: put the GLOB back and it is the old SQL.
        expect(
          now.sql.replace(
            new RegExp(`${HAS_UNSPACED_FUNCTION}\\(([\\w.]+)\\)`, 'g'),
            `coalesce($1, '') GLOB '${UNSPACED_GLOB}'`,
          ),
        ).toBe(o.sql);
      }
    }
    expect(db.prepare('SELECT * FROM articles ORDER BY rid').all()).toEqual(rowsBefore);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Defensive mode, lifted to re-create the view, is back: shadow tables can't be written.
    expect(() => db.exec(`DELETE FROM articles_cjk_data`)).toThrow(/may not be modified/);
    expect(checkSearchIndexes(db)).toEqual([]);

    // The re-created triggers index as before: unspaced text in, Latin text out, in each kind.
    const ids = (q: string) =>
      search(db, q, { limit: 50 })
        .hits.map((h) => h.id)
        .sort();
    const cjkKeys = (t: string) =>
      db.prepare(`SELECT rowid FROM ${t} ORDER BY rowid`).pluck().all();
    const rid = (id: string) => db.prepare('SELECT rid FROM articles WHERE id = ?').pluck().get(id);
    expect(cjkKeys('articles_cjk')).toEqual([rid(A2)]); // the index as it was
    expect(ids('季风提前')).toEqual([A2]); // 4 characters: the trigram index
    db.prepare('UPDATE articles SET text = ? WHERE id = ?').run(
      'The monsoon reached 喀拉拉邦 early.',
      A1,
    );
    db.prepare('UPDATE articles SET title = ?, text = ? WHERE id = ?').run(
      'Monsoon',
      'No longer Chinese.',
      A2,
    );
    expect(cjkKeys('articles_cjk')).toEqual([rid(A1)]);
    expect(ids('喀拉拉')).toEqual([A1]);
    db.prepare('UPDATE passages SET comment = ? WHERE id = ?').run('提前', P1);
    db.prepare('UPDATE notes SET text = ? WHERE id = ?').run('季风笔记', N1);
    expect(ids('提前')).toEqual([P1]);
    expect(ids('季风')).toEqual([N1]);
    // Rows right; bm25's row counts drift in this version's gram indexes (migration 9 fixes that).
    expect(checkSearchIndexes(db).filter((p) => !p.includes('ranking statistics'))).toEqual([]);
    db.close();
  });

  it('rewrites each form the earlier migrations wrote and nothing else', () => {
    const glob = (c: string) => `coalesce(${c}, '') GLOB '${UNSPACED_GLOB}'`;
    expect(withUnspacedFunction(`WHEN (${glob('new.title')} OR ${glob('new.text')}) BEGIN`)).toBe(
      `WHEN (${HAS_UNSPACED_FUNCTION}(new.title) OR ${HAS_UNSPACED_FUNCTION}(new.text)) BEGIN`,
    );
    expect(withUnspacedFunction(`WHERE ${glob('exact')}`)).toBe(
      `WHERE ${HAS_UNSPACED_FUNCTION}(exact)`,
    );
    const other = `WHERE name GLOB '*[a-z]*' AND coalesce(x, '') GLOB '*'`;
    expect(withUnspacedFunction(other)).toBe(other);
  });

  it('answers as the GLOB did, for every kind of text', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    const both = db.prepare<[{ s: string | null }], { g: number; f: number }>(
      `SELECT coalesce(:s, '') GLOB '${UNSPACED_GLOB}' AS g, ${HAS_UNSPACED_FUNCTION}(:s) AS f`,
    );
    const samples = [
      null,
      '',
      'plain ASCII',
      'café crème',
      'ελληνική',
      'הממשלה',
      'الروسي',
      '👍🏽 emoji',
      '\u{1F600}',
      '北京',
      'ひらがな',
      'カタカナ',
      'ｶﾀｶﾅ',
      '한국어',
      'ᄀ',
      'ㄱ',
      'ภาษาไทย',
      'ພາສາລາວ',
      'မြန်မာ',
      'ខ្មែរ',
      '𠀀 extension B',
      '\u{323AF}',
      '\u{323B0}',
      '\u{1FFFF}',
      '\u0dff',
      '\u0e00',
      'x\u4e00',
      '\uf900',
      '\ufaff\u0000',
    ];
    for (const s of samples) {
      const r = both.get({ s })!;
      expect({ s, f: r.f }).toEqual({ s, f: r.g });
    }
    db.close();
  });
});
