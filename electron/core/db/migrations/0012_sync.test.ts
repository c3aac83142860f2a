import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { sync } from './0012_sync';

const tempDir = useTempDir();
const A1 = '01900000-0000-7000-8000-000000000601';

describe('migration 12 (sync)', () => {
  it('adds the sync tables and leaves the library as it was', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const vPrev = openDatabase(file, { targetVersion: sync.version - 1 });
    vPrev.exec(`
      INSERT INTO originals VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't');
      INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES
        ('${A1}', 'Monsoon rains', 'text', 'h1', 'The monsoon reached Kerala early.', '{"version":1,"blocks":[]}', 't', 't');`);
    const before = vPrev.prepare('SELECT * FROM articles').all();
    const changes = vPrev.prepare('SELECT count(*) FROM changes').pluck().get();
    vPrev.close();
    const vNext = openDatabase(file, { targetVersion: sync.version });
    expect(schemaVersion(vNext)).toBe(sync.version);
    expect(vNext.prepare('SELECT * FROM articles').all()).toEqual(before);
    // The change log is kept whole: it is where the first sync finds what to send.
    expect(vNext.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(changes);
    const tables = vNext
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'sync_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual([
      'sync_applied',
      'sync_identity',
      'sync_notes',
      'sync_outbox',
      'sync_parked',
      'sync_revisions',
      'sync_versions',
    ]);
    // One identity row at most.
    const insert = `INSERT INTO sync_identity (k, library_id, device_id, device_name, fingerprint, folder) VALUES (?, 'l', 'd', 'n', 'f', '/x')`;
    vNext.prepare(insert).run(1);
    expect(() => vNext.prepare(insert).run(2)).toThrow(/CHECK constraint/);
    vNext.close();
  });
});
