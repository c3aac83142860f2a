/**
 * Change events: what every client (window, browser tab, CLI watcher) hears when the library
 * changed, from any process. Runtime: both (Node and browser); imports nothing of the app.
 *
 * An event lists each changed row once, with its entity and what happened to it, or says that
 * anything may have changed (`all`): the client missed events (the stream reconnected) or there
 * were too many rows to list. Views refetch on the rows they show, and on `all`.
 */
import { z } from 'zod';

/** The kinds of rows the `changes` log records (its triggers' `entity` values). */
export const CHANGE_ENTITIES = [
  'article',
  'article_tag',
  'tag',
  'passage',
  'passage_tag',
  'note',
  'note_tag',
  'link',
  'collection',
  'collection_article',
  'citation_style',
  /**
   * An article's reading place moved (migration 21; `id` is the article's): nothing a list shows,
   * so views that refetch on `article` changes stay quiet while someone reads.
   */
  'reading_place',
] as const;
export const ChangeEntitySchema = z.enum(CHANGE_ENTITIES);
export type ChangeEntity = z.output<typeof ChangeEntitySchema>;

export const ChangeOpSchema = z.enum(['insert', 'update', 'delete', 'restore']);

/**
 * One changed row. `id` is the row's id; a tag assignment's is `OWNER_ID/TAG_ID`. A soft delete
 * (passages, notes, articles put in the trash) is a `delete`; taking it out of the trash a
 * `restore` (migration 29; logs written before it say `update`). An `update` leaves the row where
 * it was, so views that count what is in the trash can let it pass.
 */
export const ChangeSchema = z.object({
  entity: ChangeEntitySchema,
  id: z.string(),
  op: ChangeOpSchema,
});
export type Change = z.output<typeof ChangeSchema>;

/** The most rows one event lists; past that it says `all` (never a silently shortened list). */
export const MAX_EVENT_CHANGES = 500;

export const ChangedEventSchema = z.object({
  type: z.literal('changed'),
  /**
   * How far into the library's change log this event reaches (the last `changes.seq` it covers);
   * a call's answer names the same number for its own changes. Null for an everything-changed
   * event a client made itself (its event stream reconnected).
   */
  seq: z.number().int().nullable(),
  /** Anything may have changed: refetch everything shown. `changes` is then empty. */
  all: z.boolean(),
  /** Every row changed since the previous event, once each, in the order first changed. */
  changes: z.array(ChangeSchema).max(MAX_EVENT_CHANGES),
});
export type ChangedEvent = z.output<typeof ChangedEventSchema>;

/** The event for "you may have missed something": sent on reconnecting, or for too many rows. */
export function everythingChanged(seq: number | null): ChangedEvent {
  return { type: 'changed', seq, all: true, changes: [] };
}

/** What a view depends on: the entities it shows, or a test of each changed row. */
export type ChangeFilter = readonly ChangeEntity[] | ((change: Change) => boolean);

/** Whether a change event may alter what `filter` describes. */
export function affects(event: ChangedEvent, filter: ChangeFilter): boolean {
  if (event.all) return true;
  const test =
    typeof filter === 'function' ? filter : (change: Change) => filter.includes(change.entity);
  return event.changes.some(test);
}

/** The ids of one entity's changed rows (empty when `all`: check that first). */
export function changedIds(event: ChangedEvent, entity: ChangeEntity): string[] {
  return event.changes.filter((c) => c.entity === entity).map((c) => c.id);
}

/**
 * One change per row from a run of log entries (oldest first): a row inserted and then updated is
 * an `insert`; one deleted last is a `delete`; one that went into or out of the trash on the way
 * (and is out of it now) a `restore`, since a client that saw neither must count it again;
 * anything else an `update`.
 */
export function mergeChanges(log: readonly Change[]): Change[] {
  const byRow = new Map<string, { change: Change; inserted: boolean; moved: boolean }>();
  for (const entry of log) {
    const key = `${entry.entity}\u0000${entry.id}`;
    const row = byRow.get(key);
    const moved = entry.op === 'delete' || entry.op === 'restore';
    if (!row) byRow.set(key, { change: { ...entry }, inserted: entry.op === 'insert', moved });
    else {
      row.moved ||= moved;
      row.change.op =
        entry.op === 'delete'
          ? 'delete'
          : row.inserted
            ? 'insert'
            : row.moved
              ? 'restore'
              : 'update';
    }
  }
  return [...byRow.values()].map((row) => row.change);
}
