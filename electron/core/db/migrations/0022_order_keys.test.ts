import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { orderKeys } from './0022_order_keys';

const tempDir = useTempDir();
const id = (n: number) => `01900000-0000-7000-8000-0000000022${String(n).padStart(2, '0')}`;
const BODY = '{"version":1,"blocks":[]}';

describe('migration 22 (stored order keys)', () => {
  it('keys the existing articles, keeps the keys with every write, and leaves no index on a function', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const before = openDatabase(file, { targetVersion: orderKeys.version - 1 });
    const original = before.prepare(
      `INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, x'41', 1, 'text/plain', 'a.txt', 't')`,
    );
    const insert = (
      db: BetterSqlite3.Database,
      n: number,
      title: string,
      byline: string | null,
    ) => {
      original.run(`h${n}`);
      db.prepare(
        `INSERT INTO articles (id, title, byline, format, hash, text, body, created_at, updated_at) VALUES (?, ?, ?, 'text', ?, 'x', '${BODY}', 't', 't')`,
      ).run(id(n), title, byline, `h${n}`);
    };
    insert(before, 0, 'Zebra', 'Zweig, Stefan');
    insert(before, 1, 'Émile Zola', null);
    insert(before, 2, '“apple”', 'ÇELIK, Ali');
    before.close();

    const db = openDatabase(file, { targetVersion: orderKeys.version });
    expect(schemaVersion(db)).toBe(orderKeys.version);
    const titles = () =>
      db
        .prepare<[], string>(
          'SELECT a.title FROM article_order o INDEXED BY article_order_by_title JOIN articles a ON a.id = o.article_id ORDER BY o.title_key, o.article_id',
        )
        .pluck()
        .all();
    // Existing rows keyed: leading quote and accent ignored first.
    expect(titles()).toEqual(['“apple”', 'Émile Zola', 'Zebra']);
    expect(
      db.prepare('SELECT byline_key FROM article_order WHERE article_id = ?').pluck().get(id(1)),
    ).toBeNull();

    // Every write keeps the keys: insert, retitle, id change (a sync merge), delete.
    db.prepare(
      `INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES ('h3', x'41', 1, 'text/plain', 'a.txt', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO articles (id, title, byline, format, hash, text, body, created_at, updated_at) VALUES (?, 'émile et la mer', NULL, 'text', 'h3', 'x', '${BODY}', 't', 't')`,
    ).run(id(3));
    expect(titles()).toEqual(['“apple”', 'émile et la mer', 'Émile Zola', 'Zebra']);
    db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Aardvark', id(0));
    expect(titles()).toEqual(['Aardvark', '“apple”', 'émile et la mer', 'Émile Zola']);
    db.prepare('UPDATE articles SET id = ? WHERE id = ?').run(id(9), id(1));
    expect(
      db.prepare('SELECT count(*) FROM article_order WHERE article_id = ?').pluck().get(id(9)),
    ).toBe(1);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id(2));
    expect(titles()).toEqual(['Aardvark', 'émile et la mer', 'Émile Zola']);
    expect(db.prepare('SELECT count(*) FROM article_order').pluck().get()).toBe(3);

    const indexes = db
      .prepare<[], string>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%commonplace_%'",
      )
      .pluck()
      .all();
    expect(indexes).toEqual([]);
    db.close();
    // A connection without the app's functions (any other SQLite tool) can check the whole file.
    const plain = new BetterSqlite3(file, { readonly: true });
    expect(plain.pragma('integrity_check', { simple: true })).toBe('ok');
    plain.close();
  });
});
