import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { checkSearchIndexes } from '../../search/rebuild';
import { search } from '../../search/search';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { formats } from './0006_formats';

const tempDir = useTempDir();

const A1 = '01900000-0000-7000-8000-000000000001';
const A2 = '01900000-0000-7000-8000-000000000002';
const P1 = '01900000-0000-7000-8000-000000000101';
const T1 = '01900000-0000-7000-8000-0000000000aa';
const BODY = '{"version":1,"blocks":[]}';

describe('migration 6 (formats)', () => {
  it('keeps every row, index, trigger and search index, and accepts the new formats', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const before = openDatabase(file, { targetVersion: formats.version - 1 });
    before.exec(`
      INSERT INTO originals VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't'), ('h2', x'42', 1, 'text/html', 'b.html', 't');
      INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at)
        VALUES ('${A1}', 'Monsoon rains', 'text', 'h1', 'The monsoon reached Kerala early this year.', '${BODY}', 't', 't'),
               ('${A2}', '季风', 'html', 'h2', '今年季风提前到达喀拉拉邦', '${BODY}', 't', 't');
      INSERT INTO tags VALUES ('${T1}', 'Weather', 'weather', NULL, 't', 't');
      INSERT INTO article_tags VALUES ('${A2}', '${T1}', 't');
      INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", color, comment, created_at, updated_at)
        VALUES ('${P1}', '${A1}', 'reached Kerala', 'monsoon ', ' early', 12, 26, 'yellow', 'early onset', 't', 't');
      INSERT INTO passage_tags VALUES ('${P1}', '${T1}', 't');`);
    const tables = [
      'originals',
      'articles',
      'passages',
      'tags',
      'passage_tags',
      'article_tags',
      'changes',
    ];
    const rows = Object.fromEntries(
      tables.map((t) => [t, before.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]),
    );
    const otherSchema = before
      .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name != 'articles' ORDER BY name")
      .all();
    expect(() => before.prepare(`UPDATE articles SET format = 'pdf' WHERE id = ?`).run(A1)).toThrow(
      /CHECK constraint failed/,
    );
    before.close();

    let db = openDatabase(file, { targetVersion: formats.version });
    expect(schemaVersion(db)).toBe(formats.version);
    // Same rows (plus the new, empty `pages` column), same indexes, triggers and FTS tables.
    for (const t of tables) {
      const now = db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all() as Record<string, unknown>[];
      expect(
        t === 'articles' ? now.map(({ pages, ...rest }) => (expect(pages).toBeNull(), rest)) : now,
      ).toEqual(rows[t]);
    }
    expect(
      db
        .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name != 'articles' ORDER BY name")
        .all(),
    ).toEqual(otherSchema);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Search code targets the newest schema: the checks below run after the later migrations.
    db.close();
    db = openDatabase(file);
    expect(checkSearchIndexes(db)).toEqual([]);

    // Search, tags and passages work as before.
    const ids = (q: string) => search(db, q).hits.map((h) => h.id);
    expect(ids('kerala kind:article')).toEqual([A1]);
    expect(ids('季风')).toEqual([A2]);
    expect(ids('onset')).toEqual([P1]);
    expect(ids('weather kind:passage')).toEqual([P1]);

    // The new formats and page starts are accepted; anything else is still refused.
    db.prepare(
      `UPDATE articles SET format = 'pdf', pages = '[{"label":"1","start":0}]', text = 'Typhoon season in Okinawa.' WHERE id = ?`,
    ).run(A1);
    expect(ids('okinawa')).toEqual([A1]); // the update trigger re-indexed the article
    expect(ids('kerala kind:article')).toEqual([]);
    const changes = db
      .prepare("SELECT op FROM changes WHERE entity = 'article' AND entity_id = ? ORDER BY seq")
      .all(A1);
    expect(changes.at(-1)).toEqual({ op: 'update' });
    for (const format of ['epub', 'docx'])
      db.prepare('UPDATE articles SET format = ? WHERE id = ?').run(format, A2);
    expect(() => db.prepare(`UPDATE articles SET format = 'rtf' WHERE id = ?`).run(A2)).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => db.prepare(`UPDATE articles SET pages = 'not json' WHERE id = ?`).run(A2)).toThrow(
      /CHECK constraint failed/,
    );

    // Foreign keys still cascade: deleting the article removes its passage and tags.
    db.prepare('DELETE FROM articles WHERE id = ?').run(A1);
    expect(db.prepare('SELECT count(*) AS n FROM passages').get()).toEqual({ n: 0 });
    expect(ids('onset')).toEqual([]);
    // Defensive mode is back on: the schema can't be written through this connection any more.
    expect(() =>
      db.prepare("UPDATE sqlite_schema SET sql = sql WHERE name = 'articles'").run(),
    ).toThrow();
    db.close();

    // A fresh connection reads the changed schema.
    const again = openDatabase(file);
    expect(again.prepare(`SELECT format FROM articles WHERE id = ?`).get(A2)).toEqual({
      format: 'docx',
    });
    again.close();
  });
});
