import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { isCommonplaceError } from '../errors';
import { migrate, schemaVersion, type Migration } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open';

const tempDir = useTempDir();

describe('openDatabase', () => {
  it('creates a migrated library with WAL, foreign keys, a busy timeout and temporary storage in memory', () => {
    const file = join(tempDir(), 'nested', 'lib.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // Statement journals (every triggered insert) stay in memory: 2 = MEMORY.
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'articles',
        'originals',
        'tags',
        'article_tags',
        'changes',
        'articles_fts',
      ]),
    );
    db.close();
  });

  it('refuses a library written by a newer version, naming the file, and leaves it untouched', () => {
    const file = join(tempDir(), 'future.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE future_thing (x)');
    raw.pragma('user_version = 999');
    raw.close();
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(isCommonplaceError(error) && error.code).toBe('newer_database');
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/newer version of Commonplace/);
    const check = new BetterSqlite3(file);
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('refuses a file that is not a database with a clear message', async () => {
    const file = join(tempDir(), 'notes.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'just some text, not sqlite at all '.repeat(100));
    expect(() => openDatabase(file)).toThrow(/not a Commonplace library/);
  });

  it('refuses a folder given as the library file', () => {
    const dir = tempDir();
    expect(() => openDatabase(dir)).toThrow(/is a folder/);
  });
});

describe('migrate', () => {
  it('applies each migration in its own transaction: a failing one leaves the previous version intact', () => {
    const db = new BetterSqlite3(':memory:');
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a (x)') },
      {
        version: 2,
        name: 'two-fails',
        up: (d) => {
          d.exec('CREATE TABLE b (x)');
          throw new Error('boom in migration 2');
        },
      },
    ];
    expect(() => migrate(db, steps, 'mem')).toThrow('boom in migration 2');
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(tables).toEqual(['a']);
  });

  it('stops at a target version and resumes later (how migration tests reach N-1 first)', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const db = openDatabase(file, { targetVersion: 0 });
    expect(schemaVersion(db)).toBe(0);
    db.close();
    const again = openDatabase(file);
    expect(schemaVersion(again)).toBe(migrations.at(-1)!.version);
    again.close();
  });

  it('numbers migrations consecutively from 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });
});

describe('migration 1 (initial)', () => {
  it('keeps the article search index in step with the articles table through triggers', () => {
    const db = openDatabase(join(tempDir(), 'lib.sqlite'));
    db.prepare(
      "INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES ('h1', x'00', 1, 'text/plain', 'a.txt', 'now')",
    ).run();
    db.prepare(
      "INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES ('0190a000-0000-7000-8000-000000000001', 'Café society', 'text', 'h1', 'body words here', '{}', 'now', 'now')",
    ).run();
    const match = (q: string) =>
      db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?').pluck().all(q);
    expect(match('cafe')).toHaveLength(1); // diacritics folded
    db.prepare("UPDATE articles SET text = 'different words' WHERE hash = 'h1'").run();
    expect(match('body')).toHaveLength(0);
    expect(match('different')).toHaveLength(1);
    db.prepare("DELETE FROM articles WHERE hash = 'h1'").run();
    expect(match('different')).toHaveLength(0);
    const log = db.prepare('SELECT entity, op FROM changes ORDER BY seq').all();
    expect(log).toEqual([
      { entity: 'article', op: 'insert' },
      { entity: 'article', op: 'update' },
      { entity: 'article', op: 'delete' },
    ]);
    db.close();
  });
});
