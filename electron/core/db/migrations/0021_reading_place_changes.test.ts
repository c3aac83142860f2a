import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { readingPlaceChanges } from './0021_reading_place_changes';

const tempDir = useTempDir();

describe('migration 21 (a reading-place save is its own change)', () => {
  it('keeps the state there is; a place alone logs reading_place, anything else article', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const prev = openDatabase(file, { targetVersion: readingPlaceChanges.version - 1 });
    prev.exec(`
      INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at)
        VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't'), ('h2', x'42', 1, 'text/plain', 'b.txt', 't');
      INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at)
        VALUES ('a1', 'A', 'text', 'h1', 'Some text here', '{}', 't', 't'),
               ('a2', 'B', 'text', 'h2', 'Other text', '{}', 't', 't');
      INSERT INTO article_state (article_id, read_at, reading_offset, updated_at) VALUES ('a1', 't', 3, 't');
    `);
    const before = prev.prepare('SELECT * FROM article_state').all();
    const logged = prev.prepare('SELECT count(*) FROM changes').pluck().get();
    prev.close();

    const db = openDatabase(file, { targetVersion: readingPlaceChanges.version });
    expect(schemaVersion(db)).toBe(readingPlaceChanges.version);
    expect(db.prepare('SELECT * FROM article_state').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(logged);
    const last = () =>
      db.prepare('SELECT entity, entity_id, op FROM changes ORDER BY seq DESC LIMIT 1').get();

    // A first place (a new state row holding only the place), then a moved place.
    db.exec(
      "INSERT INTO article_state (article_id, reading_offset, updated_at) VALUES ('a2', 4, 't')",
    );
    expect(last()).toEqual({ entity: 'reading_place', entity_id: 'a2', op: 'update' });
    db.exec(
      "UPDATE article_state SET reading_offset = 5, updated_at = 'u' WHERE article_id = 'a1'",
    );
    expect(last()).toEqual({ entity: 'reading_place', entity_id: 'a1', op: 'update' });
    // Read state, trash and restore stay the article's changes, with or without a place.
    db.exec("UPDATE article_state SET read_at = NULL WHERE article_id = 'a1'");
    expect(last()).toEqual({ entity: 'article', entity_id: 'a1', op: 'update' });
    db.exec(
      "UPDATE article_state SET deleted_at = 't', reading_offset = 6 WHERE article_id = 'a1'",
    );
    expect(last()).toEqual({ entity: 'article', entity_id: 'a1', op: 'delete' });
    db.exec("UPDATE article_state SET deleted_at = NULL WHERE article_id = 'a1'");
    expect(last()).toEqual({ entity: 'article', entity_id: 'a1', op: 'update' });
    // A state row that is only touched (no field changed) is the article's, as before.
    db.exec("UPDATE article_state SET updated_at = 'v' WHERE article_id = 'a2'");
    expect(last()).toEqual({ entity: 'article', entity_id: 'a2', op: 'update' });
    db.close();
  });
});
