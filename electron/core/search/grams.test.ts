import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { updateArticleBody } from '../articles/edit';
import { makeBody, paragraph } from '../../model/body';
import { createNote, deleteNote, restoreNote, setNoteTags, updateNote } from '../notes/repo';
import { deletePassage, restorePassage, updatePassage } from '../passages/repo';
import { deleteTag, mergeTags, renameTag } from '../tags/repo';
import { cjkGrams, isGramTerm } from './grams';
import { checkSearchIndexes, rebuildSearchIndexes } from './rebuild';
import { search } from './search';
import { addArticle, addPassage, openSearchLibrary } from './test-library';

const tempDir = useTempDir();
const hitIds = (db: Database, q: string) =>
  search(db, q, { limit: 200 })
    .hits.map((h) => h.id)
    .sort();
const gramKeys = (db: Database, table: string) =>
  db.prepare(`SELECT rowid FROM ${table} ORDER BY rowid`).pluck().all();
/** A Lexical document of one paragraph, as the notes editor saves it. */
const noteDoc = (text: string) => ({
  root: {
    type: 'root',
    version: 1,
    children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }],
  },
});

describe('cjkGrams', () => {
  it('lists the distinct 1- and 2-character grams of each unspaced-script run, never across runs', () => {
    expect(cjkGrams('平壤 Pyongyang 平').split(' ').sort()).toEqual(['平', '平壤', '壤'].sort());
    expect(cjkGrams('푸틴은 x 평양').split(' ').sort()).toEqual(
      ['푸', '틴', '은', '푸틴', '틴은', '평', '양', '평양'].sort(),
    );
    expect(cjkGrams('東京タワー').split(' ')).toEqual([
      '東',
      '京',
      '東京',
      'タ',
      '京タ',
      'ワ',
      'タワ',
      'ー',
      'ワー',
    ]);
    expect(cjkGrams('กรุงเทพ')).toContain('กร'); // Thai, also written without spaces
    expect(cjkGrams('Only Latin, Кириллица and עברית.')).toBe('');
    expect(cjkGrams('')).toBe('');
    expect(cjkGrams(null)).toBe('');
  });

  it('folds as a query is folded: compatibility ideographs, jamo sequences, characters beyond the BMP', () => {
    expect(cjkGrams('\uf900')).toBe('\u8c48'); // CJK compatibility ideograph → its unified form (NFC)
    expect(cjkGrams('\u1112\u1161\u11ab')).toBe('한'); // jamo → syllable
    expect(cjkGrams('𠀀𠀁').split(' ')).toEqual(['𠀀', '𠀁', '𠀀𠀁']); // extension B: code points, not halves
  });

  it('tells which terms the gram index answers', () => {
    for (const t of ['京', '平壤', '평양', 'タ', '𠀀𠀁']) expect(isGramTerm(t)).toBe(true);
    for (const t of ['', 'a', 'a平', '平1', '平壤城', '北 京']) expect(isGramTerm(t)).toBe(false);
  });
});

