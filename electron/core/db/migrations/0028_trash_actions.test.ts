import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { trashActions } from './0028_trash_actions';

const tempDir = useTempDir();

describe('migration 28 (which trash action trashed an article)', () => {
  it('keeps the trash there is; a row lasts only while its article stays trashed so', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const prev = openDatabase(file, { targetVersion: trashActions.version - 1 });
    for (const id of ['a1', 'a2'])
      prev.exec(
        `INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES ('h-${id}', x'41', 1, 'text/plain', 'a.txt', 't');
         INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES ('${id}', 'A', 'text', 'h-${id}', 'A', '{"version":1,"blocks":[]}', 't', 't')`,
      );
    prev.exec(
      `INSERT INTO article_state (article_id, deleted_at, updated_at) VALUES ('a1', '2026-01-01T00:00:00.000Z', 't'), ('a2', '2026-01-01T00:00:00.000Z', 't')`,
    );
    const before = prev.prepare('SELECT * FROM article_state ORDER BY article_id').all();
    prev.close();

    const db = openDatabase(file, { targetVersion: trashActions.version });
    expect(schemaVersion(db)).toBe(trashActions.version);
    expect(db.prepare('SELECT * FROM article_state ORDER BY article_id').all()).toEqual(before);
    // Trashed before: no action of it to undo.
    expect(db.prepare('SELECT count(*) FROM trash_actions').pluck().get()).toBe(0);

    db.exec(`INSERT INTO trash_actions (article_id, action_id) VALUES ('a1', 'x'), ('a2', 'x')`);
    const rows = () => db.prepare('SELECT article_id FROM trash_actions').pluck().all();
    // Another write of the state that leaves it trashed as it was keeps the row...
    db.exec(`UPDATE article_state SET read_at = 't2' WHERE article_id = 'a1'`);
    expect(rows()).toEqual(['a1', 'a2']);
    // ...a restore (or another trash instant) drops it, so do a cleared state and a deleted article.
    db.exec(`UPDATE article_state SET deleted_at = NULL WHERE article_id = 'a1'`);
    expect(rows()).toEqual(['a2']);
    db.exec(`DELETE FROM article_state WHERE article_id = 'a2'`);
    expect(rows()).toEqual([]);
    db.exec(`INSERT INTO trash_actions (article_id, action_id) VALUES ('a2', 'y')`);
    db.exec(`DELETE FROM articles WHERE id = 'a2'`);
    expect(rows()).toEqual([]);
    db.close();
  });
});
