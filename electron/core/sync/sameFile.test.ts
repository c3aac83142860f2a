/**
 * The same file imported on two devices offline (same original sha256): one article after sync,
 * the one with the smaller id, with the passages, tags and collections made on both copies, and
 * each metadata field as the later edit of it left it. Real libraries sharing a folder.
 */
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addToCollection } from '../collections/repo';
import { NOTE_NODE_MENTION } from '../../model/notes';
import { paragraphNode, rootDoc, textNode } from '../notes/lexicalJson';
import { createNote } from '../notes/repo';
import { editArticleMeta } from '../articles/meta';
import { emptyTrash, trashArticles } from '../articles/state';
import { addArticle, addPassage } from '../search/test-library';
import { syncNow } from './engine';
import { libraryContents, settle, useReplicas } from './testReplicas';

const { devices: named, offlinePair } = useReplicas('commonplace-sync-same-');
const devices = (n: number) => named(...Array.from({ length: n }, (_, i) => `Device ${i}`));

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
