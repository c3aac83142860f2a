import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { syncMerged } from './0020_sync_merged';

const tempDir = useTempDir();

describe('migration 20 (articles merged by sync)', () => {
  it('adds sync_merged, empty, and leaves the library as it was', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const prev = openDatabase(file, { targetVersion: syncMerged.version - 1 });
    prev.exec(`INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at)
      VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't')`);
    const before = prev.prepare('SELECT hash, size FROM originals').all();
    prev.close();
    const db = openDatabase(file, { targetVersion: syncMerged.version });
    expect(schemaVersion(db)).toBe(syncMerged.version);
    expect(db.prepare('SELECT hash, size FROM originals').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM sync_merged').pluck().get()).toBe(0);
    db.prepare("INSERT INTO sync_merged VALUES ('article', 'b', 'a')").run();
    expect(() => db.prepare("INSERT INTO sync_merged VALUES ('article', 'b', 'c')").run()).toThrow(
      /UNIQUE/,
    );
    db.close();
  });
});
