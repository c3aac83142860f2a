import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { libraryState } from './0013_library_state';

const tempDir = useTempDir();
const id = (n: number) => `01900000-0000-7000-8000-0000000013${String(n).padStart(2, '0')}`;
const BODY = '{"version":1,"blocks":[]}';

describe('migration 13 (trash, read state, collections, sort indexes)', () => {
  it('keeps every article as it was, in the library and unread; state and collections log their changes', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const v10 = openDatabase(file, { targetVersion: libraryState.version - 1 });
    v10.exec(`
      INSERT INTO originals VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't'), ('h2', x'42', 1, 'text/plain', 'b.txt', 't');
      INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES
        ('${id(1)}', 'One', 'text', 'h1', 'x', '${BODY}', '2024-01-01T00:00:00.000Z', 't'),
        ('${id(2)}', 'Two', 'text', 'h2', 'y', '${BODY}', '2024-01-02T00:00:00.000Z', 't');`);
    const articlesBefore = v10.prepare('SELECT * FROM articles ORDER BY id').all();
    const changesBefore = v10.prepare('SELECT count(*) AS n FROM changes').get();
    v10.close();

    const db = openDatabase(file, { targetVersion: libraryState.version });
    expect(schemaVersion(db)).toBe(libraryState.version);
    expect(db.prepare('SELECT * FROM articles ORDER BY id').all()).toEqual(articlesBefore);
    expect(db.prepare('SELECT count(*) AS n FROM article_state').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM changes').get()).toEqual(changesBefore);

    const last = () =>
      db.prepare('SELECT entity, entity_id, op FROM changes ORDER BY seq DESC LIMIT 1').get();
    db.prepare(
      "INSERT INTO article_state (article_id, deleted_at, updated_at) VALUES (?, 't', 't')",
    ).run(id(1));
    expect(last()).toEqual({ entity: 'article', entity_id: id(1), op: 'delete' });
    db.prepare(
      "UPDATE article_state SET deleted_at = NULL, updated_at = 't2' WHERE article_id = ?",
    ).run(id(1));
    expect(last()).toEqual({ entity: 'article', entity_id: id(1), op: 'update' });
    db.prepare("UPDATE article_state SET read_at = 't3' WHERE article_id = ?").run(id(1));
    expect(last()).toEqual({ entity: 'article', entity_id: id(1), op: 'update' });

    db.exec(`INSERT INTO collections VALUES ('${id(9)}', 'Thesis', 'thesis', 't', 't');`);
    expect(last()).toEqual({ entity: 'collection', entity_id: id(9), op: 'insert' });
    db.exec(`INSERT INTO collection_articles VALUES ('${id(9)}', '${id(2)}', 't');`);
    expect(last()).toEqual({
      entity: 'collection_article',
      entity_id: `${id(9)}/${id(2)}`,
      op: 'insert',
    });
    expect(() =>
      db.exec(`INSERT INTO collections VALUES ('${id(8)}', 'THESIS', 'thesis', 't', 't');`),
    ).toThrow(/UNIQUE/);
    // A hard delete of an article takes its state and memberships with it.
    db.prepare('DELETE FROM articles WHERE id = ?').run(id(2));
    expect(db.prepare('SELECT count(*) AS n FROM collection_articles').get()).toEqual({ n: 0 });
    db.prepare('DELETE FROM articles WHERE id = ?').run(id(1));
    expect(db.prepare('SELECT count(*) AS n FROM article_state').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
