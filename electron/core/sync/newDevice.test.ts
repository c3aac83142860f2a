/**
 * A library with originals reaching a new device (#16): the progress a sync reports goes one way
 * and reaches its total on both sides (sending, then receiving segment by segment), and the new
 * device ends holding the same library. The 10,000-article figure is `npm run bench -- sync`.
 */
import { describe, expect, it } from 'vitest';
import { addArticle, addPassage } from '../search/test-library';
import { ensureTags } from '../tags/repo';
import {
  initSync,
  SEGMENT_MAX_BYTES,
  SEGMENT_MAX_OPS,
  syncNow,
  syncStatus,
  type SyncProgress,
} from './engine';
import { ENTITY_ORDER } from './capture';
import { readSegment } from './files';
import { listSegments } from './folder';
import { readIdentity } from './identity';
import { libraryContents, useReplicas } from './testReplicas';

const { tempDir, library } = useReplicas('commonplace-sync-new-');

/** The events of one phase: more than one, one total throughout, `done` rising to it. */
function expectRising(events: SyncProgress[], phase: SyncProgress['phase'], total: number): void {
  const of = events.filter((e) => e.phase === phase);
  expect(of.length).toBeGreaterThan(1);
  for (const e of of) expect(e.total).toBe(total);
  for (let i = 1; i < of.length; i++) expect(of[i]!.done).toBeGreaterThan(of[i - 1]!.done);
  expect(of.at(-1)!.done).toBe(total);
}

describe('a new device', () => {
  it('receives a library of articles with originals, its progress rising to the total', () => {
    const a = library();
    const articles = 40;
    for (let i = 0; i < articles; i++)
      addArticle(a, { title: `Report ${i}`, body: `The ferry timetable changed, number ${i}.` });
    // More changes than one segment holds, so each side reports more than one step.
    ensureTags(
      a,
      Array.from({ length: SEGMENT_MAX_OPS }, (_, i) => `tag-${i}`),
    );
    const folder = tempDir();
    initSync(a, { folder, name: 'A' });
    const sending: SyncProgress[] = [];
    const sent = syncNow(a, { onProgress: (p) => sending.push(p) });
    expect(sent).toMatchObject({ written: 2, sent: SEGMENT_MAX_OPS + articles, problems: [] });
    expectRising(sending, 'sending', SEGMENT_MAX_OPS + articles);

    const b = library();
    initSync(b, { folder, name: 'B' });
    const receiving: SyncProgress[] = [];
    const got = syncNow(b, { onProgress: (p) => receiving.push(p) });
    expect(got).toMatchObject({ applied: 2, parked: 0, more: false, problems: [] });
    expectRising(receiving, 'receiving', 2);
    expect(b.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(articles);
    expect(libraryContents(b)).toEqual(libraryContents(a));
  }, 300_000);

  it('gets large articles in segments of bounded size, one at a time', () => {
    const a = library();
    // Each article's op carries its text twice (text and body): ~0.6 of the bound each.
    const paragraph = 'The ferry timetable changed in spring; the harbour waited. '.repeat(40);
    const text = `${paragraph}\n\n`.repeat(Math.ceil((0.3 * SEGMENT_MAX_BYTES) / paragraph.length));
    for (const title of ['Long report', 'Longer report']) addArticle(a, { title, body: text });
    const folder = tempDir();
    initSync(a, { folder, name: 'A' });
    const sent = syncNow(a);
    expect(sent).toMatchObject({ written: 2, sent: 2, problems: [] });
    const b = library();
    initSync(b, { folder, name: 'B' });
    expect(syncNow(b)).toMatchObject({ applied: 2, received: 2, parked: 0, problems: [] });
    expect(libraryContents(b)).toEqual(libraryContents(a));
  }, 300_000);

  it('changes made since the last sync go out in bounded segments as they are taken, as many as the budget allows; the rest waits', () => {
    const a = library();
    const folder = tempDir();
    initSync(a, { folder, name: 'A' });
    syncNow(a);
    const paragraph = 'The ferry timetable changed in spring; the harbour waited. '.repeat(40);
    const text = `${paragraph}\n\n`.repeat(Math.ceil((0.3 * SEGMENT_MAX_BYTES) / paragraph.length));
    for (const title of ['Long report', 'Longer report']) addArticle(a, { title, body: text });
    const tags = SEGMENT_MAX_OPS + 10;
    ensureTags(
      a,
      Array.from({ length: tags }, (_, i) => `tag-${i}`),
    );
    const total = tags + 2;
    const sending: SyncProgress[] = [];
    const first = syncNow(a, { maxSegments: 1, onProgress: (p) => sending.push(p) });
    // Tags go first (what others refer to first), a segment's worth.
    expect(first).toMatchObject({ written: 1, sent: SEGMENT_MAX_OPS, more: true, problems: [] });
    expect(sending).toEqual([{ phase: 'sending', done: SEGMENT_MAX_OPS, total }]);
    expect(syncStatus(a).outgoing).toBe(total - SEGMENT_MAX_OPS);
    // The rest from the outbox: the last tags with the first article, then the second alone.
    expect(syncNow(a)).toMatchObject({ written: 2, sent: 12, more: false, problems: [] });
    const segments = listSegments(folder, readIdentity(a)!.deviceId).map((s) =>
      readSegment(s.path),
    );
    expect(segments.map((s) => s.ops.length)).toEqual([SEGMENT_MAX_OPS, 11, 1]);
    const b = library();
    initSync(b, { folder, name: 'B' });
    expect(syncNow(b)).toMatchObject({ parked: 0, more: false, problems: [] });
    expect(libraryContents(b)).toEqual(libraryContents(a));
  }, 300_000);

  it('a later sync of more changes than a segment holds sorts them on disk, not in memory, and sends them in order', () => {
    const a = library();
    const folder = tempDir();
    initSync(a, { folder, name: 'A' });
    syncNow(a);
    // Made before the tags, but tags go out first (what others refer to first).
    const article = addArticle(a, { title: 'Harbour', body: 'The ferry timetable changed.' });
    addPassage(a, article, 'ferry timetable', { tags: ['transport'] });
    const tags = 2 * SEGMENT_MAX_OPS + 100;
    ensureTags(
      a,
      Array.from({ length: tags }, (_, i) => `tag-${i}`),
    );
    // Where the ops wait between being taken (in the order the rows changed) and going out (in
    // ENTITY_ORDER) when each segment is written: SQLite's temp table, not the process's memory.
    const waiting: number[] = [];
    const sent = syncNow(a, {
      onProgress: () =>
        waiting.push(
          a.prepare<[], number>('SELECT count(*) FROM temp.sync_sending').pluck().get()!,
        ),
    });
    expect(sent).toMatchObject({ written: 3, sent: tags + 4, problems: [] });
    // (The last is written once all are taken and the table emptied.)
    expect(waiting.slice(0, 2)).toEqual([tags + 4, tags + 4]);
    const segments = listSegments(folder, readIdentity(a)!.deviceId)
      .slice(-3)
      .map((s) => readSegment(s.path));
    expect(segments.map((s) => s.ops.length)).toEqual([SEGMENT_MAX_OPS, SEGMENT_MAX_OPS, 104]);
    const order = segments.flatMap((s) => s.ops.map((op) => ENTITY_ORDER[op.e]));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    const b = library();
    initSync(b, { folder, name: 'B' });
    expect(syncNow(b)).toMatchObject({ parked: 0, more: false, problems: [] });
    expect(libraryContents(b)).toEqual(libraryContents(a));
  }, 300_000);
});
