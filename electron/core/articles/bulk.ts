/**
 * One action on many articles (the library list's selection). A selection is resolved to ids
 * once (`planBulk`: an unknown id or a missing collection fails it, before anything is written),
 * then carried out (`applyBulk`) in one transaction, or batch by batch by a job (bulkJobs.ts).
 * A Select all arrives as the list's query, never as 100,000 ids from the renderer.
 */
import type { Database } from 'better-sqlite3';
import type { ArticleSelectionSchema, BulkAction } from '../../model/library';
import type { z } from 'zod';
import { newId, nowIso } from '../ids';
import { addToCollection, getCollection, removeFromCollection } from '../collections/repo';
import { allListedIds } from './listing';
import { requireArticles, writeState } from './state';

export type Selection = z.output<typeof ArticleSelectionSchema>;

/** A bulk action resolved: what it does, to which articles, at which instant, under which id. */
export interface BulkPlan {
  action: BulkAction;
  ids: string[];
  at: string;
  /** Names this action for its Undo (migration 28's `trash_actions`). */
  actionId: string;
}

/** The ids a selection names. */
function selectedIds(db: Database, selection: Selection): string[] {
  if (selection.kind === 'ids') {
    requireArticles(db, selection.ids);
    return [...new Set(selection.ids)];
  }
  if (selection.kind === 'trashAction')
    // Only those still in the trash by that action: a row goes when `deleted_at` changes.
    return db
      .prepare<[string], string>(
        'SELECT article_id FROM trash_actions WHERE action_id = ? ORDER BY article_id',
      )
      .pluck()
      .all(selection.action);
  const except = new Set(selection.except);
  return allListedIds(db, selection.query).filter((id) => !except.has(id));
}

/** Resolves a selection and checks the action can be done (reads only). */
export function planBulk(db: Database, selection: Selection, action: BulkAction): BulkPlan {
  const ids = selectedIds(db, selection);
  if (action.kind === 'removeFromCollection') getCollection(db, action.name);
  return { action, ids, at: nowIso(), actionId: newId() };
}

/**
 * Does the plan's action to `ids` (all of its ids, or one batch of them); call inside a write
 * transaction. Articles deleted for good since the plan was made are passed over.
 */
export function applyBulk(db: Database, plan: BulkPlan, batch: readonly string[]): void {
  const exists = db.prepare<[string], 1>('SELECT 1 FROM articles WHERE id = ?').pluck();
  const ids = batch.filter((id) => exists.get(id) !== undefined);
  const { action, at } = plan;
  switch (action.kind) {
    case 'trash': {
      // Already in the trash: kept as it was, and not this action's (its Undo leaves it there).
      const trashedAt = db
        .prepare<[string], string | null>(
          'SELECT deleted_at FROM article_state WHERE article_id = ?',
        )
        .pluck();
      const fresh = ids.filter((id) => (trashedAt.get(id) ?? null) === null);
      writeState(db, fresh, 'deleted_at', () => at);
      const record = db.prepare<[string, string]>(
        `INSERT INTO trash_actions (article_id, action_id) VALUES (?, ?)
         ON CONFLICT (article_id) DO UPDATE SET action_id = excluded.action_id`,
      );
      for (const id of fresh) record.run(id, plan.actionId);
      break;
    }
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
}
