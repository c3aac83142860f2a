import { statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { compactAfterUpgrade } from './compact';
import { schemaVersion } from './migrate';
import { openDatabase } from './open';
import { writeTransaction } from './transactions';

const tempDir = useTempDir();

/** A schema-13 library whose bodies repeat their text, as every library before migration 14 did. */
function oldLibrary(file: string, articles: number): void {
  const db = openDatabase(file, { targetVersion: 13 });
  const original = db.prepare(
    `INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, ?, ?, 'text/plain', 'a.txt', 't')`,
  );
  const article = db.prepare(
    `INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES (?, ?, 'text', ?, ?, ?, 't', 't')`,
  );
  writeTransaction(db, () => {
    for (let i = 0; i < articles; i++) {
      const text =
        `Article ${i}: ` + 'the ferry left the harbour at dawn and the tide turned. '.repeat(150);
      const hash = `h${i}`;
      original.run(hash, Buffer.from(text), text.length);
      const body = { version: 1, blocks: [{ type: 'paragraph', content: [{ text }] }] };
      const id = `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      article.run(id, `Article ${i}`, hash, text, JSON.stringify(body));
    }
  });
  db.close();
}

describe('compacting after an upgrade', () => {
  it('gives the space the storage migrations freed back to the disk', () => {
    const file = join(tempDir(), 'lib.sqlite');
    oldLibrary(file, 300);
    const sizeBefore = statSync(file).size;
    const db = openDatabase(file, { noUpgradeCopy: true });
    expect(schemaVersion(db)).toBeGreaterThan(13);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // Bodies no longer repeat their text and originals are compressed (without the VACUUM the
    // file keeps its size, the freed pages inside it).
    expect(statSync(file).size).toBeLessThan(sizeBefore * 0.8);
  });

  it('leaves a library with little free space alone, and never throws when it cannot vacuum', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const db = openDatabase(file);
    expect(compactAfterUpgrade(db)).toBe(false);
    db.exec('CREATE TABLE filler (x BLOB)');
    db.prepare('INSERT INTO filler VALUES (zeroblob(4000000))').run();
    db.exec('DROP TABLE filler');
    expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(0);
    // Another process writing (a CLI import, the app) holds the file: VACUUM can't run, and the
    // library stays usable.
    const other = new BetterSqlite3(file);
    db.pragma('busy_timeout = 50');
    writeTransaction(other, () => expect(compactAfterUpgrade(db)).toBe(false));
    other.close();
    expect(compactAfterUpgrade(db)).toBe(true);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    db.close();
    const plain = new BetterSqlite3(file, { readonly: true });
    expect(plain.pragma('integrity_check', { simple: true })).toBe('ok');
    plain.close();
  });
});
