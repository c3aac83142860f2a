/**
 * Live sync: a library open with sync on (as in the app or `serve`) applies a segment another
 * device's engine drops into the folder without being asked, its change events say so, and its own
 * changes go out without `sync now`.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../model/events';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { waitFor } from '../../test/syncthing';
import { openDatabase } from '../db/open';
import { addArticle } from '../search/test-library';
import { ensureTags } from '../tags/repo';
import { initSync, SEGMENT_MAX_OPS, syncNow, syncStatus, type SyncProgress } from './engine';
import { listSegments } from './folder';

const tempDir = useTempDir('commonplace-live-');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function liveLibrary() {
  const t = openTestLibrary(tempDir(), 0, {
    liveSync: { incomingDelayMs: 50, outgoingDelayMs: 100, stepSegments: 1 },
  });
  cleanup.push(() => t.library.close());
  cleanup.push(() => t.services.liveSync!.stop());
  const events: LibraryEvent[] = [];
  t.library.onEvent((e) => events.push(e));
  return { ...t, events };
}

function plainLibrary(): Database {
  const db = openDatabase(join(tempDir(), 'library.sqlite'));
  cleanup.push(() => {
    db.close();
  });
  return db;
}

const idle = (events: LibraryEvent[]) =>
  events.some((e) => e.type === 'sync' && e.state === 'idle' && e.error === null);

const changedIds = (events: LibraryEvent[]) =>
  events.flatMap((e) => (e.type === 'changed' ? e.changes.map((c) => `${c.entity}:${c.id}`) : []));

describe('live sync', () => {
  it("applies what another device's engine delivers, tells open windows, and sends local changes by itself", async () => {
    const folder = tempDir();
    const a = liveLibrary();
    await a.invoke('sync.init', { folder, name: 'Server' });
    const b = plainLibrary();
    initSync(b, { folder, name: 'Laptop' });
    const bDevice = syncStatus(b).deviceId!;
    // The sync that setting up started is over: from here only the folder watcher can start one.
    await waitFor('the first live sync to end', () => idle(a.events));
    a.events.length = 0;

    // B writes a segment (and the original) into the folder, as its engine would deliver them.
    const article = addArticle(b, { title: 'Tides at dawn', body: 'The tide turned early.' });
    syncNow(b);
    await waitFor('the article in the live library', () =>
      changedIds(a.events).includes(`article:${article}`),
    );
    expect(
      a.library.db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(article),
    ).toBe('Tides at dawn');
    await waitFor('the live sync to be idle', () => idle(a.events));

    // A local change goes out as a segment without `sync now`.
    const aDevice = syncStatus(a.library.db).deviceId!;
    const before = listSegments(folder, aDevice).length;
    const tag = await a.invoke('tags.create', { name: 'from-the-server' });
    await waitFor('a new segment from the live library', () =>
      listSegments(folder, aDevice).length > before ? true : undefined,
    );
    syncNow(b);
    expect(b.prepare('SELECT name FROM tags WHERE id = ?').pluck().get(tag.id)).toBe(
      'from-the-server',
    );
    expect(bDevice).not.toBe(aDevice);
  }, 180_000);

  it('syncs in steps with progress: a large library goes out and comes in a segment at a time', () => {
    const folder = tempDir();
    const a = plainLibrary();
    const b = plainLibrary();
    const total = SEGMENT_MAX_OPS + 500; // two segments' worth of changes
    ensureTags(
      a,
      Array.from({ length: total }, (_, i) => `tag-${i}`),
    );
    initSync(a, { folder, name: 'A' });
    const seen: SyncProgress[] = [];
    const first = syncNow(a, { maxSegments: 1, onProgress: (p) => seen.push(p) });
    expect(first).toMatchObject({ written: 1, sent: SEGMENT_MAX_OPS, more: true });
    expect(seen).toEqual([{ phase: 'sending', done: SEGMENT_MAX_OPS, total }]);
    expect(syncNow(a, { maxSegments: 1 })).toMatchObject({ written: 1, sent: 500, more: false });

    initSync(b, { folder, name: 'B' });
    seen.length = 0;
    const step = syncNow(b, { maxSegments: 1, onProgress: (p) => seen.push(p) });
    expect(step).toMatchObject({ applied: 1, more: true });
    expect(seen.filter((p) => p.phase === 'receiving')).toEqual([
      { phase: 'receiving', done: 1, total: 2 },
    ]);
    expect(syncNow(b, { maxSegments: 1 })).toMatchObject({ applied: 1 });
    expect(b.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(total);
  }, 180_000);
});