describe('the gram indexes follow every change', () => {
  it('finds 1–2 character Chinese, Japanese and Korean terms in articles, passages and notes', () => {
    const db = openSearchLibrary(tempDir());
    const zh = addArticle(db, { title: '平壤访问', body: '俄罗斯总统抵达平壤，开始国事访问。' });
    const ja = addArticle(db, { title: '東京の朝', body: '首相は東京で記者会見を開いた。' });
    const ko = addArticle(db, { title: '서울 소식', body: '대통령이 평양에 도착했다.' });
    const en = addArticle(db, { title: 'Pyongyang', body: 'The visit to 平壤 was short.' });
    const p = addPassage(db, ko, '대통령이 평양에 도착했다', { tags: ['북한'] });
    const n = createNote(db, {
      title: '季风笔记',
      markdown: 'Monsoon notes, in English and 中文.',
      tags: [],
    }).id;
    expect(hitIds(db, '平')).toEqual([zh, en].sort());
    expect(hitIds(db, '平壤')).toEqual([zh, en].sort());
    expect(hitIds(db, '京')).toEqual([ja]);
    expect(hitIds(db, 'の')).toEqual([ja]);
    expect(hitIds(db, '평양')).toEqual([ko, p].sort());
    expect(hitIds(db, '양')).toEqual([ko, p].sort());
    expect(hitIds(db, '북한')).toEqual([p]); // a tag name, through the passage's tags column
    expect(hitIds(db, '中文')).toEqual([n]);
    expect(hitIds(db, '季')).toEqual([n]);
    expect(hitIds(db, '平壤 visit')).toEqual([en]); // mixed scripts: both must match
    expect(hitIds(db, 'pyongyang OR 访问')).toEqual([zh, en].sort());
    expect(hitIds(db, '平 -访问')).toEqual([en]);
    expect(hitIds(db, '壤平')).toEqual([]); // not a substring anywhere
    expect(hitIds(db, '龍')).toEqual([]);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('ranks a title hit above body hits and marks the hit in the snippet', () => {
    const db = openSearchLibrary(tempDir());
    const body = addArticle(db, {
      title: '新闻',
      body: '今天北京很冷，北京下雪了。北京的交通很慢。',
    });
    const title = addArticle(db, { title: '北京', body: '今天天气很好。' });
    const r = search(db, '北京', { kind: 'article' });
    expect(r.hits.map((h) => h.id)).toEqual([title, body]);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
    expect(r.hits[1]!.snippet).toContain('\u0002北京\u0003');
    db.close();
  });

  it('articles: edits move them in and out, deletes remove them', () => {
    const db = openSearchLibrary(tempDir());
    const id = addArticle(db, { title: 'Harbour report', body: 'The ferry timetable changed.' });
    const key = db.prepare('SELECT rid FROM articles WHERE id = ?').pluck().get(id);
    expect(gramKeys(db, 'articles_grams')).toEqual([]);
    db.prepare('UPDATE articles SET text = ? WHERE id = ?').run(
      'The 渡轮 schedule follows the tides.',
      id,
    );
    expect(gramKeys(db, 'articles_grams')).toEqual([key]);
    expect(hitIds(db, '渡')).toEqual([id]);
    updateArticleBody(db, id, makeBody([paragraph('新的 schedule: 港口 only.')]));
    expect(hitIds(db, '渡')).toEqual([]);
    expect(hitIds(db, '港口')).toEqual([id]);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.prepare('UPDATE articles SET text = ? WHERE id = ?').run('Plain text again.', id);
    expect(gramKeys(db, 'articles_grams')).toEqual([]);
    db.prepare('UPDATE articles SET subtitle = ? WHERE id = ?').run('副标题', id);
    expect(hitIds(db, '副')).toEqual([id]);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    expect(hitIds(db, '副')).toEqual([]);
    expect(gramKeys(db, 'articles_grams')).toEqual([]);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('passages: soft delete, restore, comment edits, tags added, renamed, merged and deleted', () => {
    const db = openSearchLibrary(tempDir());
    const a = addArticle(db, {
      title: 'Rivers',
      body: 'The delta floods every autumn and the farms move inland.',
    });
    const p = addPassage(db, a, 'The delta floods every autumn', { comment: '季节性' });
    expect(hitIds(db, '季 kind:passage')).toEqual([p]);
    deletePassage(db, p);
    expect(hitIds(db, '季')).toEqual([]);
    restorePassage(db, p);
    expect(hitIds(db, '季')).toEqual([p]);
    updatePassage(db, p, { comment: 'every year', tags: ['水文'] });
    expect(hitIds(db, '季')).toEqual([]);
    expect(hitIds(db, '水')).toEqual([p]);
    renameTag(db, '水文', '地理');
    expect(hitIds(db, '水')).toEqual([]);
    expect(hitIds(db, '地理 kind:passage')).toEqual([p]);
    expect(hitIds(db, 'tag:地理 kind:passage')).toEqual([p]);
    updatePassage(db, p, { tags: ['地理', 'hydrology'] });
    mergeTags(db, '地理', 'hydrology');
    expect(hitIds(db, '地')).toEqual([]);
    renameTag(db, 'hydrology', '河流');
    expect(hitIds(db, '河')).toEqual([p]);
    expect(checkSearchIndexes(db)).toEqual([]);
    deleteTag(db, '河流');
    expect(hitIds(db, '河')).toEqual([]);
    expect(checkSearchIndexes(db)).toEqual([]);
    updatePassage(db, p, { comment: '再见' });
    db.prepare('DELETE FROM articles WHERE id = ?').run(a); // the passage goes with its article
    expect(hitIds(db, '再')).toEqual([]);
    expect(gramKeys(db, 'passages_grams')).toEqual([]);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('notes: edits, soft delete, restore, tag changes and renames', () => {
    const db = openSearchLibrary(tempDir());
    const n = createNote(db, {
      title: 'Monsoon',
      markdown: 'Arrived early in 喀拉拉邦.',
      tags: [],
    }).id;
    expect(hitIds(db, '喀')).toEqual([n]);
    updateNote(db, n, { title: '季风', doc: noteDoc('No CJK text in the body now.') });
    expect(hitIds(db, '喀')).toEqual([]);
    expect(hitIds(db, '季风')).toEqual([n]);
    deleteNote(db, n);
    expect(hitIds(db, '季风')).toEqual([]);
    restoreNote(db, n);
    expect(hitIds(db, '季风')).toEqual([n]);
    setNoteTags(db, n, ['天气']);
    expect(hitIds(db, '天')).toEqual([n]);
    renameTag(db, '天气', 'weather');
    expect(hitIds(db, '天')).toEqual([]);
    updateNote(db, n, { title: 'Monsoon' });
    expect(gramKeys(db, 'notes_grams')).toEqual([]);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('ranks a hit the same however often its row was re-indexed (exact bm25 statistics)', () => {
    const db = openSearchLibrary(tempDir());
    for (let i = 0; i < 12; i++)
      addArticle(db, {
        title: `文章${i}`,
        body: i % 3 ? '今天天气很好，我们去公园散步。' : '普京抵达平壤，开始国事访问。',
      });
    const note = createNote(db, {
      title: '笔记',
      markdown: '普京抵达平壤，开始国事访问。',
      tags: [],
    });
    const scores = () =>
      search(db, '平壤', { limit: 20 }).hits.map((h) => [h.kind, h.id, h.score.toFixed(6)]);
    const fresh = scores();
    expect(fresh.map(([kind]) => kind)).toContain('note');
    // Autosave re-indexes the note on every save; the articles are edited and one deleted.
    for (let i = 0; i < 60; i++)
      updateNote(db, note.id, { doc: noteDoc(`普京抵达平壤，开始国事访问。${i % 2 ? '' : ' '}`) });
    const doomed = addArticle(db, { title: '平壤', body: '临时' });
    db.prepare('DELETE FROM articles WHERE id = ?').run(doomed);
    expect(scores()).toEqual(fresh);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('the check names damaged gram indexes, and reindex repairs them', () => {
    const db = openSearchLibrary(tempDir());
    const a = addArticle(db, {
      title: '火山',
      body: 'Lava reached the sea; 熔岩 cooled into new land.',
    });
    const p = addPassage(db, a, 'Lava reached the sea', { tags: ['地质'] });
    const n = createNote(db, { title: '笔记', markdown: 'text', tags: [] }).id;
    const b = addArticle(db, { title: 'Plain', body: 'Nothing to see.' });
    const key = (id: string) => db.prepare('SELECT rid FROM articles WHERE id = ?').pluck().get(id);
    db.exec(`
      DELETE FROM passages_grams;
      DELETE FROM notes_grams;
      INSERT INTO articles_grams (rowid, title, subtitle, byline, site_name, text) VALUES (${key(b)}, '假', '', '', '', '');
      DELETE FROM articles_grams WHERE rowid = ${key(a)};
      INSERT INTO articles_grams (rowid, title, subtitle, byline, site_name, text) VALUES (${key(a)}, '火', '', '', '', '');`);
    expect(hitIds(db, '熔')).toEqual([]);
    expect(hitIds(db, '假')).toEqual([b]);
    expect(checkSearchIndexes(db)).toEqual([
      'articles_grams: database disk image is malformed', // FTS5's own check against the grams of the articles
      'articles_grams: 1 row(s) out of date',
      'articles_grams: 1 row(s) for deleted rows or rows without CJK text',
      'passages_grams: 1 row(s) missing',
      'notes_grams: 1 row(s) missing',
    ]);
    rebuildSearchIndexes(db);
    expect(checkSearchIndexes(db)).toEqual([]);
    expect(hitIds(db, '熔')).toEqual([a]);
    expect(hitIds(db, '假')).toEqual([]);
    expect(hitIds(db, '地质')).toEqual([p]);
    expect(hitIds(db, '笔')).toEqual([n]);
    db.close();
  });
});
