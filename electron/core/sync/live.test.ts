/**
 * Live sync: a library open with sync on (as in the app or `serve`) applies a segment another
 * device's engine drops into the folder without being asked, its change events say so, and its own
 * changes go out without `sync now`.
 */
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
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
import { isLayoutPath, LIBRARY_FILE, listSegments } from './folder';

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

  it("tells the folder's own files from engines' temp and partial files", () => {
    const dev = '01a24b3a-4816-7745-9991-cbe7ee930d22';
    const hash = 'ab'.repeat(32);
    for (const p of [
      LIBRARY_FILE,
      'devices',
      `devices/${dev}`,
      `devices/${dev}/device.json`,
      `devices/${dev}/segments`,
      `devices/${dev}/segments/00000001.seg`,
      `devices\\${dev}\\segments\\00000002.seg`,
      'originals',
      'originals/ab',
      `originals/ab/${hash}`,
    ])
      expect(isLayoutPath(p), p).toBe(true);
    for (const p of [
      `devices/${dev}/segments/.syncthing.00000001.seg.tmp`, // Syncthing (Linux, macOS)
      `devices/${dev}/segments/~syncthing~00000001.seg.tmp`, // Syncthing (Windows)
      `originals/ab/.syncthing.${hash}.tmp`,
      `devices/${dev}/segments/.00000001.seg.~5e1f0a2b`, // Nextcloud, ownCloud
      `.dropbox.cache/2026-12-06/00000001.seg`, // Dropbox
      `devices/${dev}/segments/00000001.seg.part`, // partial downloads
      `originals/ab/${hash}.partial`,
      `devices/${dev}/segments/.00000001.seg.0123456789ab.tmp`, // ours (writeOnce)
      `devices/${dev}/.~lock.device.json#`, // an office suite's lock
      `devices/${dev}/segments/00000001.sync-conflict-20261206-120000-ABCDEFG.seg`,
      'devices/.syncthing.x.tmp',
      '.stfolder',
      '.stignore',
      `.stversions/devices/${dev}/segments/00000001.seg`,
    ])
      expect(isLayoutPath(p), p).toBe(false);
  });

  it("engines' temp and partial files are no delivery (nothing applied, no error); the final rename is applied once", async () => {
    const folder = tempDir();
    const a = liveLibrary();
    await a.invoke('sync.init', { folder, name: 'Server' });
    await waitFor('the first live sync to end', () => idle(a.events));
    // B writes into a folder of its own (the same library): its files are what an engine carries.
    const bFolder = tempDir();
    copyFileSync(join(folder, LIBRARY_FILE), join(bFolder, LIBRARY_FILE));
    const b = plainLibrary();
    initSync(b, { folder: bFolder, name: 'Laptop' });
    const article = addArticle(b, { title: 'Tides at dawn', body: 'The tide turned early.' });
    syncNow(b);
    const delivered: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true }))
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name !== LIBRARY_FILE) delivered.push(relative(bFolder, join(d, e.name)));
    };
    walk(bFolder);
    expect(delivered.some((f) => f.endsWith('.seg'))).toBe(true);
    expect(delivered.some((f) => f.startsWith('originals'))).toBe(true);

    // Engines mid-transfer: each file half there under Syncthing's, Nextcloud's, Dropbox's and
    // browsers' temp names, and an office suite's lock beside it.
    const temps = (f: string) => {
      const [dir, name] = [dirname(f), basename(f)];
      return [
        join(dir, `.syncthing.${name}.tmp`),
        join(dir, `~syncthing~${name}.tmp`),
        join(dir, `.${name}.~5e1f0a2b`),
        join(dir, `${name}.part`),
        join(dir, `.~lock.${name}#`),
        join('.dropbox.cache', name),
      ];
    };
    a.events.length = 0;
    for (const f of delivered) {
      const bytes = readFileSync(join(bFolder, f));
      for (const t of temps(f)) {
        mkdirSync(dirname(join(folder, t)), { recursive: true });
        writeFileSync(join(folder, t), bytes.subarray(0, bytes.length >> 1));
      }
    }
    // A local change makes the live library sync now, with every temp file in the folder.
    const aDevice = syncStatus(a.library.db).deviceId!;
    const before = listSegments(folder, aDevice).length;
    await a.invoke('tags.create', { name: 'probe' });
    await waitFor('a segment with the local change', () =>
      listSegments(folder, aDevice).length > before ? true : undefined,
    );
    await waitFor('that sync to end', () => idle(a.events));
    const errors = () => a.events.filter((e) => e.type === 'sync' && e.error !== null);
    expect(errors()).toEqual([]);
    expect(changedIds(a.events)).not.toContain(`article:${article}`);
    expect(a.library.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);

    // Each transfer ends as Syncthing's does: the whole file, renamed to its name.
    a.events.length = 0;
    for (const f of delivered) {
      const temp = join(folder, temps(f)[0]!);
      writeFileSync(temp, readFileSync(join(bFolder, f)));
      renameSync(temp, join(folder, f));
    }
    await waitFor('the article in the live library', () =>
      changedIds(a.events).includes(`article:${article}`),
    );
    await waitFor('the live sync to be idle', () => idle(a.events));
    expect(changedIds(a.events).filter((c) => c === `article:${article}`)).toHaveLength(1);
    expect(errors()).toEqual([]);
    expect(syncStatus(a.library.db)).toMatchObject({ incoming: 0, parked: 0, problems: [] });
    expect(
      a.library.db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(article),
    ).toBe('Tides at dawn');
  }, 180_000);
});
