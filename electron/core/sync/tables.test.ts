import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../db/open';
import { isDerivedIndex, LOCAL_TABLES, SYNCED_TABLES, SYNC_TABLES } from './tables';
import { COMPARED_TABLES } from './testReplicas';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';

const tempDir = useTempDir();

describe('SYNC_TABLES', () => {
  it("names exactly the schema's sync_ tables (a new one must be listed, so exports leave it out)", () => {
    const t = openTestLibrary(tempDir());
    const names = t.library.db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sync\\_%' ESCAPE '\\'",
      )
      .all()
      .map((r) => r.name);
    expect(names.sort()).toEqual([...SYNC_TABLES].sort());
    t.library.close();
  });
});

describe('sync table classification', () => {
  it('names every table of a fresh library as synced, device-local or a derived index', () => {
    const db = openDatabase(join(tempDir(), 'lib.sqlite'));
    const tables = db
      .prepare<[], string>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all();
    db.close();
    const unclassified = tables.filter(
      (t) => !(t in SYNCED_TABLES) && !(t in LOCAL_TABLES) && !isDerivedIndex(t),
    );
    expect(unclassified).toEqual([]);
    // No stale names either: each listed table exists.
    for (const t of [...Object.keys(SYNCED_TABLES), ...Object.keys(LOCAL_TABLES)])
      expect(tables).toContain(t);
    expect(tables.filter((t) => t in SYNCED_TABLES && t in LOCAL_TABLES)).toEqual([]);
  });

  it('compares every synced table when holding replicas equal', () => {
    for (const t of Object.keys(SYNCED_TABLES)) expect(COMPARED_TABLES).toContain(t);
  });
});
