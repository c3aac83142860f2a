import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { readingPlace } from './0016_reading_place';

const tempDir = useTempDir();
const id = (n: number) => `01900000-0000-7000-8000-0000000016${String(n).padStart(2, '0')}`;
const BODY = '{"version":1,"blocks":[]}';

describe('migration 16 (reading place)', () => {
  it('keeps every state row as it was, with no place; a place is stored, checked and logged', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const before = openDatabase(file, { targetVersion: readingPlace.version - 1 });
    before.exec(`
      INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't');
      INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES
        ('${id(1)}', 'One', 'text', 'h1', 'x', '${BODY}', '2024-01-01T00:00:00.000Z', 't');
      INSERT INTO article_state (article_id, read_at, last_read_at, updated_at) VALUES ('${id(1)}', 'r', 'l', 'u');`);
    const changesBefore = before.prepare('SELECT count(*) AS n FROM changes').get();
    before.close();

    const db = openDatabase(file, { targetVersion: readingPlace.version });
    expect(schemaVersion(db)).toBe(readingPlace.version);
    expect(db.prepare('SELECT * FROM article_state').all()).toEqual([
      {
        article_id: id(1),
        deleted_at: null,
        read_at: 'r',
        last_read_at: 'l',
        updated_at: 'u',
        reading_offset: null,
      },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM changes').get()).toEqual(changesBefore);

    db.prepare('UPDATE article_state SET reading_offset = 1234 WHERE article_id = ?').run(id(1));
    expect(
      db.prepare('SELECT entity, entity_id, op FROM changes ORDER BY seq DESC LIMIT 1').get(),
    ).toEqual({ entity: 'article', entity_id: id(1), op: 'update' });
    expect(() =>
      db.prepare('UPDATE article_state SET reading_offset = -1 WHERE article_id = ?').run(id(1)),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("UPDATE article_state SET reading_offset = 'top' WHERE article_id = ?").run(id(1)),
    ).toThrow(/cannot store TEXT/);
    db.close();
  });
});
