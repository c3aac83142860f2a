import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { SYNC_TABLES } from './tables';

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
