import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkProgressEvent } from '../../model/library';
import type { LibraryEvent } from '../../model/events';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { insertTestArticle } from '../export/testFixture';

const tempDir = useTempDir();
let close: (() => void) | undefined;
afterEach(() => {
  vi.useRealTimers();
  close?.();
  close = undefined;
});

/**
 * A library of `n` articles whose bulk actions go in batches of `batchSize`; `between(k)` runs
 * after the k-th batch commits (k from 1), before the job goes on.
 */
function library(n: number, batchSize: number, between: (batch: number) => void = () => {}) {
  const batches: number[] = [];
  const t = openTestLibrary(tempDir(), 0, {
    bulkJobs: {
      batchSize,
      onBatch: (articles) => between(batches.push(articles)),
    },
  });
  close = () => t.library.close();
  const ids = Array.from(
    { length: n },
    (_, i) =>
      insertTestArticle(t.library.db, {
        title: `Article ${i}`,
        published: null,
        byline: null,
        siteName: null,
        paragraphs: [`Body ${i}.`],
      }).id,
  );
  const events: LibraryEvent[] = [];
  t.library.onEvent((e) => events.push(e));
  const progress = (jobId: string) =>
    events.filter((e): e is BulkProgressEvent => e.type === 'bulk-progress' && e.jobId === jobId);
  const listed = async () =>
    (await t.invoke('articles.list', { limit: 1000 })).items.map((a) => a.id).sort();
  const trashed = async () => (await t.invoke('articles.trashList', {})).map((a) => a.id).sort();
  const finished = (jobId: string | null) => {
    expect(jobId).not.toBeNull();
    return t.services.bulkJobs.finished(jobId!)!;
  };
  return { ...t, ids, batches, events, progress, listed, trashed, finished };
}

describe('bulk actions as jobs', () => {
  it('does a selection of up to a batch at once, in one transaction, with no job', async () => {
    const t = library(4, 4);
    const done = await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: {} },
      action: { kind: 'trash' },
    });
    expect(done).toMatchObject({ count: 4, jobId: null });
    expect(await t.trashed()).toEqual([...t.ids].sort());
    expect(t.events.filter((e) => e.type === 'bulk-progress')).toEqual([]);
    expect(t.batches).toEqual([]);
  });

  it('trashes a large selection batch by batch, reporting progress, calls answered between batches; one Undo restores it all', async () => {
    const t = library(10, 3);
    const done = await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: {} },
      action: { kind: 'trash' },
    });
    expect(done.count).toBe(10);
    // The call answered before any batch ran: nothing is in the trash yet.
    expect(await t.trashed()).toEqual([]);
    const end = await t.finished(done.jobId);
    expect(end).toMatchObject({ state: 'finished', done: 10, total: 10, action: 'trash' });
    expect(t.batches).toEqual([3, 3, 3, 1]);
    expect(t.progress(done.jobId!).map((e) => [e.state, e.done])).toEqual([
      ['running', 0],
      ['running', 3],
      ['running', 6],
      ['running', 9],
      ['finished', 10],
    ]);
    expect(await t.listed()).toEqual([]);

    const undo = await t.invoke('articles.bulk', {
      selection: { kind: 'trashAction', action: done.action },
      action: { kind: 'restore' },
    });
    expect(undo.count).toBe(10);
    expect((await t.finished(undo.jobId)).state).toBe('finished');
    expect(await t.listed()).toEqual([...t.ids].sort());
  });

  it('answers other calls between batches, and each batch is whole', async () => {
    const answered: { read: number; jobDone: number }[] = [];
    let jobId: string | null = null;
    const t = library(12, 2, (batch) => {
      if (batch !== 1) return;
      // A read and a write asked while the job runs are answered before it ends.
      void t
        .invoke('articles.list', { read: 'read', limit: 1000 })
        .then(({ total }) =>
          t.invoke('collections.create', { name: 'Meanwhile' }).then(() => total),
        )
        .then((read) => answered.push({ read, jobDone: t.progress(jobId!).at(-1)!.done }));
    });
    await t.invoke('collections.list', {}); // its domain loaded: the calls below need no file reads
    const done = await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: { sort: 'title' } },
      action: { kind: 'markRead', read: true },
    });
    jobId = done.jobId;
    expect((await t.finished(done.jobId)).state).toBe('finished');
    expect(answered).toHaveLength(1);
    expect(answered[0]!.read).toBe(2);
    expect(answered[0]!.jobDone).toBeLessThan(12);
    expect((await t.invoke('articles.list', { read: 'read', limit: 1000 })).total).toBe(12);
  });

  it('stopped half way (the library closing): the batches done stay done, and the Undo restores exactly those', async () => {
    let stopped: Promise<void> | undefined;
    const t = library(9, 2, (batch) => {
      if (batch === 2) stopped = t.services.bulkJobs.stopAll();
    });
    const done = await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: {} },
      action: { kind: 'trash' },
    });
    const end = await t.finished(done.jobId);
    await stopped;
    expect(end).toMatchObject({ state: 'failed', done: 4, total: 9 });
    expect(end.error).toMatch(/library closed/);
    expect(await t.trashed()).toHaveLength(4);
    expect(await t.listed()).toHaveLength(5);

    const undo = await t.invoke('articles.bulk', {
      selection: { kind: 'trashAction', action: done.action },
      action: { kind: 'restore' },
    });
    expect(undo.count).toBe(4);
    expect((await t.finished(undo.jobId)).state).toBe('finished');
    expect(await t.trashed()).toEqual([]);
  });

  it('lists each job with its latest progress while it runs, and its end once it ended', async () => {
    const seen: unknown[] = [];
    const t = library(7, 2, (batch) => {
      // Called between batches, as a page that just reloaded would.
      if (batch === 2) void t.invoke('articles.bulkJobs', {}).then((jobs) => seen.push(jobs));
    });
    expect(await t.invoke('articles.bulkJobs', {})).toEqual([]);
    const done = await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: {} },
      action: { kind: 'markRead', read: true },
    });
    const [first] = await t.invoke('articles.bulkJobs', {});
    expect(first).toMatchObject({ jobId: done.jobId, state: 'running', done: 0, total: 7 });
    const end = await t.finished(done.jobId);
    // Asked after the second batch: it had done 4 of 7, as its last event said.
    expect(seen).toEqual([[{ ...t.progress(done.jobId!)[2], done: 4, state: 'running' }]]);
    expect(await t.invoke('articles.bulkJobs', {})).toEqual([end]);
    expect(end).toMatchObject({ state: 'finished', done: 7 });
  });

  it('Cancel stops after the batch in progress: exactly the batches done stay trashed, it says cancelled, and the Undo restores exactly those', async () => {
    let asked: Promise<unknown> | undefined;
    const t = library(9, 2, (batch) => {
      if (batch === 2) asked = t.invoke('articles.bulkCancel', { jobId: jobId! });
    });
    let jobId: string | null = null;
    const done = await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: { sort: 'title' } },
      action: { kind: 'trash' },
    });
    jobId = done.jobId;
    const end = await t.finished(done.jobId);
    expect(end).toMatchObject({ state: 'cancelled', done: 4, total: 9, error: null });
    // The answer and every window's bar said it was stopping before it ended.
    expect(await asked).toMatchObject({ state: 'running', cancelling: true });
    expect(t.progress(jobId!).map((e) => [e.state, e.done, e.cancelling])).toEqual([
      ['running', 0, false],
      ['running', 2, false],
      ['running', 4, false],
      ['running', 4, true],
      ['cancelled', 4, true],
    ]);
    expect(t.batches).toEqual([2, 2]);
    expect(await t.trashed()).toHaveLength(4);
    expect(await t.listed()).toHaveLength(5);
    // Cancelling it again, once ended, changes nothing; an unknown job is named.
    expect(await t.invoke('articles.bulkCancel', { jobId: jobId! })).toEqual(end);
    await expect(
      t.invoke('articles.bulkCancel', { jobId: 'bulk-00000000-0000-0000-0000-000000000000' }),
    ).rejects.toThrow(/no bulk job bulk-0{8}/);
    await expect(t.invoke('articles.bulkCancel', { jobId: 'job-1' })).rejects.toThrow(
      /jobId: must be a bulk job id/,
    );

    const trashedBefore = await t.trashed();
    const undo = await t.invoke('articles.bulk', {
      selection: { kind: 'trashAction', action: done.action },
      action: { kind: 'restore' },
    });
    expect(undo.count).toBe(4);
    expect((await t.finished(undo.jobId)).state).toBe('finished');
    expect(await t.trashed()).toEqual([]);
    expect((await t.listed()).filter((id) => trashedBefore.includes(id))).toEqual(trashedBefore);
  });

  it('a batch that fails stops the job with its reason; the earlier batches stay done', async () => {
    let removing = false;
    const t = library(9, 3, (batch) => {
      if (removing && batch === 5)
        t.library.db.prepare("DELETE FROM collections WHERE name = 'Reading'").run();
    });
    const added = await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: {} },
      action: { kind: 'addToCollection', name: 'Reading' },
    });
    expect((await t.finished(added.jobId)).state).toBe('finished');
    expect((await t.invoke('collections.list', {}))[0]?.count).toBe(9);
    removing = true;
    const done = await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: {} },
      action: { kind: 'removeFromCollection', name: 'Reading' },
    });
    const end = await t.finished(done.jobId);
    expect(end).toMatchObject({
      state: 'failed',
      done: 6,
      error: 'collection "Reading": no such collection',
    });
    expect(t.progress(done.jobId!).at(-1)).toEqual(end);
  });
});

