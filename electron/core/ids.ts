import { v7 as uuidv7 } from 'uuid';

/**
 * Row ids are UUIDv7: globally unique (two libraries can be merged without clashes) and
 * time-sortable (a text sort is a creation-time sort), unlike autoincrement integers.
 */
export function newId(): string {
  return uuidv7();
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Timestamps are ISO 8601 UTC with milliseconds, the same format the SQL triggers write. */
export function nowIso(): string {
  return new Date().toISOString();
}
