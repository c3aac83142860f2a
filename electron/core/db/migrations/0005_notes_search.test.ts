import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { checkSearchIndexes } from '../../search/rebuild';
import { search } from '../../search/search';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';

const tempDir = useTempDir();

const N1 = '01900000-0000-7000-8000-000000000201';
const N2 = '01900000-0000-7000-8000-000000000202';
const N3 = '01900000-0000-7000-8000-000000000203';
const T1 = '01900000-0000-7000-8000-0000000000bb';

describe('migration 5 (notes search)', () => {
  it('keeps a version-4 library as it was and indexes its live notes with their tags', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const v4 = openDatabase(file, { targetVersion: 4 });
    v4.exec(`
      INSERT INTO notes (id, title, doc, text, word_count, created_at, updated_at)
        VALUES ('${N1}', 'Monsoon timing', '{}', 'The onset moved two weeks earlier in Kerala.', 8, 't', 't'),
               ('${N2}', '季风笔记', '{}', '今年季风提前到达喀拉拉邦', 1, 't', 't');
      INSERT INTO notes (id, title, doc, text, word_count, deleted_at, created_at, updated_at)
        VALUES ('${N3}', 'Discarded draft', '{}', 'quillwort everywhere', 2, 't', 't', 't');
      INSERT INTO tags VALUES ('${T1}', 'Weather', 'weather', NULL, 't', 't');
      INSERT INTO note_tags VALUES ('${N1}', '${T1}', 't'), ('${N3}', '${T1}', 't');`);
    const tables = ['notes', 'note_tags', 'tags', 'changes'];
    const before = Object.fromEntries(
      tables.map((t) => [t, v4.prepare(`SELECT * FROM ${t}`).all()]),
    );
    v4.close();

    const v5 = openDatabase(file, { targetVersion: 5 });
    expect(schemaVersion(v5)).toBe(5);
    for (const t of tables) expect(v5.prepare(`SELECT * FROM ${t}`).all()).toEqual(before[t]);
    expect(v5.prepare('SELECT count(*) FROM notes_fts').pluck().get()).toBe(2);
    expect(v5.prepare('SELECT rowid FROM notes_cjk').pluck().all()).toEqual([
      v5.prepare('SELECT rid FROM notes WHERE id = ?').pluck().get(N2),
    ]);
    v5.close();
    // Search code targets the newest schema: the checks below run after the later migrations.
    const latest = openDatabase(file);
    expect(checkSearchIndexes(latest)).toEqual([]);
    const ids = (q: string) => search(latest, q).hits.map((h) => h.id);
    expect(ids('kerala kind:note')).toEqual([N1]);
    expect(ids('tag:weather')).toEqual([N1]); // the deleted note's tag does not count
    expect(ids('weather')).toEqual([N1]); // tag names are searchable text, as a passage's
    expect(ids('季风')).toEqual([N2]);
    expect(ids('季')).toEqual([N2]);
    expect(ids('quillwort')).toEqual([]); // deleted before the migration
    latest.close();
  });
});