describe('undo identity', () => {
  it('restores exactly what its action trashed, not what another action trashed in the same millisecond', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00.000Z'));
    const t = library(6, 500);
    const [a, b, c, d, e] = t.ids;
    const first = await t.invoke('articles.bulk', {
      selection: { kind: 'ids', ids: [a!, b!] },
      action: { kind: 'trash' },
    });
    const second = await t.invoke('articles.bulk', {
      selection: { kind: 'ids', ids: [c!, d!] },
      action: { kind: 'trash' },
    });
    await t.invoke('articles.trash', { ids: [e!] });
    // All three trashed at one instant.
    expect(
      new Set(
        t.library.db.prepare('SELECT deleted_at FROM article_state').pluck().all() as string[],
      ).size,
    ).toBe(1);
    expect(first.action).not.toBe(second.action);

    const undo = await t.invoke('articles.bulk', {
      selection: { kind: 'trashAction', action: first.action },
      action: { kind: 'restore' },
    });
    expect(undo.count).toBe(2);
    expect(await t.trashed()).toEqual([c!, d!, e!].sort());
  });

  it('an old Undo does not reach an article restored and trashed again since', async () => {
    const t = library(3, 500);
    const [a, b] = t.ids;
    const first = await t.invoke('articles.bulk', {
      selection: { kind: 'ids', ids: [a!, b!] },
      action: { kind: 'trash' },
    });
    await t.invoke('articles.restore', { ids: [a!] });
    await t.invoke('articles.trash', { ids: [a!] });
    const undo = await t.invoke('articles.bulk', {
      selection: { kind: 'trashAction', action: first.action },
      action: { kind: 'restore' },
    });
    expect(undo.count).toBe(1);
    expect(await t.trashed()).toEqual([a!]);
  });
});
