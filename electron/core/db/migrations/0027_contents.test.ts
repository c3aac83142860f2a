import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { contents } from './0027_contents';

const tempDir = useTempDir();

describe('migration 27 (a document’s own contents)', () => {
  it('keeps the articles there are, with no contents, and takes only JSON', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const prev = openDatabase(file, { targetVersion: contents.version - 1 });
    prev.exec(
      `INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't')`,
    );
    prev.exec(
      `INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES ('a1', 'A', 'text', 'h1', 'A', '{"version":1,"blocks":[]}', 't', 't')`,
    );
    const before = prev.prepare('SELECT * FROM articles').get() as Record<string, unknown>;
    prev.close();

    const db = openDatabase(file, { targetVersion: contents.version });
    expect(schemaVersion(db)).toBe(contents.version);
    expect(db.prepare('SELECT * FROM articles').get()).toEqual({ ...before, contents: null });
    const set = db.prepare("UPDATE articles SET contents = ? WHERE id = 'a1'");
    set.run('[{"level":1,"title":"A","start":0}]');
    expect(() => set.run('[{"level":1,')).toThrow(/CHECK/);
    db.close();
  });
});
