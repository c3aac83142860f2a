import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { citationStyles } from './0011_citation_styles';

const tempDir = useTempDir();
const insert =
  'INSERT INTO citation_styles (id, csl_id, title, file_name, xml, parent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)';

describe('migration 11 (citation styles)', () => {
  it('adds an empty table of added styles to a version-10 library, holding its limits', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const v10 = openDatabase(file, { targetVersion: citationStyles.version - 1 });
    expect(schemaVersion(v10)).toBe(10);
    v10.close();
    const db = openDatabase(file, { noUpgradeCopy: true, targetVersion: citationStyles.version });
    expect(schemaVersion(db)).toBe(11);
    expect(db.prepare('SELECT count(*) FROM citation_styles').pluck().get()).toBe(0);
    const t = '2026-01-01T00:00:00.000Z';
    db.prepare(insert).run('s1', 'http://example.org/a', 'A', 'a.csl', '<style/>', null, t);
    db.prepare(insert).run('s2', 'http://example.org/b', 'B', 'b.csl', '<style/>', 'apa', t);
    // One row per CSL id; a parent is a bundled style; a style is at most 1 MB.
    expect(() =>
      db.prepare(insert).run('s3', 'http://example.org/a', 'A again', 'a.csl', '<style/>', null, t),
    ).toThrow(/UNIQUE constraint failed: citation_styles\.csl_id/);
    expect(() =>
      db
        .prepare(insert)
        .run('s4', 'http://example.org/c', 'C', 'c.csl', '<style/>', 'vancouver', t),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare(insert)
        .run('s5', 'http://example.org/d', 'D', 'd.csl', 'x'.repeat(1024 * 1024 + 1), null, t),
    ).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
