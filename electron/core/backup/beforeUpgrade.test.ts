import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { registerLibraryFunctions } from '../db/functions';
import { schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { openDatabase } from '../db/open';
import { upgradeBackupPath } from './beforeUpgrade';

const tempDir = useTempDir();
const LATEST = migrations.at(-1)!.version;
const OLD = LATEST - 2;

/** A library left at schema `OLD` by an older build, holding one article. */
function oldLibrary(dir: string): string {
  const file = join(dir, 'lib.sqlite');
  const db = openDatabase(file, { targetVersion: OLD });
  db.exec(`
    INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't');
    INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at)
      VALUES ('01900000-0000-7000-8000-000000000601', 'Kept', 'text', 'h1', 'Body text.', '{"version":1,"blocks":[]}', 't', 't');`);
  db.close();
  return file;
}

/** A read-only connection with the schema's SQL functions, which its indexes need to be checked. */
const readOnly = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  registerLibraryFunctions(db);
  return db;
};

describe('the copy kept before an upgrade', () => {
  it('is the library as it was, written once, beside it', () => {
    const dir = tempDir();
    const file = oldLibrary(dir);
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST);
    db.close();

    const copyPath = upgradeBackupPath(file, OLD);
    const copy = readOnly(copyPath);
    expect(copy.pragma('user_version', { simple: true })).toBe(OLD);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT title FROM articles').pluck().all()).toEqual(['Kept']);
    copy.close();

    // Opening the upgraded library again copies nothing more; no temp file is left.
    const written = statSync(copyPath).mtimeMs;
    openDatabase(file).close();
    expect(statSync(copyPath).mtimeMs).toBe(written);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak') || f.endsWith('.tmp'))).toEqual([
      `lib.sqlite.v${OLD}.bak`,
    ]);
  });

  it('is announced before the upgrade, and skipped for derived libraries that ask (the bench cache)', () => {
    const dir = tempDir();
    const file = oldLibrary(dir);
    const told: unknown[] = [];
    openDatabase(file, { noUpgradeCopy: true, onUpgrade: (u) => told.push(u) }).close();
    expect(told).toEqual([{ from: OLD, to: LATEST, copy: null }]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
    openDatabase(file, { onUpgrade: (u) => told.push(u) }).close();
    expect(told).toHaveLength(1); // nothing left to upgrade
  });

  it('is not made for a new library', () => {
    const dir = tempDir();
    openDatabase(join(dir, 'new.sqlite')).close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('replaces the copy of an earlier upgrade of the same library only', () => {
    const dir = tempDir();
    const file = oldLibrary(dir);
    writeFileSync(join(dir, 'lib.sqlite.v2.bak'), 'an earlier upgrade');
    writeFileSync(join(dir, 'other.sqlite.v2.bak'), 'another library');
    openDatabase(file).close();
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.bak'))
        .sort(),
    ).toEqual([`lib.sqlite.v${OLD}.bak`, 'other.sqlite.v2.bak']);
  });

  it('that cannot be written stops the upgrade with a message naming it, and leaves the library as it was', () => {
    const dir = tempDir();
    const file = oldLibrary(dir);
    mkdirSync(upgradeBackupPath(file, OLD)); // a folder where the copy should go
    expect(() => openDatabase(file)).toThrow(
      new RegExp(
        `keeps a copy of it first \\(${upgradeBackupPath(file, OLD).replaceAll('.', '\\.')}\\), but could not write the copy`,
      ),
    );
    const lib = readOnly(file);
    expect(lib.pragma('user_version', { simple: true })).toBe(OLD);
    expect(lib.prepare('SELECT title FROM articles').pluck().all()).toEqual(['Kept']);
    lib.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
