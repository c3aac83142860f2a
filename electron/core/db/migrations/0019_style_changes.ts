import type { Migration } from '../migrate';

// Frozen copy (a migration never imports live code).
const SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

/**
 * Added citation styles log their changes (`citation_style`) like every other row the user makes,
 * so sync sends them (core/sync/README.md) and open windows hear of them. Migration 11 made the
 * table without triggers.
 */
export const styleChanges: Migration = {
  version: 19,
  name: 'style_changes',
  up(db) {
    db.exec(`
      CREATE TRIGGER citation_styles_ai AFTER INSERT ON citation_styles BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('citation_style', new.id, 'insert', ${SQL_NOW});
      END;
      CREATE TRIGGER citation_styles_au AFTER UPDATE ON citation_styles BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('citation_style', new.id, 'update', ${SQL_NOW});
      END;
      CREATE TRIGGER citation_styles_ad AFTER DELETE ON citation_styles BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('citation_style', old.id, 'delete', ${SQL_NOW});
      END;
    `);
  },
};
