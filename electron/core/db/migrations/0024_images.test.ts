import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { images } from './0024_images';

const tempDir = useTempDir();

describe('migration 24 (kept pictures)', () => {
  it('keeps the articles there are and adds an images table that takes only picture types', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const prev = openDatabase(file, { targetVersion: images.version - 1 });
    prev.exec(
      `INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't')`,
    );
    prev.exec(
      `INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES ('a1', 'A', 'text', 'h1', 'A', '{"version":1,"blocks":[]}', 't', 't')`,
    );
    const before = prev.prepare('SELECT * FROM articles').all();
    prev.close();

    const db = openDatabase(file, { targetVersion: images.version });
    expect(schemaVersion(db)).toBe(images.version);
    expect(db.prepare('SELECT * FROM articles').all()).toEqual(before);
    const insert = db.prepare(
      "INSERT INTO images (hash, bytes, size, media_type, created_at) VALUES (?, x'89', 1, ?, 't')",
    );
    insert.run('p', 'image/png');
    insert.run('s', 'image/svg+xml');
    expect(() => insert.run('h', 'text/html')).toThrow(/CHECK/);
    expect(db.prepare('SELECT hash FROM images ORDER BY hash').pluck().all()).toEqual(['p', 's']);
    db.close();
  });
});
