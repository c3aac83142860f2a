import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { exportFixture } from '../export/testFixture';
import { backupLibrary } from './backup';
import { registerLibraryFunctions } from '../db/functions';

const tempDir = useTempDir();

describe('backup', () => {
  it('writes a copy that opens, passes integrity_check and holds the same rows, leaving no temp file', async () => {
    const f = await exportFixture(tempDir());
    const outDir = tempDir();
    const out = join(outDir, 'backup.sqlite');
    const r = await backupLibrary(f.library.db, f.library.path, out);
    expect(r.path).toBe(out);
    expect(r.bytes).toBeGreaterThan(0);
    const copy = new BetterSqlite3(out, { readonly: true });
    // The integrity check evaluates migration 18's expression indexes: it needs the library's functions.
    registerLibraryFunctions(copy);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const t of ['articles', 'passages', 'tags', 'links']) {
      const q = `SELECT * FROM ${t} ORDER BY 1`;
      expect(copy.prepare(q).all(), t).toEqual(f.library.db.prepare(q).all());
    }
    copy.close();
    expect(readdirSync(outDir)).toEqual(['backup.sqlite']);
    // A second backup replaces the first whole.
    await backupLibrary(f.library.db, f.library.path, out);
    expect(readdirSync(outDir)).toEqual(['backup.sqlite']);
    f.library.close();
  });

  it('refuses the live library, a missing folder and a folder as target, writing nothing', async () => {
    const t = openTestLibrary(tempDir());
    const lib = t.library.path;
    await expect(backupLibrary(t.library.db, lib, lib)).rejects.toThrow(
      /is the open library itself/,
    );
    await expect(backupLibrary(t.library.db, lib, `${lib}-wal`)).rejects.toThrow(
      /is the open library itself/,
    );
    const dir = tempDir();
    await expect(
      backupLibrary(t.library.db, lib, join(dir, 'missing', 'b.sqlite')),
    ).rejects.toThrow(/the folder does not exist/);
    mkdirSync(join(dir, 'sub'));
    await expect(backupLibrary(t.library.db, lib, join(dir, 'sub'))).rejects.toThrow(/is a folder/);
    expect(readdirSync(dir)).toEqual(['sub']);
    t.library.close();
  });
});
