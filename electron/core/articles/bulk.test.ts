import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BATCH_IDS } from '../../model/library';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { insertTestArticle } from '../export/testFixture';

const tempDir = useTempDir();
let close: (() => void) | undefined;
afterEach(() => close?.());

const MISSING = '01900000-0000-7000-8000-000000000001';

function library(n = 5) {
  const t = openTestLibrary(tempDir());
  close = () => t.library.close();
  const ids = Array.from(
    { length: n },
    (_, i) =>
      insertTestArticle(t.library.db, {
        title: `${i % 2 ? 'Coffee' : 'Tea'} ${i}`,
        published: null,
        byline: null,
        siteName: null,
        paragraphs: [`Article ${i}.`],
      }).id,
  );
  const listed = async (input: object = {}) =>
    (await t.invoke('articles.list', input)).items.map((a) => a.id).sort();
  const trashed = async () => (await t.invoke('articles.trashList', {})).map((a) => a.id).sort();
  const changeSeq = () =>
    (t.library.db.prepare('SELECT max(seq) AS s FROM changes').get() as { s: number | null }).s;
  return { ...t, ids, listed, trashed, changeSeq };
}

describe('articles.bulk', () => {
  it('trashes a list of ids in one call, and one restore by its action brings back exactly those', async () => {
    const t = library();
    const [earlier, a, b, c] = t.ids;
    await t.invoke('articles.trash', { ids: [earlier!] });
    const done = await t.invoke('articles.bulk', {
      selection: { kind: 'ids', ids: [a!, b!, c!, a!] },
      action: { kind: 'trash' },
    });
    expect(done).toMatchObject({ count: 3, jobId: null });
    expect(await t.trashed()).toEqual([earlier!, a!, b!, c!].sort());
    const undone = await t.invoke('articles.bulk', {
      selection: { kind: 'trashAction', action: done.action },
      action: { kind: 'restore' },
    });
    expect(undone.count).toBe(3);
    // The article trashed before stays in the trash.
    expect(await t.trashed()).toEqual([earlier!]);
    expect(await t.listed()).toEqual(t.ids.filter((id) => id !== earlier).sort());
  });

  it('refuses a list with an unknown id, naming it, and changes nothing', async () => {
    const t = library();
    const [a, b] = t.ids;
    await t.invoke('collections.create', { name: 'Reading' });
    const seq = t.changeSeq();
    for (const action of [
      { kind: 'trash' },
      { kind: 'markRead', read: true },
      { kind: 'addToCollection', name: 'Reading' },
      { kind: 'addToCollection', name: 'Brand new' },
    ] as const)
      await expect(
        t.invoke('articles.bulk', { selection: { kind: 'ids', ids: [a!, MISSING, b!] }, action }),
      ).rejects.toThrow(`article ${MISSING}: not in this library`);
    expect(t.changeSeq()).toBe(seq);
    expect(await t.trashed()).toEqual([]);
    expect(await t.listed({ read: 'read' })).toEqual([]);
    expect(await t.invoke('collections.list', {})).toMatchObject([{ name: 'Reading', count: 0 }]);
    await expect(
      t.invoke('articles.bulk', {
        selection: { kind: 'ids', ids: [a!] },
        action: { kind: 'removeFromCollection', name: 'Nowhere' },
      }),
    ).rejects.toThrow('collection "Nowhere": no such collection');
  });

  it('acts on everything a list query shows, less the ids unselected since', async () => {
    const t = library(7);
    const tea = await t.listed({ filter: 'tea' });
    expect(tea).toHaveLength(4);
    const keep = tea[1]!;
    const done = await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: { filter: 'tea' }, except: [keep, MISSING] },
      action: { kind: 'markRead', read: true },
    });
    expect(done.count).toBe(3);
    expect(await t.listed({ read: 'read' })).toEqual(tea.filter((id) => id !== keep));

    await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: { read: 'read' } },
      action: { kind: 'addToCollection', name: 'Done' },
    });
    expect(await t.listed({ collection: 'Done' })).toEqual(tea.filter((id) => id !== keep));
    await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: { collection: 'Done' } },
      action: { kind: 'removeFromCollection', name: 'Done' },
    });
    expect(await t.listed({ collection: 'Done' })).toEqual([]);

    // Select all, trash, Undo: the whole library back.
    const all = await t.invoke('articles.bulk', {
      selection: { kind: 'query', query: {} },
      action: { kind: 'trash' },
    });
    expect(all.count).toBe(7);
    expect(await t.listed()).toEqual([]);
    await t.invoke('articles.bulk', {
      selection: { kind: 'trashAction', action: all.action },
      action: { kind: 'restore' },
    });
    expect(await t.listed()).toEqual([...t.ids].sort());
  });

  it('validates its input at the boundary with a message naming the field', async () => {
    const t = library(1);
    await expect(
      t.invoke('articles.bulk', { selection: { kind: 'ids', ids: [] }, action: { kind: 'trash' } }),
    ).rejects.toThrow(/no article ids given/);
    const tooMany = Array.from({ length: MAX_BATCH_IDS + 1 }, () => t.ids[0]!);
    await expect(
      t.invoke('articles.bulk', {
        selection: { kind: 'ids', ids: tooMany },
        action: { kind: 'trash' },
      }),
    ).rejects.toThrow(/more than 10000 article ids/);
    await expect(
      t.invoke('articles.bulk', {
        selection: { kind: 'ids', ids: t.ids },
        action: { kind: 'addToCollection', name: ' ' },
      }),
    ).rejects.toThrow(/collection name is empty/);
  });
});

describe('articles.ids', () => {
  it('gives a stretch of the list in its order', async () => {
    const t = library(6);
    const { items } = await t.invoke('articles.list', { sort: 'title' });
    expect(await t.invoke('articles.ids', { sort: 'title', offset: 1, limit: 3 })).toEqual(
      items.slice(1, 4).map((a) => a.id),
    );
  });
});
