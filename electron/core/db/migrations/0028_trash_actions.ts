import type { Migration } from '../migrate';

/**
 * Which trash action put each article in the trash, so its Undo restores exactly those articles.
 * Undo went by `article_state.deleted_at`, an instant: two actions in one millisecond (a bulk trash
 * and a single one, or one arriving by sync) shared it, and one Undo restored both. A row is kept
 * only while the article stays trashed by that action: any other change of `deleted_at` (a
 * restore, or a trash from another device) drops it, so an old Undo can't reach a later trash.
 * Local undo bookkeeping: not synced, not exported.
 */
export const trashActions: Migration = {
  version: 28,
  name: 'trash_actions',
  up(db) {
    db.exec(`
      CREATE TABLE trash_actions (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        action_id   TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX trash_actions_by_action ON trash_actions(action_id);
      CREATE TRIGGER article_state_trash_moved AFTER UPDATE OF deleted_at ON article_state
        WHEN old.deleted_at IS NOT new.deleted_at BEGIN
        DELETE FROM trash_actions WHERE article_id = new.article_id;
      END;
      CREATE TRIGGER article_state_trash_cleared AFTER DELETE ON article_state BEGIN
        DELETE FROM trash_actions WHERE article_id = old.article_id;
      END;
    `);
  },
};
