/**
 * Sync carries what the user does to the library, not only what it holds: the trash (moved,
 * restored, emptied), read state, collections and their members, added citation styles.
 * Two real libraries sharing a folder, as two machines do once the engine delivered the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  emptyTrash,
  listTrash,
  markRead,
  restoreArticles,
  setReadingPlace,
  trashArticles,
} from '../articles/state';
import {
  addToCollection,
  createCollection,
  deleteCollection,
  listCollections,
  renameCollection,
} from '../collections/repo';
import { addCitationStyle, listCitationStyles } from '../citations/userStyles';
import { addArticle, addPassage } from '../search/test-library';
import { libraryContents, settle, useReplicas } from './testReplicas';

const { devices } = useReplicas('commonplace-sync-state-');
const pair = () => devices('Laptop', 'Desktop') as [Database, Database];

const state = (db: Database, id: string) =>
  db
    .prepare('SELECT deleted_at, read_at, last_read_at FROM article_state WHERE article_id = ?')
    .get(id);

describe('sync carries the library state', () => {
  it('trash on one device, read state and reading place on the other all hold; restore and empty follow', () => {
    const [a, b] = pair();
    const x = addArticle(a, { title: 'Harbour report', body: 'The ferry timetable changed.' });
    const y = addArticle(a, { title: 'Monsoon', body: 'The monsoon reached Kerala early.' });
    const p = addPassage(a, y, 'monsoon');
    settle(a, b);

    trashArticles(a, [x]);
    markRead(b, [x], true);
    setReadingPlace(b, y, 12);
    settle(a, b);
    for (const db of [a, b]) {
      expect(listTrash(db).map((t) => t.id)).toEqual([x]);
      expect(state(db, x)).toMatchObject({ read_at: expect.any(String) });
      expect(
        db.prepare('SELECT reading_offset FROM article_state WHERE article_id = ?').pluck().get(y),
      ).toBe(12);
    }
    expect(libraryContents(b)).toEqual(libraryContents(a));

    restoreArticles(b, [x]);
    markRead(a, [x], false);
    settle(a, b);
    for (const db of [a, b]) {
      expect(listTrash(db)).toEqual([]);
      expect(state(db, x)).toMatchObject({ deleted_at: null, read_at: null });
    }

    // Emptying the trash is for good: the article, its passages and its original go everywhere.
    trashArticles(b, [y]);
    settle(a, b);
    emptyTrash(a, [y]);
    settle(a, b);
    for (const db of [a, b]) {
      expect(db.prepare('SELECT id FROM articles').pluck().all()).toEqual([x]);
      expect(db.prepare('SELECT count(*) FROM passages WHERE id = ?').pluck().get(p)).toBe(0);
      expect(db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(1);
    }
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });

  it('a passage made offline on an article the other device emptied from the trash goes too', () => {
    const [a, b] = pair();
    const x = addArticle(a, { title: 'Harbour report', body: 'The ferry timetable changed.' });
    settle(a, b);
    trashArticles(a, [x]);
    emptyTrash(a, [x]);
    addPassage(b, x, 'ferry timetable', { tags: ['ferries'] });
    settle(a, b);
    for (const db of [a, b]) {
      expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(0);
    }
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });

  it('collections: made, renamed, filled per member, deleted; one name made on both merges', () => {
    const [a, b] = pair();
    const x = addArticle(a, { title: 'Harbour report', body: 'The ferry timetable changed.' });
    const y = addArticle(a, { title: 'Monsoon', body: 'The monsoon reached Kerala early.' });
    settle(a, b);

    // Both devices make "Thesis" offline, each with a different article in it.
    addToCollection(a, 'Thesis', [x]);
    addToCollection(b, 'thesis', [y]);
    createCollection(b, 'Drafts');
    settle(a, b);
    for (const db of [a, b])
      expect(listCollections(db).map((c) => [c.name.toLowerCase(), c.count])).toEqual([
        ['drafts', 0],
        ['thesis', 2],
      ]);
    expect(libraryContents(b)).toEqual(libraryContents(a));

    const drafts = listCollections(a).find((c) => c.name === 'Drafts')!;
    renameCollection(a, drafts.id, 'Chapter one');
    addToCollection(b, 'Drafts', [x]);
    settle(a, b);
    for (const db of [a, b])
      expect(listCollections(db).map((c) => [c.name, c.count])).toContainEqual(['Chapter one', 1]);

    deleteCollection(b, drafts.id);
    settle(a, b);
    for (const db of [a, b])
      expect(listCollections(db).map((c) => c.name.toLowerCase())).toEqual(['thesis']);
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });

  it('added citation styles travel; the same style added on both devices is kept once', async () => {
    const [a, b] = pair();
    const xml = readFileSync(join(__dirname, '../citations/fixtures/harvard-test.csl'), 'utf8');
    const other = readFileSync(
      join(__dirname, '../citations/fixtures/harvard-swedish.csl'),
      'utf8',
    );
    await addCitationStyle(a, 'harvard-test.csl', xml);
    await addCitationStyle(b, 'harvard-test.csl', xml);
    await addCitationStyle(b, 'harvard-swedish.csl', other);
    settle(a, b);
    for (const db of [a, b])
      expect(
        listCitationStyles(db)
          .filter((s) => !s.builtIn)
          .map((s) => s.fileName),
      ).toEqual(expect.arrayContaining(['harvard-test.csl', 'harvard-swedish.csl']));
    expect(a.prepare('SELECT count(*) FROM citation_styles').pluck().get()).toBe(2);
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });
});
