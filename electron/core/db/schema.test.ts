/**
 * Migrations are frozen history: a library created today must get exactly the schema that one
 * created by any earlier version and upgraded gets. Covers every migration in the list, so a new
 * one is checked as soon as it is appended.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { createNote } from '../notes/repo';
import { registerLibraryFunctions } from './functions';
import { checkSearchIndexes, rebuildSearchIndexes } from '../search/rebuild';
import { search } from '../search/search';
import { addArticle, addPassage } from '../search/test-library';
import { schemaVersion } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open';
import { writeTransaction } from './transactions';

const tempDir = useTempDir();

/**
 * The schema each version had when it shipped (sha256 of its `sqlite_schema` rows as `schemaOf`
 * lists them, as JSON): libraries of those versions exist, so a migration's SQL may never change.
 * Append a version here once a build with it has shipped.
 */
const SHIPPED: Readonly<Record<number, string>> = {
  1: 'e01cd16a18714a13e32fcf7a2a9cecb1704aaf301b0e045499e31a36b99f0455',
  2: '5a9ae2dbe4a6e5d7a2d8398dee257e93b8fe72b915c76d679d41671e625e24f8',
  3: 'a416e5a8f4cdae742bb9ca9ead57ce1b8364d475a46fef41047594e65b2385e7',
  4: '6b34f24d2423bca8d1ca302da3129a6435748852b2761f0b52e9c2eb42f787c7',
  5: '010ff8e12d91c190d814963616eb9a21569cf686160b67578bbc1966114c5afe',
  6: 'f6381169e160d580a3cb87e8f32ed94bb07e6498a867f3c393c235eac1bcdb2c',
  7: '3dda3be387daa1d3dc5e619838c941b3f9c50f88806a6f443fa844b5a28dff26',
  8: '86501ce32b8fc5b9d279f0d04ee4426d0c2b85d04e601a1b104c9ba3752bc3b3',
  9: 'dd4180660193661c60acb01e27d5446ab3bf158b11689d8d6f66c32534091ec3',
  10: '065ee5906d64e41ec573f97283a14b387714aea75a213322d787b5daafd99495',
  11: '0309278db1d744c99f4b5797102d95a85d5237e7c390dc821ed307f00b96d3a3',
  12: 'ef19f8a5c1c9855276dca4d17d47edac27dc2040b98f08556ac4b302316e048c',
  13: 'f341bfe32de3852f8cfd755cdf46816a1a5985e2059c6649fbc4a7c37ac09f84',
};
const LATEST = migrations.at(-1)!.version;

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

function schemaOf(db: Database): SchemaRow[] {
  return db
    .prepare<[], SchemaRow>(
      'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name, tbl_name',
    )
    .all();
}

/** Articles written with migration 1's columns, so any version can hold them. */
function addArticles(db: Database): void {
  const now = '2026-01-01T00:00:00.000Z';
  const rows = [
    ['a1', 'Harbour report', 'The ferry timetable changed in spring.'],
    ['a2', '平壤 港口', '平壤的渡轮 schedule follows the tides.'],
    ['a3', 'Notes on 한국어', '푸틴은 말했다. Plain words too.'],
  ];
  const original = db.prepare(
    `INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, ?, 1, 'text/plain', ?, ?)`,
  );
  const article = db.prepare(
    `INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES (?, ?, 'text', ?, ?, '{}', ?, ?)`,
  );
  writeTransaction(db, () => {
    for (const [id, title, text] of rows) {
      original.run(`hash-${id}`, Buffer.from(id!), `${id}.txt`, now);
      article.run(id, title, `hash-${id}`, text, now, now);
    }
  });
}

/** SQL words that may stand before a parenthesis without being functions. */
const NOT_FUNCTIONS = [
  'fts5',
  'fts5vocab',
  'key',
  'check',
  'unique',
  'values',
  'in',
  'exists',
  'as',
];

/** Names called as functions in the schema's SQL (`name(`), minus tables, views and SQL words. */
function functionsCalled(schema: SchemaRow[]): string[] {
  const objects = new Set([...schema.map((r) => r.name.toLowerCase()), ...NOT_FUNCTIONS]);
  const called = new Set<string>();
  for (const { sql } of schema) {
    // Without comments and string literals.
    const code = (sql ?? '').replace(/--[^\n]*/g, '').replace(/'(?:[^']|'')*'/g, "''");
    for (const m of code.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\(/g)) {
      const name = m[1]!.toLowerCase();
      if (!objects.has(name)) called.add(name);
    }
  }
  return [...called].sort();
}

function registeredFunctions(db: Database): Set<string> {
  return new Set(
    db
      .prepare<[], { name: string }>('SELECT name FROM pragma_function_list')
      .all()
      .map((r) => r.name.toLowerCase()),
  );
}

