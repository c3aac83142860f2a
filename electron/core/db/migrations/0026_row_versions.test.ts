import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import type { SyncEntity, SyncOp } from '../../../model/sync';
import { addArticle, addPassage } from '../../search/test-library';
import { applyOp, type ApplyContext } from '../../sync/apply';
import { captureLocal, lastChange } from '../../sync/capture';
import { HybridClock } from '../../sync/hlc';
import { readIdentity } from '../../sync/identity';
import { snapshot } from '../../sync/rows';
import { isTombstoned, versionsOf } from '../../sync/versions';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { writeTransaction } from '../transactions';
import { rowVersions } from './0026_row_versions';

const tempDir = useTempDir();

const DEVICE = '019aa0a4-1d2b-7c3e-8f00-00000000000a';
const OTHER = '019aa0a4-1d2b-7c3e-8f00-00000000000b';
/** A clock reading at `wall` ms (the counter and device as given). */
const at = (wall: number, device = OTHER, counter = 0) =>
  `${String(wall).padStart(13, '0')}-${counter.toString(16).padStart(6, '0')}-${device}`;

/** The field hash as migration 12's capture stored it: the whole sha256 of the value's JSON. */
const oldHash = (v: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(v ?? null))
    .digest('hex');

type OldVersion = { entity: SyncEntity; id: string; field: string; hlc: string; hash: string };

/**
 * A version-24 library as a synced device left it: rows made by the app's own code, and for each
 * synced row and field a `sync_versions` row as the per-field capture wrote it (its clock reading
 * and the full sha256 of the value), readings differing between fields of one row.
 */
function oldLibrary(file: string) {
  const db = openDatabase(file, { targetVersion: rowVersions.version - 1 });
  const article = addArticle(db, {
    title: 'Harbour report',
    body: 'The ferry timetable changed in spring.',
  });
  const passage = addPassage(db, article, 'ferry timetable', { tags: ['transport'] });
  const tag = db.prepare<[], string>('SELECT id FROM tags').pluck().get()!;
  const versions: OldVersion[] = [];
  const record = (entity: SyncEntity, id: string, wallOf: (field: string) => number) => {
    for (const [field, value] of Object.entries(snapshot(db, entity, id)!))
      versions.push({ entity, id, field, hlc: at(wallOf(field), DEVICE), hash: oldHash(value) });
  };
  // The article's title and the passage's colour edited after the rows were made.
  record('article', article, (f) => (f === 'title' ? 3000 : 1000));
  record('passage', passage, (f) => (f === 'color' ? 4000 : 2000));
  record('passage_tag', `${passage}/${tag}`, () => 2000);
  record('tag', tag, () => 1500);
  // A tag deleted for good here: its tombstone, with the fields it had.
  const gone = '019aa0a4-1d2b-7c3e-8f00-0000000000ff';
  versions.push(
    { entity: 'tag', id: gone, field: 'name', hlc: at(500, DEVICE), hash: oldHash({ name: 'x' }) },
    { entity: 'tag', id: gone, field: '_del', hlc: at(5000, DEVICE), hash: 'deleted' },
  );
  const insert = db.prepare(
    'INSERT INTO sync_versions (entity, entity_id, field, hlc, hash) VALUES (?, ?, ?, ?, ?)',
  );
  for (const v of versions) insert.run(v.entity, v.id, v.field, v.hlc, v.hash);
  db.prepare(
    `INSERT INTO sync_identity (k, library_id, device_id, device_name, fingerprint, folder, hlc, cursor)
     VALUES (1, ?, ?, 'Laptop', 'print', ?, ?, ?)`,
  ).run(OTHER, DEVICE, tempDir(), at(5000, DEVICE), lastChange(db));
  // A local edit made before the upgrade and not captured yet: it must still go out.
  db.prepare("UPDATE passages SET color = 'blue' WHERE id = ?").run(passage);
  db.close();
  return { article, passage, tag, gone, versions };
}

function context(db: Database): ApplyContext {
  const id = readIdentity(db)!;
  return {
    db,
    folder: id.folder,
    deviceId: id.deviceId,
    clock: new HybridClock(id.deviceId, id.hlc),
    created: [],
    settled: new Map(),
  };
}

