import { v7 as uuidv7 } from 'uuid';

/**
 * Row ids are UUIDv7: globally unique (two libraries can be merged without clashes) and
 * time-sortable (a text sort is a creation-time sort), unlike autoincrement integers.
 */
export function newId(): string {
  return uuidv7();
}

/** Timestamps are ISO 8601 UTC with milliseconds, the same format the SQL triggers write. */
export function nowIso(): string {
  return new Date().toISOString();
}
