/**
 * Faults a sync folder meets: files half-delivered or corrupt, an original still in transit, a
 * device whose clock is hours off, a device back after a long time offline, a full disk.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../test/temp';
import { openDatabase } from '../db/open';
import { getPassage, updatePassage } from '../passages/repo';
import { addArticle, addPassage } from '../search/test-library';
import { initSync, syncNow, syncStatus } from './engine';
import { libraryContents } from './testReplicas';

const tempDir = useTempDir('commonplace-sync-faults-');
const open: Database[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const db of open.splice(0)) db.close();
});

function library(): Database {
  const db = openDatabase(join(tempDir(), 'library.sqlite'));
  open.push(db);
  return db;
}

function filesOf(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(folder, p));
    }
  };
  walk(folder);
  return out.sort();
}

/** Two libraries, each with its own copy of the folder (as two machines have). */
function pair() {
  const fa = tempDir();
  const fb = tempDir();
  const a = library();
  const b = library();
  initSync(a, { folder: fa, name: 'A' });
  copyFileSync(join(fa, 'commonplace-library.json'), join(fb, 'commonplace-library.json'));
  initSync(b, { folder: fb, name: 'B' });
  const deliver = (from: string, to: string, only?: (rel: string) => boolean) => {
    for (const rel of filesOf(from)) {
      if (only && !only(rel)) continue;
      const target = join(to, rel);
      if (existsSync(target)) continue;
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(from, rel), target);
    }
  };
  return { a, b, fa, fb, deliver };
}

