import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { openDatabase } from './open';
import { readTransaction, writeTransaction } from './transactions';

const tempDir = useTempDir('commonplace-tx-');
const ELECTRON = join(__dirname, '..', '..');

/** Two connections to one library file, as two processes would have. */
function twoConnections(): [Database, Database] {
  const file = join(tempDir(), 'library.sqlite');
  const a = openDatabase(file);
  a.exec('CREATE TABLE scratch (name TEXT NOT NULL)');
  const b = openDatabase(file);
  // `b` must not wait: the tests look at who holds the lock when, not at how long anyone waits.
  b.pragma('busy_timeout = 0');
  return [a, b];
}

const rowCount = (db: Database) =>
  db.prepare<[], { n: number }>('SELECT count(*) AS n FROM scratch').get()!.n;
const addRow = (db: Database, name: string) =>
  db.prepare('INSERT INTO scratch (name) VALUES (?)').run(name);

describe('write transactions', () => {
  it('a plain deferred transaction that reads, then writes after another connection committed, is refused (the bug)', () => {
    const [a, b] = twoConnections();
    try {
      expect(() =>
        b.transaction(() => {
          rowCount(b); // b now reads from a snapshot…
          addRow(a, 'other'); // …that another connection's commit makes stale
          addRow(b, 'mine');
        })(),
      ).toThrow(/database is locked/);
      expect(rowCount(a)).toBe(1);
    } finally {
      a.close();
      b.close();
    }
  });

  it('writeTransaction holds the write lock from its first read, so the other writer waits instead', () => {
    const [a, b] = twoConnections();
    a.pragma('busy_timeout = 0');
    try {
      writeTransaction(b, () => {
        rowCount(b);
        // The lock is already b's: a's write is what has to wait (here: fails at once, timeout 0).
        expect(() => addRow(a, 'other')).toThrow(/database is locked/);
        addRow(b, 'mine');
      });
      expect(rowCount(a)).toBe(1);
      addRow(a, 'other');
      expect(rowCount(b)).toBe(2);
    } finally {
      a.close();
      b.close();
    }
  });

  it('writeTransaction commits all or nothing, and nests as a savepoint', () => {
    const [a, b] = twoConnections();
    try {
      expect(() =>
        writeTransaction(a, () => {
          addRow(a, 'one');
          writeTransaction(a, () => addRow(a, 'two'));
          throw new Error('stop');
        }),
      ).toThrow('stop');
      expect(rowCount(b)).toBe(0);
      writeTransaction(a, () => {
        addRow(a, 'one');
        expect(() =>
          writeTransaction(a, () => {
            addRow(a, 'two');
            throw new Error('inner');
          }),
        ).toThrow('inner');
      });
      expect(
        b
          .prepare<[], { name: string }>('SELECT name FROM scratch')
          .all()
          .map((r) => r.name),
      ).toEqual(['one']);
    } finally {
      a.close();
      b.close();
    }
  });

  it('readTransaction sees one snapshot and refuses to write', () => {
    const [a, b] = twoConnections();
    try {
      const seen = readTransaction(b, () => {
        const before = rowCount(b);
        addRow(a, 'meanwhile');
        return [before, rowCount(b)];
      });
      expect(seen).toEqual([0, 0]);
      expect(rowCount(b)).toBe(1);
      expect(() => readTransaction(b, () => addRow(b, 'sneaky'))).toThrow(/readonly|read-only/i);
      // Writing works again afterwards.
      writeTransaction(b, () => addRow(b, 'fine'));
      expect(rowCount(a)).toBe(2);
    } finally {
      a.close();
      b.close();
    }
  });

  it('every connection the app opens waits for a busy library', () => {
    const [a, b] = twoConnections();
    try {
      expect(a.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    } finally {
      a.close();
      b.close();
    }
  });
});

/** Every .ts file under electron/, tests and benches included: they write to libraries too. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory())
      return e.name === 'node_modules' || e.name === 'fixtures' ? [] : sourceFiles(path);
    return /\.(ts|mts|cts|mjs|cjs)$/.test(e.name) ? [path] : [];
  });
}

describe('no transaction opened any other way (a deferred write transaction fails under concurrent writers)', () => {
  const HELPER = join(__dirname, 'transactions.ts');
  const THIS_TEST = __filename;
  // `.transaction(` is better-sqlite3's deferred transaction; BEGIN/SAVEPOINT by hand bypass the helper.
  const FORBIDDEN = [/\.transaction\s*\(/, /['"`]\s*(BEGIN|SAVEPOINT)\b/i];

  it('finds the calls it forbids (the check itself works)', () => {
    const bad = [
      'db.transaction(() => {})()',
      "db.exec('BEGIN')",
      'db.exec("BEGIN IMMEDIATE;")',
      'db.prepare(`SAVEPOINT x`)',
    ];
    for (const line of bad)
      expect(
        FORBIDDEN.some((re) => re.test(line)),
        line,
      ).toBe(true);
    const fine = [
      'writeTransaction(db, () => {})',
      'CREATE TRIGGER t AFTER INSERT ON x BEGIN',
      '`WHEN (x) BEGIN`',
    ];
    for (const line of fine)
      expect(
        FORBIDDEN.some((re) => re.test(line)),
        line,
      ).toBe(false);
  });

  it('only db/transactions.ts opens transactions', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(ELECTRON)) {
      if (file === HELPER || file === THIS_TEST) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (FORBIDDEN.some((re) => re.test(line)))
            offenders.push(`${relative(ELECTRON, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(
      offenders,
      'use writeTransaction (or readTransaction) from electron/core/db/transactions.ts',
    ).toEqual([]);
  });

  it('only openDatabase opens the library (so every connection gets its busy_timeout): no other connection outside tests', () => {
    // The backup's copy and repair's read-only open of a damaged file (openDatabase would migrate,
    // that is write to, it) set the same busy_timeout themselves.
    const allowed = new Set([
      join(__dirname, 'open.ts'),
      join(ELECTRON, 'core', 'backup', 'backup.ts'),
      join(__dirname, 'repair.ts'),
    ]);
    const offenders = sourceFiles(ELECTRON)
      .filter((f) => !/\.test\.ts$/.test(f) && !allowed.has(f))
      .filter((f) =>
        /new\s+BetterSqlite3\s*\(|from 'better-sqlite3'/.test(
          readFileSync(f, 'utf8').replace(/import type [^;]*;/g, ''),
        ),
      )
      .map((f) => relative(ELECTRON, f));
    expect(offenders, 'open the library with openDatabase (db/open.ts)').toEqual([]);
  });
});
