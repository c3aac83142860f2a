import type { Database } from 'better-sqlite3';
import { foldCase } from '../../model/fold';
import { registerSearchFunctions } from '../search/grams';
import { registerOriginalFunctions } from '../articles/originalStore';

/** The SQL name of `foldCase` (model/fold.ts); migration 18's indexes call it. */
const FOLD_FUNCTION = 'commonplace_fold';

/**
 * Every SQL function the schema calls, on one connection, before it migrates or writes: the
 * search triggers' (migration 7), the original store's triggers' (migration 17) and the library
 * order's indexes' (migration 18).
 */
export function registerLibraryFunctions(db: Database): void {
  registerSearchFunctions(db);
  registerOriginalFunctions(db);
  db.function(FOLD_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldCase(text) : null,
  );
}
