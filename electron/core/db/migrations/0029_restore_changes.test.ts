import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { restoreChanges } from './0029_restore_changes';

const tempDir = useTempDir();

describe('migration 29 (a restore from the trash is its own change)', () => {
  it('keeps the log as it was; from then on a restore is logged as one, an edit as an update', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const prev = openDatabase(file, { targetVersion: restoreChanges.version - 1 });
    prev.exec(
      `INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES ('h', x'41', 1, 'text/plain', 'a.txt', 't');
       INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES ('a1', 'A', 'text', 'h', 'A', '{"version":1,"blocks":[]}', 't', 't');
       INSERT INTO article_state (article_id, deleted_at, updated_at) VALUES ('a1', 't', 't');
       UPDATE article_state SET deleted_at = NULL WHERE article_id = 'a1';`,
    );
    const log = 'SELECT seq, entity, entity_id, op, at FROM changes ORDER BY seq';
    const before = prev.prepare(log).all();
    // Before: a restore was an update.
    expect(before.at(-1)).toMatchObject({ entity: 'article', entity_id: 'a1', op: 'update' });
    prev.close();

    const db = openDatabase(file, { targetVersion: restoreChanges.version });
    expect(schemaVersion(db)).toBe(restoreChanges.version);
    expect(db.prepare(log).all()).toEqual(before);
    const ops = () =>
      db
        .prepare("SELECT entity || ' ' || op FROM changes WHERE seq > ? ORDER BY seq")
        .pluck()
        .all(before.length);

    db.exec(`UPDATE article_state SET deleted_at = 't2' WHERE article_id = 'a1'`);
    db.exec(`UPDATE article_state SET deleted_at = NULL WHERE article_id = 'a1'`);
    db.exec(`UPDATE article_state SET read_at = 't3' WHERE article_id = 'a1'`);
    db.exec(`UPDATE article_state SET reading_offset = 5 WHERE article_id = 'a1'`);
    expect(ops()).toEqual([
      'article delete',
      'article restore',
      'article update',
      'reading_place update',
    ]);

    db.exec(
      `INSERT INTO passages (id, article_id, start, "end", exact, prefix, suffix, color, comment, created_at, updated_at)
         VALUES ('p1', 'a1', 0, 1, 'A', '', '', 'yellow', '', 't', 't');
       INSERT INTO notes (id, title, doc, text, word_count, created_at, updated_at) VALUES ('n1', 'N', '{}', '', 0, 't', 't');`,
    );
    const seq = db.prepare('SELECT max(seq) FROM changes').pluck().get() as number;
    for (const table of ['passages', 'notes']) {
      const id = table === 'passages' ? 'p1' : 'n1';
      db.exec(`UPDATE ${table} SET deleted_at = 't' WHERE id = '${id}'`);
      db.exec(`UPDATE ${table} SET deleted_at = NULL WHERE id = '${id}'`);
      db.exec(`UPDATE ${table} SET updated_at = 't4' WHERE id = '${id}'`);
    }
    expect(
      db
        .prepare("SELECT entity || ' ' || op FROM changes WHERE seq > ? ORDER BY seq")
        .pluck()
        .all(seq),
    ).toEqual([
      'passage delete',
      'passage restore',
      'passage update',
      'note delete',
      'note restore',
      'note update',
    ]);

    // The constraint is looser by one word only.
    expect(() =>
      db.exec(`INSERT INTO changes (entity, entity_id, op, at) VALUES ('tag', 'x', 'moved', 't')`),
    ).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
