import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { checkSearchIndexes } from '../../search/rebuild';
import { search } from '../../search/search';
import { addArticle } from '../../search/test-library';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { textFirstIndexes } from './0015_text_first_indexes';

const tempDir = useTempDir();

/** Word-heavy English articles (the index's size is mostly theirs) and a few CJK ones. */
function fill(db: Database): void {
  const words = 'harbour ferry tide pier crane dredge quay ballast mooring keel'.split(' ');
  for (let i = 0; i < 40; i++) {
    const body = Array.from(
      { length: 60 },
      (_, j) => `${words[(i + j) % 10]} ${words[(i * j) % 10]}${j} timetable${i % 7}.`,
    ).join(' ');
    addArticle(db, { title: i === 3 ? 'Tide tables' : `Report ${i}`, body, site: 'Port news' });
  }
  addArticle(db, { title: '平壤 港口', body: '平壤的渡轮按潮汐运行。北京也有港口。' });
  addArticle(db, { title: '東京の港', body: '東京湾のフェリーは潮に合わせて運航した。' });
  addArticle(db, { title: 'Notes on 한국어', body: '평양 항구는 조수에 따라 운항했다.' });
}

const QUERIES = ['tide', 'crane12', '"ferry harbour0"', 'timetable3', '平壤', '潮', '항구', 'port'];
const results = (db: Database) =>
  QUERIES.map((q) =>
    search(db, q, { limit: 50 }).hits.map((h) => ({ title: h.title, snippet: h.snippet })),
  );
const indexBytes = (db: Database, name: string) =>
  db.prepare('SELECT sum(pgsize) FROM dbstat WHERE name = ?').pluck().get(`${name}_data`) as number;

describe('migration 15 (article indexes with the text first)', () => {
  it('re-creates the article indexes text first: same hits and snippets as a new library, a smaller word index', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const v14 = openDatabase(file, { targetVersion: textFirstIndexes.version - 1 });
    fill(v14);
    const articles = v14.prepare('SELECT * FROM articles ORDER BY rid').all();
    const before = indexBytes(v14, 'articles_fts');
    v14.close();

    const db = openDatabase(file, { targetVersion: textFirstIndexes.version });
    expect(schemaVersion(db)).toBe(textFirstIndexes.version);
    expect(db.prepare('SELECT * FROM articles ORDER BY rid').all()).toEqual(articles);
    for (const t of ['articles_fts', 'articles_cjk', 'articles_grams'])
      expect(db.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all()).toEqual([
        'text',
        'title',
        'subtitle',
        'byline',
        'site_name',
      ]);
    expect(checkSearchIndexes(db)).toEqual([]);
    // Freshly written segments are smaller anyway: the saving must be more than that.
    expect(indexBytes(db, 'articles_fts')).toBeLessThan(before * 0.85);

    // A library made at this version ranks and highlights the same.
    const fresh = openDatabase(join(tempDir(), 'fresh.sqlite'));
    fill(fresh);
    const hits = results(db);
    expect(hits).toEqual(results(fresh));
    // The title weight applies to the title: the one title hit comes first.
    expect(hits[0]![0]!.title).toBe('Tide tables');
    expect(hits.map((h) => h.length > 0)).toEqual(QUERIES.map(() => true));
    // Edits and deletes keep the re-created indexes in step (their triggers name columns).
    db.prepare("UPDATE articles SET text = 'quillwort in the shallows' WHERE title = ?").run(
      'Report 5',
    );
    db.prepare('DELETE FROM articles WHERE title = ?').run('東京の港');
    expect(checkSearchIndexes(db)).toEqual([]);
    expect(search(db, 'quillwort').hits.map((h) => h.title)).toEqual(['Report 5']);
    expect(search(db, '東京').hits).toEqual([]);
    fresh.close();
    db.close();
  });
});
