import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { segmentClocks } from './0025_segment_clocks';

const tempDir = useTempDir();

describe('migration 25 (segment clocks)', () => {
  it('keeps the applied segments there are, with no written time, and records one from then on', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const prev = openDatabase(file, { targetVersion: segmentClocks.version - 1 });
    prev.exec(`INSERT INTO sync_applied (device_id, n, applied_at) VALUES ('d1', 1, 't1')`);
    prev.close();

    const db = openDatabase(file, { targetVersion: segmentClocks.version });
    expect(schemaVersion(db)).toBe(segmentClocks.version);
    db.exec(
      `INSERT INTO sync_applied (device_id, n, applied_at, written_at) VALUES ('d1', 2, 't2', 'w2')`,
    );
    expect(db.prepare('SELECT * FROM sync_applied ORDER BY n').all()).toEqual([
      { device_id: 'd1', n: 1, applied_at: 't1', written_at: null },
      { device_id: 'd1', n: 2, applied_at: 't2', written_at: 'w2' },
    ]);
    db.close();
  });
});
