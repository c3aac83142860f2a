import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { updateArticleBody } from '../articles/edit';
import { makeBody, paragraph } from '../../model/body';
import { deletePassage, restorePassage, updatePassage } from '../passages/repo';
import { deleteTag, mergeTags, renameTag } from '../tags/repo';
import { checkSearchIndexes, rebuildSearchIndexes } from './rebuild';
import { search } from './search';
import { addArticle, addPassage, openSearchLibrary } from './test-library';

const tempDir = useTempDir();
const hitIds = (db: Parameters<typeof search>[0], q: string) =>
  search(db, q, { limit: 200 })
    .hits.map((h) => h.id)
    .sort();

describe('search indexes follow every change', () => {
  it('article text edited in SQL: old words gone, new words found, in both indexes', () => {
    const db = openSearchLibrary(tempDir());
    const id = addArticle(db, {
      title: 'Harbour report',
      body: 'The ferry timetable changed in spring.',
    });
    expect(hitIds(db, 'ferry')).toEqual([id]);
    db.prepare('UPDATE articles SET text = ? WHERE id = ?').run(
      'The 渡轮 schedule now follows the tides.',
      id,
    );
    expect(hitIds(db, 'ferry')).toEqual([]);
    expect(hitIds(db, 'tides')).toEqual([id]);
    expect(hitIds(db, '渡轮')).toEqual([id]); // the article entered the trigram index
    expect(hitIds(db, '渡')).toEqual([id]);
    db.prepare('UPDATE articles SET text = ? WHERE id = ?').run('Plain text again, no ferry.', id);
    expect(hitIds(db, '渡轮')).toEqual([]); // and left it
    expect(hitIds(db, '渡')).toEqual([]);
    db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('港口报告', id);
    expect(hitIds(db, '港口')).toEqual([id]);
    expect(hitIds(db, 'harbour')).toEqual([]);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('article body corrected through the editor: passages re-anchored and re-indexed', () => {
    const db = openSearchLibrary(tempDir());
    const id = addArticle(db, {
      title: 'Notes',
      body: 'The quick brown fox jumps over the lazy dog.',
    });
    const p = addPassage(db, id, 'quick brown fox');
    updateArticleBody(
      db,
      id,
      makeBody([paragraph('The quick brown fox leaps over the sleepy dog.')]),
    );
    expect(hitIds(db, 'leaps')).toEqual([id]);
    expect(hitIds(db, 'jumps')).toEqual([]);
    expect(search(db, 'fox', { kind: 'passage' }).hits.map((h) => h.id)).toEqual([p]);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('passage soft delete and restore; comment and tag edits', () => {
    const db = openSearchLibrary(tempDir());
    const a = addArticle(db, {
      title: 'Rivers',
      body: 'The delta floods every autumn and the farms move inland.',
    });
    const p = addPassage(db, a, 'The delta floods every autumn', {
      tags: ['hydrology'],
      comment: 'seasonal',
    });
    expect(hitIds(db, 'delta kind:passage')).toEqual([p]);
    deletePassage(db, p);
    expect(hitIds(db, 'delta kind:passage')).toEqual([]);
    expect(hitIds(db, 'hydrology')).toEqual([]);
    expect(hitIds(db, 'tag:hydrology')).toEqual([]); // the article was tagged only through the passage
    restorePassage(db, p);
    expect(hitIds(db, 'delta kind:passage')).toEqual([p]);
    expect(hitIds(db, 'hydrology')).toEqual([p]);
    updatePassage(db, p, { comment: 'happens each year', tags: ['geography'] });
    expect(hitIds(db, 'seasonal')).toEqual([]);
    expect(hitIds(db, 'happens kind:passage')).toEqual([p]);
    expect(hitIds(db, 'hydrology')).toEqual([]);
    expect(hitIds(db, 'geography kind:passage')).toEqual([p]);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('tag renamed: the passage is found by the new name (filter and words), not the old', () => {
    const db = openSearchLibrary(tempDir());
    const a = addArticle(db, {
      title: 'Markets',
      body: 'Bond yields rose sharply after the announcement.',
    });
    const p = addPassage(db, a, 'Bond yields rose sharply', { tags: ['rates'] });
    renameTag(db, 'rates', 'interest rates');
    expect(hitIds(db, 'tag:"interest rates" kind:passage')).toEqual([p]);
    expect(hitIds(db, 'interest kind:passage')).toEqual([p]);
    expect(hitIds(db, 'tag:rates')).toEqual([]);
    expect(hitIds(db, 'rates kind:passage')).toEqual([p]); // "rates" is still a word of the new name
    renameTag(db, 'interest rates', 'Zinsen');
    expect(hitIds(db, 'rates kind:passage')).toEqual([]);
    expect(hitIds(db, 'zinsen kind:passage')).toEqual([p]);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('tags merged and deleted', () => {
    const db = openSearchLibrary(tempDir());
    const a = addArticle(db, { title: 'Soil', body: 'Clay holds water; sand drains it.' });
    const p1 = addPassage(db, a, 'Clay holds water', { tags: ['clay'] });
    const p2 = addPassage(db, a, 'sand drains it', { tags: ['sand'] });
    mergeTags(db, 'clay', 'sand');
    expect(hitIds(db, 'tag:sand kind:passage')).toEqual([p1, p2].sort());
    expect(hitIds(db, 'clay kind:passage')).toEqual([p1]); // its quote still says clay
    deleteTag(db, 'sand');
    expect(hitIds(db, 'sand kind:passage')).toEqual([p2]);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('article deleted: it and its passages leave every index', () => {
    const db = openSearchLibrary(tempDir());
    const a = addArticle(db, {
      title: '台风季节',
      body: 'Typhoon season brings 暴雨 to the coast.',
    });
    const keep = addArticle(db, {
      title: 'Typhoon tracking',
      body: 'Satellites follow each typhoon.',
    });
    addPassage(db, a, 'Typhoon season brings 暴雨', { tags: ['weather'] });
    db.prepare('DELETE FROM articles WHERE id = ?').run(a);
    expect(hitIds(db, 'typhoon')).toEqual([keep]);
    expect(hitIds(db, '暴雨')).toEqual([]);
    expect(hitIds(db, '台风')).toEqual([]);
    expect(hitIds(db, 'tag:weather')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM passage_search_ids').pluck().get()).toBe(0);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('rebuildSearchIndexes repairs damaged indexes', () => {
    const db = openSearchLibrary(tempDir());
    const a = addArticle(db, {
      title: 'Volcano',
      body: 'Lava reached the sea; 熔岩 cooled into new land.',
    });
    const p = addPassage(db, a, 'Lava reached the sea', { tags: ['geology'] });
    db.exec(`
      DELETE FROM passages_fts;
      INSERT INTO articles_cjk (articles_cjk) VALUES ('delete-all');
      INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');`);
    expect(hitIds(db, 'lava')).toEqual([]);
    expect(checkSearchIndexes(db).length).toBeGreaterThan(0);
    rebuildSearchIndexes(db);
    expect(checkSearchIndexes(db)).toEqual([]);
    expect(hitIds(db, 'lava')).toEqual([a, p].sort());
    expect(hitIds(db, '熔岩')).toEqual([a]);
    expect(hitIds(db, 'tag:geology kind:passage')).toEqual([p]);
    db.close();
  });
});