describe('migration 26 (field versions per row)', () => {
  it('keeps every reading exactly and every hash as its first 64 bits, one row per synced row', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const { versions } = oldLibrary(file);
    const db = openDatabase(file, { targetVersion: rowVersions.version });
    expect(schemaVersion(db)).toBe(rowVersions.version);
    expect(
      db.prepare("SELECT name FROM sqlite_schema WHERE name = 'sync_versions'").get(),
    ).toBeUndefined();
    const rows = new Set(versions.map((v) => `${v.entity}:${v.id}`));
    expect(db.prepare('SELECT count(*) FROM sync_row_versions').pluck().get()).toBe(rows.size);
    for (const v of versions)
      expect(versionsOf(db, v.entity, v.id).get(v.field), `${v.entity}.${v.field}`).toEqual({
        hlc: v.hlc,
        hash: v.hash.slice(0, 16),
      });
    for (const key of rows) {
      const [entity, id] = key.split(':') as [SyncEntity, string];
      expect(versionsOf(db, entity, id).size).toBe(
        versions.filter((v) => v.entity === entity && v.id === id).length,
      );
    }
    db.close();
  });

  it('makes the same merge decisions after the upgrade: what changed locally goes out, clocks decide', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const { article, passage, tag, gone } = oldLibrary(file);
    const db = openDatabase(file);

    // Only the edit made before the upgrade goes out: every other field still matches its hash.
    const id = readIdentity(db)!;
    writeTransaction(db, () => captureLocal(db, id, new HybridClock(id.deviceId, id.hlc)));
    const out = db
      .prepare<[], string>('SELECT op FROM sync_outbox')
      .pluck()
      .all()
      .map((o) => JSON.parse(o) as SyncOp);
    expect(out).toEqual([
      { e: 'passage', id: passage, h: expect.any(String), set: { color: { color: 'blue' } } },
    ]);

    // A remote edit wins a field only where its reading is later than the one kept.
    const ctx = context(db);
    const title = (h: string, t: string): SyncOp => ({
      e: 'article',
      id: article,
      h,
      set: { title: { title: t } },
    });
    writeTransaction(db, () => applyOp(ctx, title(at(2500), 'Older')));
    // The title set at 3000 stays.
    expect(db.prepare('SELECT title FROM articles').pluck().get()).toBe('Harbour report');
    writeTransaction(db, () => applyOp(ctx, title(at(3500), 'Newer')));
    expect(db.prepare('SELECT title FROM articles').pluck().get()).toBe('Newer');
    // The passage's comment (2000) loses to a later one; its colour (edited here since) holds.
    writeTransaction(db, () =>
      applyOp(ctx, {
        e: 'passage',
        id: passage,
        h: at(3000),
        set: { comment: { comment: 'later' }, color: { color: 'green' } },
      }),
    );
    expect(db.prepare('SELECT comment, color FROM passages').get()).toEqual({
      comment: 'later',
      color: 'blue',
    });
    // A tag taken off before it was put on here (2000) is stale; after, it comes off.
    const off = (h: string): SyncOp => ({
      e: 'passage_tag',
      id: `${passage}/${tag}`,
      h,
      set: { in: null },
    });
    writeTransaction(db, () => expect(applyOp(ctx, off(at(1999)))).toBe('stale'));
    expect(db.prepare('SELECT count(*) FROM passage_tags').pluck().get()).toBe(1);
    writeTransaction(db, () => expect(applyOp(ctx, off(at(2001)))).toBe('applied'));
    expect(db.prepare('SELECT count(*) FROM passage_tags').pluck().get()).toBe(0);
    // The tombstone holds: an older edit of the deleted tag does not bring it back.
    expect(isTombstoned(db, 'tag', gone)).toBe(true);
    writeTransaction(db, () =>
      expect(
        applyOp(ctx, {
          e: 'tag',
          id: gone,
          h: at(4000),
          set: {
            name: { name: 'x' },
            color: { color: null },
            created_at: { created_at: '2026-01-01T00:00:00.000Z' },
            updated_at: { updated_at: '2026-01-01T00:00:00.000Z' },
          },
        }),
      ).toBe('stale'),
    );
    expect(db.prepare('SELECT count(*) FROM tags WHERE id = ?').pluck().get(gone)).toBe(0);
    db.close();
  });
});
