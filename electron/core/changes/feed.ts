import type { Database } from 'better-sqlite3';
import {
  ChangeEntitySchema,
  ChangeOpSchema,
  everythingChanged,
  MAX_EVENT_CHANGES,
  mergeChanges,
  type Change,
  type ChangedEvent,
} from '../../model/changes';

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
  pollIfOthersWrote(): ChangedEvent | null {
    const v = this.dataVersion();
    if (v === this.lastDataVersion) return null;
    this.lastDataVersion = v;
    return this.poll();
  }

  /**
   * Everything logged since the last poll, as one event (or null when nothing changed). More rows
   * than an event lists, or an entity this version doesn't know (a newer app wrote the log), make
   * it an everything-changed event: clients refetch rather than miss a row.
   */
  poll(): ChangedEvent | null {
    const rows = this.db
      .prepare<[number], { seq: number; entity: string; entity_id: string; op: string }>(
        'SELECT seq, entity, entity_id, op FROM changes WHERE seq > ? ORDER BY seq',
      )
      .all(this.lastSeq);
    if (!rows.length) return null;
    this.lastSeq = rows[rows.length - 1]!.seq;
    const log: Change[] = [];
    for (const row of rows) {
      const entity = ChangeEntitySchema.safeParse(row.entity);
      const op = ChangeOpSchema.safeParse(row.op);
      if (!entity.success || !op.success) return everythingChanged(this.lastSeq);
      log.push({ entity: entity.data, id: row.entity_id, op: op.data });
    }
    const changes = mergeChanges(log);
    if (changes.length > MAX_EVENT_CHANGES) return everythingChanged(this.lastSeq);
    return { type: 'changed', seq: this.lastSeq, all: false, changes };
  }
}
