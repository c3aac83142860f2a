/**
 * Libraries syncing through real Syncthing instances on loopback (electron/test/syncthing.ts):
 * each library has its own folder, and only Syncthing carries files between them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import {
  folderFiles,
  shareFolder,
  SYNCTHING,
  useSyncthing,
  waitFor,
  waitInSync,
  type Syncthing,
} from '../../test/syncthing';
import { prng } from '../../test/prng';
import { openDatabase } from '../db/open';
import { paragraphNode, rootDoc, textNode } from '../notes/lexicalJson';
import { createNote, getNote, updateNote } from '../notes/repo';
import { getPassage, updatePassage } from '../passages/repo';
import { addArticle, addPassage } from '../search/test-library';
import { setArticleTags } from '../tags/repo';
import { initSync, syncNow, syncStatus } from './engine';
import { libraryContents, searchContents } from './testReplicas';

const tempDir = useTempDir('commonplace-syncthing-');
const syncthing = useSyncthing();
const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const FOLDER = 'commonplace-test';
const paragraphs = (...texts: string[]) => rootDoc(texts.map((t) => paragraphNode([textNode(t)])));

interface Device {
  name: string;
  db: Database;
  path: string;
  st: Syncthing;
}

async function devices(...names: string[]): Promise<Device[]> {
  const out: Device[] = [];
  for (const name of names) {
    const db = openDatabase(join(tempDir(), 'library.sqlite'));
    open.push(db);
    out.push({ name, db, path: tempDir(), st: await syncthing.start(name) });
  }
  return out;
}

/**
 * Syncs every library and lets Syncthing carry what they wrote, until a round where no library
 * sends or applies anything.
 */
async function settle(ds: Device[]): Promise<void> {
  for (let round = 0; round < 10; round++) {
    await waitInSync(FOLDER, ds);
    let moved = 0;
    for (const d of ds) {
      const r = syncNow(d.db);
      expect(r.problems, d.name).toEqual([]);
      moved += r.written + r.applied;
    }
    if (!moved) return;
  }
  throw new Error('sync did not settle in 10 rounds');
}

function expectConverged(ds: Device[]): void {
  const first = libraryContents(ds[0]!.db);
  const firstSearch = searchContents(ds[0]!.db);
  expect(firstSearch.problems).toEqual([]);
  for (const d of ds.slice(1)) {
    expect(libraryContents(d.db), d.name).toEqual(first);
    expect(searchContents(d.db), d.name).toEqual(firstSearch);
  }
  for (const d of ds)
    expect(syncStatus(d.db), d.name).toMatchObject({
      outgoing: 0,
      incoming: 0,
      parked: 0,
      problems: [],
    });
}

it.runIf(process.env.COMMONPLACE_REQUIRE_SYNCTHING === '1')('syncthing is installed (CI)', () => {
  expect(SYNCTHING, 'syncthing is not installed: .ci/run installs it from Debian').toBeDefined();
});

