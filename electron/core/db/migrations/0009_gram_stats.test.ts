import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { checkSearchIndexes } from '../../search/rebuild';
import { search } from '../../search/search';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { gramStats } from './0009_gram_stats';

const tempDir = useTempDir();

const A1 = '01900000-0000-7000-8000-000000000501';
const A2 = '01900000-0000-7000-8000-000000000502';
const P1 = '01900000-0000-7000-8000-000000000511';
const N1 = '01900000-0000-7000-8000-000000000521';
const T1 = '01900000-0000-7000-8000-0000000005aa';
const BODY = '{"version":1,"blocks":[]}';

describe('migration 9 (exact gram statistics)', () => {
  it('re-creates the gram indexes with exact statistics, the same rows and the same hits', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const v8 = openDatabase(file, { targetVersion: gramStats.version - 1 });
    v8.exec(`
      INSERT INTO originals VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't'), ('h2', x'42', 1, 'text/plain', 'b.txt', 't');
      INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES
        ('${A1}', 'Monsoon rains', 'text', 'h1', 'The monsoon reached Kerala early.', '${BODY}', 't', 't'),
        ('${A2}', '季风', 'text', 'h2', '今年季风提前到达喀拉拉邦', '${BODY}', 't', 't');
      INSERT INTO tags VALUES ('${T1}', '北韩', '北韩', NULL, 't', 't');
      INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", color, comment, created_at, updated_at) VALUES
        ('${P1}', '${A1}', 'reached Kerala', 'monsoon ', ' early', 12, 26, 'yellow', '提前', 't', 't');
      INSERT INTO passage_tags VALUES ('${P1}', '${T1}', 't');
      INSERT INTO notes (id, title, doc, text, word_count, created_at, updated_at) VALUES
        ('${N1}', '季风笔记', '{}', 'Kerala, June.', 2, 't', 't');`);
    // Version 8's drift: every save of the note and edit of the article counted its row again.
    for (let i = 0; i < 20; i++)
      v8.prepare('UPDATE notes SET text = ? WHERE id = ?').run(`Kerala, June ${i}.`, N1);
    for (let i = 0; i < 5; i++)
      v8.prepare('UPDATE articles SET text = ? WHERE id = ?').run(
        `今年季风提前到达喀拉拉邦 ${i}`,
        A2,
      );
    expect(checkSearchIndexes(v8).filter((p) => p.includes('ranking statistics'))).toHaveLength(3); // articles, passages (tagged after insert), notes
    const ids = (db: typeof v8, q: string) =>
      search(db, q, { limit: 50 })
        .hits.map((h) => h.id)
        .sort();
    const queries = ['季', '季风', '提前', '北韩', '笔记', 'kerala', '喀拉拉邦'];
    const before = queries.map((q) => ids(v8, q));
    const tables = ['articles', 'passages', 'passage_tags', 'notes', 'tags', 'passage_search_ids'];
    const rowsBefore = Object.fromEntries(
      tables.map((t) => [t, v8.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]),
    );
    v8.close();

    const db = openDatabase(file, { targetVersion: gramStats.version });
    expect(schemaVersion(db)).toBe(gramStats.version);
    for (const t of tables)
      expect(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()).toEqual(rowsBefore[t]);
    const sqlOf = (name: string) =>
      db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) as string;
    expect(sqlOf('articles_grams')).toContain("content = 'articles_grams_source'");
    for (const t of ['passages_grams', 'notes_grams']) expect(sqlOf(t)).not.toContain('content');
    expect(checkSearchIndexes(db)).toEqual([]); // the statistics too
    expect(queries.map((q) => ids(db, q))).toEqual(before);

    // From here on the statistics stay exact through edits and deletes of every kind.
    for (let i = 0; i < 20; i++)
      db.prepare('UPDATE notes SET text = ? WHERE id = ?').run(`季风 ${i}`, N1);
    for (let i = 0; i < 5; i++)
      db.prepare('UPDATE passages SET comment = ? WHERE id = ?').run(`提前 ${i}`, P1);
    db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('モンスーン', A1);
    db.prepare('DELETE FROM articles WHERE id = ?').run(A2);
    expect(checkSearchIndexes(db)).toEqual([]);
    expect(ids(db, 'ン')).toEqual([A1]);
    expect(ids(db, '季风')).toEqual([N1]);
    db.close();
  });
});
