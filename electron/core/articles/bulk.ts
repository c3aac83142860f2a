/**
 * One action on many articles (the library list's selection): resolved to ids and carried out in
 * one transaction, so an unknown id, a bad collection name or a failure half way changes nothing.
 * A Select all arrives as the list's query, never as 100,000 ids from the renderer.
 */
import type { Database } from 'better-sqlite3';
import type { ArticleSelectionSchema, BulkAction, BulkResult } from '../../model/library';
import type { z } from 'zod';
import { nowIso } from '../ids';
import { writeTransaction } from '../db/transactions';
import { addToCollection, removeFromCollection } from '../collections/repo';
import { allListedIds } from './listing';
import { requireArticles, writeState } from './state';

export type Selection = z.output<typeof ArticleSelectionSchema>;

/** The ids a selection names (call inside the transaction that acts on them). */
export function selectedIds(db: Database, selection: Selection): string[] {
  if (selection.kind === 'ids') {
    requireArticles(db, selection.ids);
    return [...new Set(selection.ids)];
  }
  if (selection.kind === 'trashed')
    return db
      .prepare<[string], string>('SELECT article_id FROM article_state WHERE deleted_at = ?')
      .pluck()
      .all(selection.trashedAt);
  const except = new Set(selection.except);
  return allListedIds(db, selection.query).filter((id) => !except.has(id));
}

export function bulkAction(db: Database, selection: Selection, action: BulkAction): BulkResult {
  return writeTransaction(db, () => {
    const ids = selectedIds(db, selection);
    const at = nowIso();
    switch (action.kind) {
      case 'trash':
        // Already in the trash: kept as it was (so an Undo by `at` leaves it there).
        writeState(db, ids, 'deleted_at', (was) => was ?? at);
        break;
      case 'restore':
        writeState(db, ids, 'deleted_at', () => null);
        break;
      case 'markRead':
        if (action.read) writeState(db, ids, 'read_at', () => at, at);
        else writeState(db, ids, 'read_at', () => null);
        break;
      case 'addToCollection':
        if (ids.length) addToCollection(db, action.name, ids);
        break;
      case 'removeFromCollection':
        removeFromCollection(db, action.name, ids);
        break;
    }
    return { count: ids.length, at };
  });
}
