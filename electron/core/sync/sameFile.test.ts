/**
 * The same file imported on two devices offline (same original sha256): one article after sync,
 * the one with the smaller id, with the passages, tags and collections made on both copies, and
 * each metadata field as the later edit of it left it. Real libraries sharing a folder.
 */
import { copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { openDatabase } from '../db/open';
import { addToCollection } from '../collections/repo';
import { NOTE_NODE_MENTION } from '../../model/notes';
import { paragraphNode, rootDoc, textNode } from '../notes/lexicalJson';
import { createNote } from '../notes/repo';
import { editArticleMeta } from '../articles/meta';
import { emptyTrash, trashArticles } from '../articles/state';
import { addArticle, addPassage } from '../search/test-library';
import { initSync, syncNow } from './engine';
import { libraryContents } from './testReplicas';

const tempDir = useTempDir('commonplace-sync-same-');
const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function devices(n: number): Database[] {
  const folder = tempDir();
  return Array.from({ length: n }, (_, i) => {
    const db = openDatabase(join(tempDir(), 'library.sqlite'));
    open.push(db);
    initSync(db, { folder, name: `Device ${i}` });
    return db;
  });
}

/** Two devices offline: each syncs with its own copy of the folder until `exchange`. */
function offlinePair(): { a: Database; b: Database; exchange: () => void } {
  const [fa, fb] = [tempDir(), tempDir()];
  const [a, b] = [0, 1].map(() => {
    const db = openDatabase(join(tempDir(), 'library.sqlite'));
    open.push(db);
    return db;
  }) as [Database, Database];
  initSync(a, { folder: fa, name: 'Laptop' });
  copyFileSync(join(fa, 'commonplace-library.json'), join(fb, 'commonplace-library.json'));
  initSync(b, { folder: fb, name: 'Desktop' });
  const exchange = () => {
    cpSync(fa, fb, { recursive: true, force: false });
    cpSync(fb, fa, { recursive: true, force: false });
  };
  return { a, b, exchange };
}

function settle(...dbs: Database[]): void {
  for (let round = 0; round < 10; round++) {
    let moved = 0;
    for (const db of dbs) {
      const r = syncNow(db);
      expect(r.problems).toEqual([]);
      moved += r.sent + r.applied;
    }
    if (!moved) {
      for (const db of dbs)
        expect(db.prepare('SELECT reason FROM sync_parked').pluck().all()).toEqual([]);
      return;
    }
  }
  throw new Error('sync did not settle in 10 rounds');
}

const FILE = {
  title: 'Harbour report',
  body: 'The ferry timetable changed in spring. Tides ruled the harbour.',
};

describe('the same file imported on two devices offline', () => {
  it('becomes one article with the passages, tags and collections of both; later edits win per field', () => {
    const { a, b, exchange } = offlinePair();
    const x = addArticle(a, FILE);
    const y = addArticle(b, FILE);
    const keep = x < y ? x : y;
    const pa = addPassage(a, x, 'ferry timetable', { tags: ['ferries'], comment: 'from A' });
    const pb = addPassage(b, y, 'Tides ruled', { tags: ['tides'], comment: 'from B' });
    addToCollection(b, 'Thesis', [y]);
    // Each device synced (alone) since importing: an edit's fields then carry the edit's time
    // (a row's fields changed between two syncs share the time of its last change).
    syncNow(a);
    syncNow(b);
    editArticleMeta(a, x, { title: 'Harbour report (A)', subtitle: 'From A' });
    // B's title edit is the later one; A's subtitle is the only edit of it.
    editArticleMeta(b, y, { title: 'Harbour report (B)' });
    for (let round = 0; ; round++) {
      expect(round).toBeLessThan(10);
      exchange();
      let moved = 0;
      for (const db of [a, b]) {
        const r = syncNow(db);
        expect(r.problems).toEqual([]);
        moved += r.sent + r.applied;
      }
      if (!moved) break;
    }

    for (const db of [a, b]) {
      expect(db.prepare('SELECT id FROM articles').pluck().all()).toEqual([keep]);
      expect(
        db.prepare('SELECT id FROM passages WHERE article_id = ? ORDER BY id').pluck().all(keep),
      ).toEqual([pa, pb].sort());
      expect(db.prepare('SELECT title, subtitle FROM articles').get()).toEqual({
        title: 'Harbour report (B)',
        subtitle: 'From A',
      });
      expect(
        db
          .prepare('SELECT count(*) FROM collection_articles WHERE article_id = ?')
          .pluck()
          .get(keep),
      ).toBe(1);
    }
    expect(libraryContents(b)).toEqual(libraryContents(a));

    // Later changes that still name the merged-away id (made before it knew) land on the one kept.
    const gone = keep === x ? y : x;
    expect(a.prepare('SELECT into_id FROM sync_merged WHERE id = ?').pluck().get(gone)).toBe(keep);
  });

  it('three devices, whatever order the copies arrive in, end the same', () => {
    const [a, b, c] = devices(3) as [Database, Database, Database];
    const x = addArticle(a, FILE);
    addPassage(a, x, 'ferry timetable', { comment: 'A' });
    syncNow(a);
    syncNow(c); // C has only A's copy when B's arrives
    const y = addArticle(b, FILE);
    addPassage(b, y, 'Tides ruled', { comment: 'B' });
    trashArticles(b, [y]);
    settle(b, c, a);
    const first = libraryContents(a);
    expect(first.articles).toHaveLength(1);
    expect(first.passages).toHaveLength(2);
    expect(libraryContents(b)).toEqual(first);
    expect(libraryContents(c)).toEqual(first);
  });

  it('a copy emptied from the trash on one device while the other imported it again', () => {
    const [a, b, c] = devices(3) as [Database, Database, Database];
    const x = addArticle(a, FILE);
    syncNow(a);
    addArticle(b, FILE);
    trashArticles(a, [x]);
    emptyTrash(a, [x]);
    settle(c, a, b);
    const first = libraryContents(a);
    expect(libraryContents(b)).toEqual(first);
    expect(libraryContents(c)).toEqual(first);
  });

  it('a note mentioning the copy that was merged away links to the article that stays, on both devices', () => {
    const { a, b, exchange } = offlinePair();
    const x = addArticle(a, FILE);
    const y = addArticle(b, FILE);
    const keep = x < y ? x : y;
    const mention = (id: string) =>
      rootDoc([
        paragraphNode([
          textNode('See '),
          { type: NOTE_NODE_MENTION, version: 1, ref: { kind: 'article', id }, label: 'report' },
        ]),
      ]);
    // Each device's note mentions its own copy; one of the two copies is merged away.
    const na = createNote(a, { title: 'From A', doc: mention(x), tags: [] }).id;
    const nb = createNote(b, { title: 'From B', doc: mention(y), tags: [] }).id;
    for (let round = 0; ; round++) {
      expect(round).toBeLessThan(10);
      exchange();
      let moved = 0;
      for (const db of [a, b]) {
        const r = syncNow(db);
        expect(r.problems).toEqual([]);
        moved += r.sent + r.applied;
      }
      if (!moved) break;
    }
    const mentions = (db: Database) =>
      db
        .prepare(
          "SELECT from_note, to_article FROM links WHERE origin = 'mention' ORDER BY from_note",
        )
        .all();
    for (const db of [a, b])
      expect(mentions(db)).toEqual(
        [na, nb].sort().map((n) => ({ from_note: n, to_article: keep })),
      );
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });
});
