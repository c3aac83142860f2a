import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { checkSearchIndexes } from '../../search/rebuild';
import { search } from '../../search/search';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';

const tempDir = useTempDir();

const A1 = '01900000-0000-7000-8000-000000000001';
const A2 = '01900000-0000-7000-8000-000000000002';
const P1 = '01900000-0000-7000-8000-000000000101';
const P2 = '01900000-0000-7000-8000-000000000102';
const T1 = '01900000-0000-7000-8000-0000000000aa';

describe('migration 3 (search)', () => {
  it('keeps a version-2 library as it was and indexes its articles, live passages and tags', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const v2 = openDatabase(file, { targetVersion: 2 });
    v2.exec(`
      INSERT INTO originals VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', 't'), ('h2', x'42', 1, 'text/plain', 'b.txt', 't');
      INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at)
        VALUES ('${A1}', 'Monsoon rains', 'text', 'h1', 'The monsoon reached Kerala early this year.', '{"version":1,"blocks":[]}', 't', 't'),
               ('${A2}', '季风', 'text', 'h2', '今年季风提前到达喀拉拉邦', '{"version":1,"blocks":[]}', 't', 't');
      INSERT INTO tags VALUES ('${T1}', 'Weather', 'weather', NULL, 't', 't');
      INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", color, comment, created_at, updated_at)
        VALUES ('${P1}', '${A1}', 'reached Kerala', 'monsoon ', ' early', 12, 26, 'yellow', 'early onset', 't', 't');
      INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", color, deleted_at, created_at, updated_at)
        VALUES ('${P2}', '${A1}', 'this year', 'early ', '.', 33, 42, 'yellow', 't', 't', 't');
      INSERT INTO passage_tags VALUES ('${P1}', '${T1}', 't');`);
    const tables = ['articles', 'passages', 'tags', 'passage_tags', 'changes'];
    const before = Object.fromEntries(
      tables.map((t) => [t, v2.prepare(`SELECT * FROM ${t}`).all()]),
    );
    v2.close();

    const v3 = openDatabase(file, { targetVersion: 3 });
    expect(schemaVersion(v3)).toBe(3);
    for (const t of tables) expect(v3.prepare(`SELECT * FROM ${t}`).all()).toEqual(before[t]);
    v3.close();
    // Searched with the current code, which also reads the indexes of later migrations (notes).
    const latest = openDatabase(file);
    expect(checkSearchIndexes(latest)).toEqual([]);
    const ids = (q: string) => search(latest, q).hits.map((h) => h.id);
    expect(ids('kerala kind:article')).toEqual([A1]);
    expect(ids('季风')).toEqual([A2]);
    expect(ids('季')).toEqual([A2]);
    expect(ids('onset')).toEqual([P1]);
    expect(ids('weather')).toEqual([P1]);
    expect(ids('"this year" kind:passage')).toEqual([]); // deleted before the migration
    latest.close();
  });
});
