import type { Database } from 'better-sqlite3';
import type { LibraryEvent } from '../../api/contract';

/** How many ids one event carries; past that clients just refresh everything of that entity. */
const MAX_EVENT_IDS = 500;

/**
 * Turns new rows of the `changes` log into events. Works across processes: the CLI's commits land
 * in the same log the desktop app reads, so an import from the terminal refreshes the open window.
 */
export class ChangeFeed {
  private lastSeq: number;
  private lastDataVersion: number;

  constructor(private readonly db: Database) {
    this.lastSeq = this.maxSeq();
    this.lastDataVersion = this.dataVersion();
  }

  private maxSeq(): number {
    return (
      this.db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM changes').get()
        ?.seq ?? 0
    );
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** Cheap check for commits by other connections (PRAGMA data_version), then `poll()`. */
  pollIfOthersWrote(): LibraryEvent | null {
    const v = this.dataVersion();
    if (v === this.lastDataVersion) return null;
    this.lastDataVersion = v;
    return this.poll();
  }

  /** Everything logged since the last poll, as one event (or null when nothing changed). */
  poll(): LibraryEvent | null {
    const rows = this.db
      .prepare<[number], { seq: number; entity: string; entity_id: string }>(
        'SELECT seq, entity, entity_id FROM changes WHERE seq > ? ORDER BY seq',
      )
      .all(this.lastSeq);
    if (!rows.length) return null;
    this.lastSeq = rows[rows.length - 1]!.seq;
    const entities = [...new Set(rows.map((r) => r.entity))];
    const ids = [...new Set(rows.map((r) => r.entity_id))].slice(0, MAX_EVENT_IDS);
    return { type: 'changed', entities, ids };
  }
}
