import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleSort, SortDirection } from '../../model/library';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { insertTestArticle } from '../export/testFixture';
import { listingSql } from './listing';

const tempDir = useTempDir();
let close: (() => void) | undefined;
afterEach(() => close?.());

function library() {
  const t = openTestLibrary(tempDir());
  close = () => t.library.close();
  const add = (title: string, published: string | null, byline: string | null, site?: string) =>
    insertTestArticle(t.library.db, {
      title,
      published,
      byline,
      siteName: site ?? null,
      paragraphs: [`${title} body.`],
    });
  // Imported in this order: the last one is the newest import.
  const old = add('Old report', '2010-05-01', 'Zed, Anna', 'Archive');
  const undated = add('undated notes', null, null);
  const recent = add('Recent news', '2024-06-18', 'bloggs, Joe', 'The Herald');
  const newest = add('Älter als gedacht', '1999', 'Müller, Eva');
  return { ...t, old, undated, recent, newest };
}

describe('library list', () => {
  it('sorts by added, published, title, author and last read, both ways; undated and anonymous items last', async () => {
    const { invoke, old, undated, recent, newest } = library();
    const order = async (sort: ArticleSort, direction?: SortDirection) =>
      (await invoke('articles.list', { sort, direction })).items.map((a) => a.title);
    // Default: the newest import first, whatever its date (new imports are never buried).
    expect((await invoke('articles.list', {})).items.map((a) => a.id)).toEqual([
      newest.id,
      recent.id,
      undated.id,
      old.id,
    ]);
    expect(await order('added', 'asc')).toEqual([
      'Old report',
      'undated notes',
      'Recent news',
      'Älter als gedacht',
    ]);
    expect(await order('published')).toEqual([
      'Recent news',
      'Old report',
      'Älter als gedacht',
      'undated notes',
    ]);
    expect(await order('published', 'asc')).toEqual([
      'Älter als gedacht',
      'Old report',
      'Recent news',
      'undated notes',
    ]);
    // "Älter" files under A (accents are ignored first), not after "undated".
    expect(await order('title')).toEqual([
      'Älter als gedacht',
      'Old report',
      'Recent news',
      'undated notes',
    ]);
    expect(await order('title', 'desc')).toEqual([
      'undated notes',
      'Recent news',
      'Old report',
      'Älter als gedacht',
    ]);
    expect(await order('author')).toEqual([
      'Recent news',
      'Älter als gedacht',
      'Old report',
      'undated notes',
    ]);
    expect(await order('author', 'desc')).toEqual([
      'Old report',
      'Älter als gedacht',
      'Recent news',
      'undated notes',
    ]);
    await invoke('articles.markRead', { ids: [old.id], read: true });
    // Read a moment later (timestamps are to the millisecond).
    const at = Date.now();
    while (Date.now() <= at + 1) await new Promise((r) => setImmediate(r));
    await invoke('articles.markRead', { ids: [recent.id], read: true });
    expect((await order('lastRead')).slice(0, 2)).toEqual(['Recent news', 'Old report']);
    expect((await order('lastRead', 'asc')).slice(0, 2)).toEqual(['Old report', 'Recent news']);
    // Pages of a sort join up.
    const first = await invoke('articles.list', { sort: 'title', limit: 2 });
    const second = await invoke('articles.list', { sort: 'title', limit: 2, offset: 2 });
    expect([...first.items, ...second.items].map((a) => a.title)).toEqual(await order('title'));
    expect(first.total).toBe(4);
  });

  it('filters by typed text in title, author or site, case-insensitively, wildcards taken literally', async () => {
    const { invoke, old, recent } = library();
    const ids = async (filter: string) =>
      (await invoke('articles.list', { filter })).items.map((a) => a.id);
    expect(await ids('REPORT')).toEqual([old.id]);
    expect(await ids('bloggs')).toEqual([recent.id]);
    expect(await ids('herald')).toEqual([recent.id]);
    expect(await ids('  ')).toHaveLength(4);
    expect(await ids('%')).toEqual([]);
    expect(await ids('_')).toEqual([]);
    expect((await invoke('articles.list', { filter: 'news' })).total).toBe(1);
    await expect(invoke('articles.list', { filter: 'x'.repeat(201) })).rejects.toThrow(
      /filter is longer than 200/,
    );
  });

  it('collections: an article in several; add, remove, rename, delete; filter by one', async () => {
    const { invoke, old, recent, newest } = library();
    await invoke('collections.add', { name: 'Thesis', ids: [old.id, recent.id] });
    await invoke('collections.add', { name: 'thesis ', ids: [old.id] }); // same collection, already in
    const reading = await invoke('collections.add', { name: 'Reading list', ids: [recent.id] });
    expect((await invoke('collections.list', {})).map((c) => [c.name, c.count])).toEqual([
      ['Reading list', 1],
      ['Thesis', 2],
    ]);
    const inThesis = await invoke('articles.list', { collection: 'THESIS', sort: 'added' });
    expect(inThesis.items.map((a) => a.id)).toEqual([recent.id, old.id]);
    expect(inThesis.total).toBe(2);
    await invoke('collections.remove', { name: 'Thesis', ids: [recent.id] });
    expect(
      (await invoke('articles.list', { collection: 'Thesis' })).items.map((a) => a.id),
    ).toEqual([old.id]);
    // Trashed articles are not counted nor listed in a collection; restored, they are back.
    await invoke('articles.trash', { ids: [old.id] });
    expect((await invoke('collections.list', {})).find((c) => c.name === 'Thesis')!.count).toBe(0);
    await invoke('articles.restore', { ids: [old.id] });
    expect((await invoke('collections.list', {})).find((c) => c.name === 'Thesis')!.count).toBe(1);

    await expect(invoke('collections.create', { name: 'READING LIST' })).rejects.toThrow(
      /collection "READING LIST" already exists/,
    );
    await expect(invoke('collections.rename', { id: reading.id, name: 'thesis' })).rejects.toThrow(
      /already exists/,
    );
    const renamed = await invoke('collections.rename', { id: reading.id, name: 'To read' });
    expect(renamed).toMatchObject({ name: 'To read', count: 1 });
    await invoke('collections.delete', { id: renamed.id });
    expect((await invoke('collections.list', {})).map((c) => c.name)).toEqual(['Thesis']);
    // The articles stay in the library.
    expect((await invoke('articles.list', {})).total).toBe(4);
    await expect(invoke('collections.remove', { name: 'Nope', ids: [newest.id] })).rejects.toThrow(
      /collection "Nope": no such collection/,
    );
    await expect(invoke('collections.add', { name: '   ', ids: [newest.id] })).rejects.toThrow(
      /collection name is empty/,
    );
    expect((await invoke('articles.list', { collection: 'Nope' })).total).toBe(0);
  });

  it('folds case beyond ASCII in the title and author order and in the filter', async () => {
    const t = openTestLibrary(tempDir());
    close = () => t.library.close();
    for (const [title, byline] of [
      ['émile et la mer', 'Çelik, Ayşe'],
      ['Zebra', 'zweig, Stefan'],
      ['Émile Zola', 'ÇELIK, Ali'],
      ['İSTANBUL notes', null],
      ['Η ΟΔΟΣ', 'Σωκράτης'],
      ['Привет мир', null],
      ['Straße der Welt', null],
    ] as const)
      insertTestArticle(t.library.db, {
        title,
        byline,
        published: null,
        siteName: null,
        paragraphs: [`${title} body.`],
      });
    const titles = async (input: Record<string, string>) =>
      (await t.invoke('articles.list', input)).items.map((a) => a.title);
    // "Émile" beside "émile" (NOCASE sorted "É" apart from "é", by case alone), and both under E,
    // not after "Zebra" where their code points would put them.
    expect(await titles({ sort: 'title', direction: 'asc' })).toEqual([
      'émile et la mer',
      'Émile Zola',
      'İSTANBUL notes',
      'Straße der Welt',
      'Zebra',
      'Η ΟΔΟΣ',
      'Привет мир',
    ]);
    expect((await titles({ sort: 'author', direction: 'asc' })).slice(0, 3)).toEqual([
      'Émile Zola',
      'émile et la mer',
      'Zebra',
    ]);
    expect(await titles({ filter: 'ÉMILE' })).toEqual(['Émile Zola', 'émile et la mer']);
    expect(await titles({ filter: 'istanbul' })).toEqual(['İSTANBUL notes']);
    expect(await titles({ filter: 'οδος' })).toEqual(['Η ΟΔΟΣ']);
    expect(await titles({ filter: 'ПРИВЕТ' })).toEqual(['Привет мир']);
    expect(await titles({ filter: 'STRASSE' })).toEqual(['Straße der Welt']);
    expect(await titles({ filter: 'çelik' })).toEqual(['Émile Zola', 'émile et la mer']);
    // Accents are not case: "emile" is another word.
    expect(await titles({ filter: 'emile' })).toEqual([]);
  });

  it('reads each order from an index: no sort of the whole library for any order but last read', () => {
    const { library: lib } = library();
    const plan = (sort: ArticleSort, direction: SortDirection, extra = {}) => {
      const { from, where, params, order } = listingSql({ sort, direction, ...extra });
      return lib.db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT a.id FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT 200`,
        )
        .all(params)
        .map((r) => (r as { detail: string }).detail)
        .join(' | ');
    };
    for (const sort of ['added', 'published', 'title', 'author'] as const)
      for (const direction of ['asc', 'desc'] as const) {
        const p = plan(sort, direction);
        expect(p, `${sort} ${direction}`).toMatch(
          /SCAN (a USING (COVERING )?INDEX articles_by_|o USING (COVERING )?INDEX article_order_by_)/,
        );
        expect(p, `${sort} ${direction}`).not.toMatch(/TEMP B-TREE/);
        // The typed filter and read state are tested on the rows the index yields.
        expect(plan(sort, direction, { filter: 'x', read: 'unread' })).not.toMatch(/TEMP B-TREE/);
      }
  });
});
