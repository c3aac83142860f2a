import type { Migration } from '../migrate';

/**
 * When the device that wrote a segment says it wrote it (its own wall clock). Against
 * `applied_at` (this device's clock) it shows a device whose clock is ahead of ours: a segment
 * can't be applied before it was written. Older rows keep NULL: nothing was observed.
 */
export const segmentClocks: Migration = {
  version: 25,
  name: 'segment_clocks',
  up(db) {
    db.exec(`ALTER TABLE sync_applied ADD COLUMN written_at TEXT;`);
  },
};