describe.skipIf(!SYNCTHING)(
  // Skipped only where syncthing is not installed (`.ci/run` installs it from Debian).
  'libraries syncing through real Syncthing on loopback',
  () => {
    it('offline edits on both devices, then reconnect: they converge', async () => {
      const [a, b] = await devices('laptop', 'desktop');
      const article = addArticle(a!.db, {
        title: 'Harbour report',
        body: 'The ferry timetable changed in spring. Tides ruled the harbour.',
        tags: ['shipping'],
      });
      const passage = addPassage(a!.db, article, 'ferry timetable', { tags: ['ferries'] });
      const note = createNote(a!.db, {
        title: 'Harbour notes',
        doc: paragraphs('First thought.'),
        tags: [],
      });
      initSync(a!.db, { folder: a!.path, name: 'Laptop' });
      syncNow(a!.db);
      await shareFolder(FOLDER, [a!, b!]);
      await waitInSync(FOLDER, [a!, b!]);
      // B joins the library Syncthing delivered into its folder.
      expect(initSync(b!.db, { folder: b!.path, name: 'Desktop' }).libraryId).toBe(
        syncStatus(a!.db).libraryId,
      );
      await settle([a!, b!]);
      expectConverged([a!, b!]);

      // Both engines down: each device edits the same passage, note and tags, and syncs locally.
      await Promise.all([a!.st.stop(), b!.st.stop()]);
      updatePassage(a!.db, passage, { comment: 'from laptop', tags: ['ferries', 'laptop-tag'] });
      updatePassage(b!.db, passage, { color: 'green', tags: ['desktop-tag'] });
      updateNote(a!.db, note.id, { doc: paragraphs('First thought, revised on the laptop.') });
      updateNote(b!.db, note.id, { doc: paragraphs('First thought.', 'Desktop addition.') });
      setArticleTags(b!.db, article, ['shipping', 'ports']);
      for (const d of [a!, b!]) expect(syncNow(d.db).written).toBeGreaterThan(0);

      await Promise.all([a!.st.start(), b!.st.start()]);
      await settle([a!, b!]);
      expectConverged([a!, b!]);
      const p = getPassage(b!.db, passage);
      expect(p.comment).toBe('from laptop');
      expect(p.color).toBe('green');
      expect(p.tags.sort()).toEqual(['desktop-tag', 'laptop-tag']);
      const text = getNote(a!.db, note.id).text;
      expect(text).toContain('revised on the laptop');
      expect(text).toContain('Desktop addition.');
    });

    it('Syncthing killed mid-transfer of a large original: the half-delivered file is never applied, and after a restart they converge', async () => {
      const [a, b] = await devices('sender', 'receiver');
      initSync(a!.db, { folder: a!.path, name: 'Sender' });
      syncNow(a!.db);
      await shareFolder(FOLDER, [a!, b!]);
      await waitInSync(FOLDER, [a!, b!]);
      initSync(b!.db, { folder: b!.path, name: 'Receiver' });
      await settle([a!, b!]);

      // A large original (about 3 MB of words that don't compress away) and a passage on it.
      const rnd = prng(16);
      const words = ['tide', 'harbour', 'ferry', 'quay', 'gull', 'rope', 'salt', 'mast', 'keel'];
      const lines: string[] = [];
      for (let size = 0; size < 3_000_000;) {
        const line = Array.from({ length: 12 }, () => words[Math.floor(rnd() * words.length)]!)
          .concat(String(Math.floor(rnd() * 1e9)))
          .join(' ');
        lines.push(line);
        size += line.length + 2;
      }
      lines[0] = 'The ferry timetable changed in spring.';
      const article = addArticle(a!.db, { title: 'Big harbour log', body: lines.join('\n\n') });
      addPassage(a!.db, article, 'ferry timetable', { tags: ['ferries'] });
      syncNow(a!.db);
      const blob = folderFiles(a!.path)
        .find((f) => f.startsWith('originals/'))!
        .split(' ')[0]!;
      const blobSize = statSync(join(a!.path, blob)).size;

      // Each step waits for a condition Syncthing can't race past. First only the segments come
      // (the receiver ignores originals/ for now): the article waits for its original.
      await b!.st.rest('POST', `/rest/db/ignores?folder=${FOLDER}`, { ignore: ['/originals'] });
      await a!.st.rest('POST', `/rest/db/scan?folder=${FOLDER}`);
      const segmentsOf = (d: Device) =>
        folderFiles(d.path).filter((f) => f.startsWith('devices/') && f.includes('.seg '));
      await waitFor('the segments on the receiver', () => {
        const have = new Set(segmentsOf(b!));
        return segmentsOf(a!).every((s) => have.has(s));
      });
      const parkedOnly = syncNow(b!.db);
      expect(parkedOnly.problems).toEqual([]);
      expect(parkedOnly.parked).toBeGreaterThan(0);

      // Then the original, slowly (50 KiB/s; loopback counts as LAN, so the limit must apply
      // there too): killed once its temp file is on disk and growing, i.e. half-delivered.
      await b!.st.rest('PATCH', '/rest/config/options', {
        maxRecvKbps: 50,
        limitBandwidthInLan: true,
      });
      await b!.st.rest('POST', `/rest/db/ignores?folder=${FOLDER}`, { ignore: [] });
      const blobDir = join(b!.path, blob, '..');
      // Syncthing sizes a temp file at once (sparse): what grows is what is allocated.
      const written = (): number | undefined => {
        if (!existsSync(blobDir)) return undefined;
        const temp = readdirSync(blobDir).find((n) => /^\.syncthing\..*\.tmp$/.test(n));
        return temp === undefined ? undefined : statSync(join(blobDir, temp)).blocks * 512;
      };
      const first = await waitFor('a temp file of the original on the receiver', () => {
        const w = written();
        return w !== undefined && w > 0 && w;
      });
      await waitFor('the temp file to grow', () => {
        const w = written();
        return w !== undefined && w > first && w < blobSize;
      });
      await b!.st.kill();
      expect(existsSync(join(b!.path, blob))).toBe(false);
      expect(written()).toBeLessThan(blobSize);

      // What arrived is applied; the article waits for its original, which is not half-applied.
      const early = syncNow(b!.db);
      expect(early.problems).toEqual([]);
      expect(early.parked).toBeGreaterThan(0);
      expect(b!.db.prepare('SELECT count(*) FROM articles WHERE id = ?').pluck().get(article)).toBe(
        0,
      );
      expect(b!.db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(0);

      await b!.st.start();
      await b!.st.rest('PATCH', '/rest/config/options', {
        maxRecvKbps: 0,
        limitBandwidthInLan: false,
      });
      await settle([a!, b!]);
      expectConverged([a!, b!]);
      expect(getPassage(b!.db, addPassageId(b!.db, article)).tags).toEqual(['ferries']);
    });

    it('three devices (a team) converge', async () => {
      const team = await devices('ana', 'ben', 'cai');
      const [a, b, c] = team as [Device, Device, Device];
      const article = addArticle(a.db, {
        title: 'Field notes',
        body: 'Lichens grow slowly on north walls. Mosses prefer shade and rain.',
      });
      initSync(a.db, { folder: a.path, name: 'Ana' });
      syncNow(a.db);
      await shareFolder(FOLDER, team);
      await waitInSync(FOLDER, team);
      initSync(b.db, { folder: b.path, name: 'Ben' });
      initSync(c.db, { folder: c.path, name: 'Cai' });
      await settle(team);

      // Each member works at once, on shared and on their own things.
      const pa = addPassage(a.db, article, 'Lichens grow slowly', { tags: ['lichen'] });
      const pb = addPassage(b.db, article, 'Mosses prefer shade', { tags: ['moss'] });
      const nc = createNote(c.db, {
        title: 'Cai draft',
        doc: paragraphs('Walls.'),
        tags: ['team'],
      });
      setArticleTags(b.db, article, ['botany']);
      setArticleTags(c.db, article, ['walls']);
      await settle(team);
      updatePassage(c.db, pa, { comment: 'Cai agrees' });
      updatePassage(a.db, pb, { color: 'blue' });
      updateNote(b.db, nc.id, { doc: paragraphs('Walls.', 'Ben was here.') });
      updateNote(a.db, nc.id, { doc: paragraphs('North walls.') });
      await settle(team);

      expectConverged(team);
      expect(getPassage(b.db, pa).comment).toBe('Cai agrees');
      expect(getPassage(c.db, pb).color).toBe('blue');
      const text = getNote(c.db, nc.id).text;
      expect(text).toContain('Ben was here.');
      expect(text).toContain('North walls.');
      expect(
        syncStatus(a.db)
          .devices.map((d) => d.name)
          .sort(),
      ).toEqual(['Ana', 'Ben', 'Cai']);
    });
  },
  600_000,
);

function addPassageId(db: Database, article: string): string {
  return db.prepare('SELECT id FROM passages WHERE article_id = ?').pluck().get(article) as string;
}