/** The rows of the indexes that keep their text, and the row ids of the gram indexes. */
function indexRows(db: Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of [
    'passages_fts',
    'passages_cjk',
    'notes_fts',
    'notes_cjk',
    'passages_grams',
    'notes_grams',
  ])
    out[t] = db.prepare(`SELECT rowid, * FROM ${t} ORDER BY rowid`).all();
  for (const t of ['articles_fts', 'articles_cjk', 'articles_grams'])
    out[t] = db.prepare(`SELECT rowid FROM ${t} ORDER BY rowid`).pluck().all();
  return out;
}

describe('schema: fresh library and upgraded libraries agree', () => {
  it('each shipped version still creates the schema it shipped with', () => {
    const dir = tempDir();
    for (const [version, hash] of Object.entries(SHIPPED)) {
      const db = openDatabase(join(dir, `v${version}.sqlite`), { targetVersion: Number(version) });
      const actual = createHash('sha256')
        .update(JSON.stringify(schemaOf(db)))
        .digest('hex');
      db.close();
      expect(actual, `migration ${version} no longer creates the schema it shipped with`).toBe(
        hash,
      );
    }
  });

  it(`every version 1..${LATEST - 1} upgraded to ${LATEST} has the fresh schema, and its indexes are exact`, () => {
    const dir = tempDir();
    const fresh = openDatabase(join(dir, 'fresh.sqlite'));
    addArticles(fresh);
    const expected = schemaOf(fresh);
    expect(checkSearchIndexes(fresh)).toEqual([]);
    const freshHits = search(fresh, '平壤').hits.length;
    expect(freshHits).toBe(1);
    fresh.close();

    for (let from = 1; from < LATEST; from++) {
      const file = join(dir, `from-${from}.sqlite`);
      const old = openDatabase(file, { targetVersion: from });
      expect(schemaVersion(old)).toBe(from);
      addArticles(old);
      old.close();
      const upgraded = openDatabase(file, { noUpgradeCopy: true });
      expect(schemaVersion(upgraded), `from ${from}`).toBe(LATEST);
      expect(schemaOf(upgraded), `schema upgraded from ${from}`).toEqual(expected);
      expect(checkSearchIndexes(upgraded), `indexes upgraded from ${from}`).toEqual([]);
      expect(search(upgraded, '平壤').hits.length, `search upgraded from ${from}`).toBe(freshHits);
      upgraded.close();
    }
  });

  it('the schema calls only functions every connection registers, and the rebuild agrees with the triggers', () => {
    const db = openDatabase(join(tempDir(), 'lib.sqlite'));
    addArticles(db);
    // Passages and notes with tags in both kinds of script, written by the app's own code.
    const article = addArticle(db, {
      title: '港口 notes',
      body: '渡轮时刻表 and the ferry timetable.',
    });
    addPassage(db, article, '渡轮时刻表', { tags: ['港口', 'transport'], comment: '平壤 comment' });
    addPassage(db, article, 'ferry timetable', { tags: ['transport', 'schedules'] });
    createNote(db, {
      title: '渡轮 note',
      markdown: 'About 港口 and ferries.',
      tags: ['港口', 'notes'],
    });
    createNote(db, { title: 'Plain note', markdown: 'Ferries only.', tags: ['transport'] });
    expect(checkSearchIndexes(db)).toEqual([]);
    const called = functionsCalled(schemaOf(db));
    // SQLite's own functions, as a connection without ours has them.
    const bare = new BetterSqlite3(':memory:');
    const builtin = registeredFunctions(bare);
    registerLibraryFunctions(bare);
    const ours = [...registeredFunctions(bare)].filter((f) => !builtin.has(f)).sort();
    bare.close();
    expect(ours.length).toBeGreaterThan(0);
    // The app's functions the triggers and views call are exactly the ones registered, but for
    // the fold: the library filter calls it in queries, and migration 18 indexed it (dropped by 22).
    expect(called.filter((f) => !builtin.has(f))).toEqual(
      ours.filter((f) => f !== 'commonplace_fold'),
    );
    // No index calls one of them: another SQLite tool (no functions of ours) can check the file.
    const file = db.name;
    const plain = new BetterSqlite3(file, { readonly: true });
    expect(plain.pragma('integrity_check', { simple: true })).toBe('ok');
    plain.close();
    // Rebuilt from today's definitions (search/indexes.ts), the indexes match what the
    // migrations' triggers wrote.
    const before = indexRows(db);
    rebuildSearchIndexes(db);
    expect(checkSearchIndexes(db)).toEqual([]);
    expect(indexRows(db)).toEqual(before);
    expect(search(db, '平壤').hits.length).toBe(2);
    expect(search(db, '푸틴').hits.length).toBe(1);
    db.close();
  });
});