describe('sync faults', () => {
  it('a half-delivered or corrupt segment is skipped with its name, nothing applied, and applied once whole', () => {
    const { a, b, fa, fb, deliver } = pair();
    const article = addArticle(a, { title: 'Harbour', body: 'The ferry timetable changed.' });
    addPassage(a, article, 'ferry timetable');
    syncNow(a);
    deliver(fa, fb, (rel) => !rel.endsWith('.seg'));
    const seg = filesOf(fa).find((rel) => rel.endsWith('.seg'))!;
    const bytes = readFileSync(join(fa, seg));
    mkdirSync(dirname(join(fb, seg)), { recursive: true });
    writeFileSync(join(fb, seg), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const half = syncNow(b);
    expect(half.applied).toBe(0);
    expect(half.problems).toHaveLength(1);
    expect(half.problems[0]!.message).toMatch(/00000001\.seg: is incomplete/);
    expect(syncStatus(b)).toMatchObject({ incoming: 1, problems: half.problems });
    expect(b.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);

    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 0x55;
    writeFileSync(join(fb, seg), flipped);
    expect(syncNow(b).problems[0]!.message).toMatch(/00000001\.seg: is corrupt/);
    expect(b.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(0);

    writeFileSync(join(fb, seg), bytes);
    const whole = syncNow(b);
    expect(whole).toMatchObject({ applied: 1, problems: [] });
    expect(syncStatus(b)).toMatchObject({ incoming: 0, parked: 0, problems: [] });
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });

  it('an original still in transit parks its article (and what refers to it) until it arrives whole', () => {
    const { a, b, fa, fb, deliver } = pair();
    const article = addArticle(a, { title: 'Tides', body: 'Tides ruled the harbour.' });
    addPassage(a, article, 'ruled', { tags: ['sea'] });
    syncNow(a);
    deliver(fa, fb, (rel) => !rel.startsWith('originals'));
    const blob = filesOf(fa).find((rel) => rel.startsWith('originals'))!;
    mkdirSync(dirname(join(fb, blob)), { recursive: true });
    writeFileSync(join(fb, blob), readFileSync(join(fa, blob)).subarray(0, 10));
    const r = syncNow(b);
    expect(r.problems).toEqual([]);
    expect(r.parked).toBeGreaterThanOrEqual(2); // the article, its passage, its tag on the passage
    const reasons = b.prepare('SELECT reason FROM sync_parked').pluck().all() as string[];
    expect(reasons.some((m) => /incomplete or corrupt \(its SHA-256 does not match/.test(m))).toBe(
      true,
    );
    expect(b.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    copyFileSync(join(fa, blob), join(fb, blob));
    syncNow(b);
    expect(syncStatus(b).parked).toBe(0);
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });

  it('a device whose clock is hours behind still wins with an edit made after it saw the other one', () => {
    const { a, b, fa, fb, deliver } = pair();
    const article = addArticle(a, { title: 'Rain', body: 'Monsoon rains reached Kerala early.' });
    const passage = addPassage(a, article, 'reached Kerala');
    syncNow(a);
    deliver(fa, fb);
    syncNow(b);
    updatePassage(a, passage, { comment: 'first, on A' });
    syncNow(a);
    deliver(fa, fb);
    syncNow(b);
    expect(getPassage(b, passage).comment).toBe('first, on A');
    // B's wall clock is five hours behind A's.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 5 * 3600_000);
    updatePassage(b, passage, { comment: 'second, on B' });
    syncNow(b);
    vi.useRealTimers();
    deliver(fb, fa);
    syncNow(a);
    expect(getPassage(a, passage).comment).toBe('second, on B');
    expect(libraryContents(a)).toEqual(libraryContents(b));
  });

  it('a device whose clock is hours ahead does not outvote an edit made after the other saw it', () => {
    const { a, b, fa, fb, deliver } = pair();
    const article = addArticle(a, { title: 'Rain', body: 'Monsoon rains reached Kerala early.' });
    const passage = addPassage(a, article, 'reached Kerala');
    syncNow(a);
    deliver(fa, fb);
    syncNow(b);
    // A's wall clock is five hours ahead of B's.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5 * 3600_000);
    updatePassage(a, passage, { comment: 'first, on A (clock ahead)' });
    syncNow(a);
    vi.useRealTimers();
    deliver(fa, fb);
    syncNow(b);
    expect(getPassage(b, passage).comment).toBe('first, on A (clock ahead)');
    // B edits after seeing it, by its own (correct) clock: B's edit is the later one.
    updatePassage(b, passage, { comment: 'second, on B' });
    syncNow(b);
    deliver(fb, fa);
    syncNow(a);
    expect(getPassage(a, passage).comment).toBe('second, on B');
    expect(libraryContents(a)).toEqual(libraryContents(b));
  });

  it("tells the user, on the device that sees it, that another device's clock is hours ahead, until it is set right", () => {
    const { a, b, fa, fb, deliver } = pair();
    const article = addArticle(a, { title: 'Rain', body: 'Monsoon rains reached Kerala early.' });
    const passage = addPassage(a, article, 'reached Kerala');
    syncNow(a);
    deliver(fa, fb);
    syncNow(b);
    expect(syncStatus(b).clocks).toEqual([]);
    // A's wall clock runs five hours ahead while it edits and writes its segment.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5 * 3600_000);
    updatePassage(a, passage, { comment: 'edited on A' });
    syncNow(a);
    vi.useRealTimers();
    deliver(fa, fb);
    syncNow(b);
    const [warning, ...others] = syncStatus(b).clocks;
    expect(others).toEqual([]);
    expect(warning!.deviceId).toBe(syncStatus(a).deviceId);
    expect(warning!.offsetMs).toBeGreaterThan(4.9 * 3600_000);
    expect(warning!.message).toMatch(/^A's clock is 5 hours ahead of this device's .*wrong/);
    // The edit merged all the same.
    expect(getPassage(b, passage).comment).toBe('edited on A');
    // A's clock is set right: its next segment clears the warning.
    updatePassage(a, passage, { comment: 'edited on A again' });
    syncNow(a);
    deliver(fa, fb);
    syncNow(b);
    expect(syncStatus(b).clocks).toEqual([]);
  });

  it('a device back after a long time offline (hundreds of segments) catches up and keeps its own edits', () => {
    const { a, b, fa, fb, deliver } = pair();
    const article = addArticle(a, {
      title: 'Log',
      body: 'Entries of the harbour log, one per day.',
    });
    const passage = addPassage(a, article, 'harbour log');
    syncNow(a);
    deliver(fa, fb);
    syncNow(b);
    // B goes offline; A works for months, syncing after every edit.
    for (let day = 0; day < 200; day++) {
      updatePassage(a, passage, { comment: `day ${day}` });
      syncNow(a);
    }
    const other = addPassage(a, article, 'one per day');
    syncNow(a);
    // Meanwhile B, offline, tagged the passage.
    updatePassage(b, passage, { tags: ['kept-offline'] });
    syncNow(b);
    deliver(fa, fb);
    deliver(fb, fa);
    const r = syncNow(b);
    expect(r.applied).toBeGreaterThanOrEqual(200);
    expect(r.problems).toEqual([]);
    syncNow(a);
    deliver(fb, fa);
    syncNow(a);
    expect(getPassage(b, passage)).toMatchObject({ comment: 'day 199', tags: ['kept-offline'] });
    expect(getPassage(b, other).quote).toBe('one per day');
    expect(libraryContents(a)).toEqual(libraryContents(b));
  });

  // A small tmpfs is a real full disk; mounting one needs root (CI runs the tests as root).
  const canMount = process.getuid?.() === 0 && process.platform === 'linux';
  it.skipIf(!canMount)(
    'a full disk: nothing half-written, a clear message, the changes wait and go out once there is room (needs root for a tmpfs)',
    () => {
      const mount = tempDir();
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
      } catch (e) {
        // A container without the capability: say so rather than pass silently.
        console.warn(`full-disk test: cannot mount a tmpfs here (${String(e)})`);
        return;
      }
      try {
        const a = library();
        initSync(a, { folder: mount, name: 'A' });
        const big = 'harbour '.repeat(40_000); // a 320 KB original, more than the disk holds
        addArticle(a, { title: 'Big', body: big });
        const r = syncNow(a);
        expect(r.written).toBe(0);
        expect(r.problems).toHaveLength(1);
        expect(r.problems[0]!.message).toMatch(
          /cannot write \(the disk is full\); nothing was written/,
        );
        // No segment, no blob, no temp file left behind.
        expect(
          filesOf(mount).filter((f) => !f.endsWith('device.json') && !f.endsWith('.json')),
        ).toEqual([]);
        expect(syncStatus(a).outgoing).toBeGreaterThan(0);
        // The library is as usable as before.
        addArticle(a, { title: 'Small', body: 'Still works.' });
        execFileSync('mount', ['-o', 'remount,size=8m', mount]);
        const later = syncNow(a);
        expect(later).toMatchObject({ problems: [] });
        expect(later.written).toBeGreaterThan(0);
        expect(syncStatus(a).outgoing).toBe(0);
      } finally {
        execFileSync('umount', [mount]);
      }
    },
  );

  it.skipIf(!canMount)(
    'a full disk when only the segment needs room: its number stays unused, the change waits and goes out once there is room (needs root for a tmpfs)',
    () => {
      const mount = tempDir();
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
      } catch (e) {
        console.warn(`full-disk test: cannot mount a tmpfs here (${String(e)})`);
        return;
      }
      try {
        const a = library();
        initSync(a, { folder: mount, name: 'A' });
        const article = addArticle(a, { title: 'Ferries', body: 'The ferry timetable changed.' });
        expect(syncNow(a)).toMatchObject({ written: 1, problems: [] });
        // The rest of the disk taken: a passage (no blob) needs room only for its segment.
        const filler = join(mount, 'filler');
        try {
          for (;;) appendFileSync(filler, Buffer.alloc(4096));
        } catch (e) {
          expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
        }
        const passage = addPassage(a, article, 'ferry timetable');
        const r = syncNow(a);
        expect(r.written).toBe(0);
        expect(r.problems.map((p) => p.message)).toEqual([
          expect.stringMatching(/cannot write \(the disk is full\); nothing was written/),
        ]);
        expect(syncStatus(a).outgoing).toBe(1);
        rmSync(filler);
        expect(syncNow(a)).toMatchObject({ written: 1, sent: 1, problems: [] });
        // The failed write took no segment number: the device's segments run on without a gap.
        const id = a.prepare<[], string>('SELECT device_id FROM sync_identity').pluck().get()!;
        expect(filesOf(mount).filter((f) => f.endsWith('.seg'))).toEqual([
          `devices/${id}/segments/00000001.seg`,
          `devices/${id}/segments/00000002.seg`,
        ]);
        const b = openDatabase(join(tempDir(), 'b.sqlite'));
        open.push(b);
        initSync(b, { folder: mount, name: 'B' });
        syncNow(b);
        expect(getPassage(b, passage).quote).toBe('ferry timetable');
      } finally {
        execFileSync('umount', [mount]);
      }
    },
  );
});
