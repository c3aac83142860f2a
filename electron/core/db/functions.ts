import type { Database } from 'better-sqlite3';
import { foldCase, sortKey } from '../../model/fold';
import { registerSearchFunctions } from '../search/grams';
import { registerOriginalFunctions } from '../articles/originalStore';

/** The SQL name of `foldCase` (model/fold.ts); migration 18's indexes call it. */
const FOLD_FUNCTION = 'commonplace_fold';
/** The SQL name of `sortKey` (model/fold.ts); migration 22's order triggers call it. */
const SORT_KEY_FUNCTION = 'commonplace_sort_key';

/**
 * Every SQL function the schema calls, on one connection, before it migrates or writes: the
 * search triggers' (migration 7), the original store's triggers' (migration 17), the library
 * filter and migration 18's indexes (fold), and the library order's triggers (migration 22).
 */
export function registerLibraryFunctions(db: Database): void {
  registerSearchFunctions(db);
  registerOriginalFunctions(db);
  db.function(FOLD_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldCase(text) : null,
  );
  db.function(SORT_KEY_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? sortKey(text) : null,
  );
}
