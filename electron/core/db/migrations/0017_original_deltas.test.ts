import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { getOriginal } from '../../articles/originals';
import { storeOriginalAgainstText } from '../../articles/originalStore';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { originalDeltas } from './0017_original_deltas';

const tempDir = useTempDir();
const id = (n: number) => `01900000-0000-7000-8000-0000000016${String(n).padStart(2, '0')}`;
const BODY = '{"version":1,"blocks":[]}';
const TEXT = 'The ferry timetable changed in spring, and the pier was rebuilt. '.repeat(20);

describe('migration 17 (originals stored against their article text)', () => {
  it('keeps every original as it was; they can then be stored against their text and still read back', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const v15 = openDatabase(file, { targetVersion: originalDeltas.version - 1 });
    const files = [Buffer.from(`Title\n\n${TEXT}`), Buffer.from(`Other\r\n\r\n${TEXT}`)];
    const hashes = files.map((b) => createHash('sha256').update(b).digest('hex'));
    const original = v15.prepare(
      "INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at, encoding) VALUES (?, ?, ?, 'text/plain', 'a.txt', 't', ?)",
    );
    original.run(hashes[0], deflateSync(files[0]!), files[0]!.length, 'zlib');
    original.run(hashes[1], files[1], files[1]!.length, 'identity');
    const article = v15.prepare(
      `INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES (?, 'T', 'text', ?, ?, '${BODY}', 't', 't')`,
    );
    article.run(id(1), hashes[0], TEXT);
    article.run(id(2), hashes[1], TEXT);
    const before = v15.prepare('SELECT * FROM originals ORDER BY hash').all();
    v15.close();

    const db = openDatabase(file, { targetVersion: originalDeltas.version });
    expect(schemaVersion(db)).toBe(originalDeltas.version);
    expect(
      db
        .prepare(
          'SELECT hash, bytes, size, media_type, file_name, created_at, encoding FROM originals ORDER BY hash',
        )
        .all(),
    ).toEqual(before);
    expect(db.prepare('SELECT DISTINCT delta FROM originals').pluck().all()).toEqual([0]);
    for (const [i, h] of hashes.entries()) {
      expect(storeOriginalAgainstText(db, h)).toBe(true);
      expect(getOriginal(db, id(i + 1)).bytes.equals(files[i]!)).toBe(true);
    }
    expect(db.prepare('SELECT DISTINCT delta FROM originals').pluck().all()).toEqual([1]);
    // The text goes: each file is written whole again first.
    db.prepare("UPDATE articles SET text = 'new' WHERE id = ?").run(id(1));
    db.prepare('DELETE FROM articles WHERE id = ?').run(id(2));
    const rows = db.prepare('SELECT hash, delta, encoding FROM originals ORDER BY hash').all();
    expect(rows).toEqual(
      hashes
        .map((hash) => ({ hash, delta: 0, encoding: 'zlib' }))
        .sort((a, b) => a.hash.localeCompare(b.hash)),
    );
    expect(getOriginal(db, id(1)).bytes.equals(files[0]!)).toBe(true);
    expect(() =>
      db.prepare('UPDATE originals SET delta = 2 WHERE hash = ?').run(hashes[0]),
    ).toThrow(/CHECK/);
    db.close();
  });
});
