import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { styleChanges } from './0019_style_changes';

const tempDir = useTempDir();
const S1 = '01900000-0000-7000-8000-000000001901';

describe('migration 19 (citation styles log their changes)', () => {
  it('keeps the styles there are; adding, changing and removing one is logged', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const prev = openDatabase(file, { targetVersion: styleChanges.version - 1 });
    prev.exec(
      `INSERT INTO citation_styles VALUES ('${S1}', 'http://example.org/s', 'S', 's.csl', '<style/>', NULL, 't')`,
    );
    const before = prev.prepare('SELECT * FROM citation_styles').all();
    const changes = prev.prepare('SELECT count(*) FROM changes').pluck().get();
    prev.close();

    const db = openDatabase(file, { targetVersion: styleChanges.version });
    expect(schemaVersion(db)).toBe(styleChanges.version);
    expect(db.prepare('SELECT * FROM citation_styles').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(changes);
    const last = () =>
      db.prepare('SELECT entity, entity_id, op FROM changes ORDER BY seq DESC LIMIT 1').get();
    db.exec(
      `INSERT INTO citation_styles VALUES ('s2', 'http://example.org/t', 'T', 't.csl', '<style/>', NULL, 't')`,
    );
    expect(last()).toEqual({ entity: 'citation_style', entity_id: 's2', op: 'insert' });
    db.exec("UPDATE citation_styles SET title = 'T2' WHERE id = 's2'");
    expect(last()).toEqual({ entity: 'citation_style', entity_id: 's2', op: 'update' });
    db.exec(`DELETE FROM citation_styles WHERE id = '${S1}'`);
    expect(last()).toEqual({ entity: 'citation_style', entity_id: S1, op: 'delete' });
    db.close();
  });
});
