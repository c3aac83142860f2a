/**
 * A tag or collection deleted for good on one device while another edits it offline: the edit is
 * never silently lost. The device holding an edit the deletion never saw keeps the row and sends
 * it whole again (with its members), so it comes back everywhere with the edit. A deletion that
 * races no edit of the row (only a tag put on something) holds. Real libraries, each syncing with
 * its own copy of the folder until the copies are exchanged (two machines offline, then online).
 */
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  addToCollection,
  deleteCollection,
  listCollections,
  renameCollection,
} from '../collections/repo';
import { addArticle, addPassage } from '../search/test-library';
import { deleteTag, listTags, recolorTag, renameTag } from '../tags/repo';
import { updatePassage } from '../passages/repo';
import { syncNow } from './engine';
import { libraryContents, parkedReasons, useReplicas } from './testReplicas';

const replicas = useReplicas('commonplace-sync-race-');

/** Two devices, each with its own copy of the folder; `online` exchanges and syncs to the end. */
function offlinePair(): { a: Database; b: Database; online: () => void } {
  const { a, b, exchange } = replicas.offlinePair();
  const online = () => {
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
    for (const db of [a, b]) expect(parkedReasons(db)).toEqual([]);
  };
  return { a, b, online };
}

describe('a deletion racing an edit', () => {
  it('a tag deleted on one device and renamed on the other comes back renamed, with its passages', () => {
    const { a, b, online } = offlinePair();
    const art = addArticle(a, { title: 'Harbour', body: 'The ferry timetable changed in spring.' });
    const p = addPassage(a, art, 'ferry timetable', { tags: ['ferries'] });
    online();

    deleteTag(a, 'ferries');
    renameTag(b, 'ferries', 'ferry lines');
    recolorTag(b, 'ferry lines', '#6699ff');
    syncNow(a);
    syncNow(b);
    online();

    for (const db of [a, b]) {
      expect(listTags(db).map((t) => [t.name, t.color])).toEqual([['ferry lines', '#6699ff']]);
      expect(
        db.prepare('SELECT count(*) FROM passage_tags WHERE passage_id = ?').pluck().get(p),
      ).toBe(1);
    }
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });

  it('the edit came first in time, the deletion later: still restored (the deleter never saw it)', () => {
    const { a, b, online } = offlinePair();
    addArticle(a, {
      title: 'Harbour',
      body: 'The ferry timetable changed in spring.',
      tags: ['ferries'],
    });
    online();
    recolorTag(b, 'ferries', '#88cc88');
    syncNow(b);
    deleteTag(a, 'ferries');
    syncNow(a);
    online();
    for (const db of [a, b])
      expect(listTags(db).map((t) => [t.name, t.color])).toEqual([['ferries', '#88cc88']]);
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });

  it('a deletion that saw every edit holds; a tag only put on something is no edit of it', () => {
    const { a, b, online } = offlinePair();
    const art = addArticle(a, { title: 'Harbour', body: 'The ferry timetable changed in spring.' });
    const p = addPassage(a, art, 'ferry timetable', { tags: ['ferries'] });
    online();
    recolorTag(b, 'ferries', '#88cc88');
    online();
    deleteTag(a, 'ferries');
    updatePassage(b, p, { tags: ['ferries', 'spring'] });
    syncNow(a);
    syncNow(b);
    online();
    for (const db of [a, b]) expect(listTags(db).map((t) => t.name)).toEqual(['spring']);
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });

  it('a collection deleted on one device and renamed on the other comes back with its articles', () => {
    const { a, b, online } = offlinePair();
    const art = addArticle(a, { title: 'Harbour', body: 'The ferry timetable changed in spring.' });
    addToCollection(a, 'Thesis', [art]);
    online();
    const c = listCollections(a)[0]!;
    deleteCollection(a, c.id);
    renameCollection(b, c.id, 'Thesis, chapter one');
    syncNow(a);
    syncNow(b);
    online();
    for (const db of [a, b])
      expect(listCollections(db).map((x) => [x.name, x.count])).toEqual([
        ['Thesis, chapter one', 1],
      ]);
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });
});
