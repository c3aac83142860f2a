import { afterEach, describe, expect, it } from 'vitest';
import { getOriginal } from './originals';
import { useTempDir } from '../../test/temp';
import { linkedLibrary } from '../links/fixture';
import { paragraphNode, rootDoc, textNode, type JsonNode } from '../notes/lexicalJson';

const tempDir = useTempDir();
let close: (() => void) | undefined;
afterEach(() => close?.());

async function setup() {
  const t = await linkedLibrary(tempDir());
  close = () => t.library.close();
  return t;
}

const quoteNode = (passageId: string, quote: string): JsonNode => ({
  type: 'passage-quote',
  version: 1,
  passageId,
  quote,
  citation: 'cite',
});

/** Rows of every table an article owns, so a restore can be compared with the start exactly. */
function snapshot(t: Awaited<ReturnType<typeof setup>>) {
  const db = t.library.db;
  const all = (sql: string) => db.prepare(sql).all();
  return {
    articles: all('SELECT * FROM articles ORDER BY id'),
    passages: all('SELECT * FROM passages ORDER BY id'),
    links: all('SELECT * FROM links ORDER BY id'),
    tags: all('SELECT * FROM article_tags ORDER BY article_id, tag_id'),
    notes: all('SELECT id, doc, text FROM notes ORDER BY id'),
  };
}

describe('trash', () => {
  it('hides a trashed article from the list, search, suggestions and exports; restore brings everything back exactly', async () => {
    const t = await setup();
    const { invoke, articleA, articleB, p1, p3 } = t;
    await invoke('articles.setTags', { id: articleA.id, tags: ['empire'] });
    const note = await invoke('notes.create', {
      title: 'Reading',
      doc: rootDoc([quoteNode(p1.id, p1.quote), paragraphNode([textNode('My thoughts.')])]),
    });
    await invoke('links.create', {
      from: { kind: 'passage', id: p3.id },
      to: { kind: 'passage', id: p1.id },
      relation: 'supports',
    });
    const before = snapshot(t);
    const seqBefore = t.library.db.prepare('SELECT max(seq) AS s FROM changes').get() as {
      s: number;
    };

    const trashed = await invoke('articles.trash', { ids: [articleA.id] });
    expect(trashed).toMatchObject([{ id: articleA.id }]);
    expect(trashed[0]!.trashedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The change log reports it as the article's delete (a sync's tombstone), nothing else.
    expect(
      t.library.db
        .prepare('SELECT entity, entity_id, op FROM changes WHERE seq > ?')
        .all(seqBefore.s),
    ).toEqual([{ entity: 'article', entity_id: articleA.id, op: 'delete' }]);

    const list = await invoke('articles.list', {});
    expect(list.items.map((a) => a.id)).toEqual([articleB.id]);
    expect(list.total).toBe(1);
    expect((await invoke('articles.list', { tag: 'empire' })).total).toBe(0);
    expect((await invoke('library.info', {})).articleCount).toBe(1);
    expect((await invoke('articles.trashList', {})).map((a) => a.id)).toEqual([articleA.id]);

    // Search: neither the article nor its passages; the other article still found.
    const tea = await invoke('search.query', { query: 'tea' });
    expect(tea.hits.every((h) => h.kind === 'note' || h.articleId !== articleA.id)).toBe(true);
    expect(tea.hits.some((h) => h.kind !== 'note' && h.articleId === articleB.id)).toBe(true);
    expect((await invoke('search.query', { query: 'Europe' })).counts).toMatchObject({
      article: 0,
      passage: 0,
    });
    // Suggestions: not offered as a link target, nor its passages.
    const suggested = await invoke('links.suggest', { query: 'tea' });
    expect(suggested.some((e) => e.ref.id === articleA.id || e.ref.id === p1.id)).toBe(false);
    await expect(
      invoke('links.create', {
        from: { kind: 'note', id: note.id },
        to: { kind: 'article', id: articleA.id },
        relation: 'cites',
      }),
    ).rejects.toThrow(/restore it first/);
    // Exports: its passages are left out; asked for by id, it says it is in the trash.
    const preview = await invoke('export.preview', {
      format: 'md',
      groupBy: 'source',
      selection: { tags: [], tagMode: 'any', articleIds: [], dateField: 'passage' },
    });
    expect(preview.text).not.toContain('Tea reached Europe');
    expect(preview.text).toContain('penny universities');
    await expect(
      invoke('export.preview', {
        format: 'md',
        groupBy: 'source',
        selection: { tags: [], tagMode: 'any', articleIds: [articleA.id], dateField: 'passage' },
      }),
    ).rejects.toThrow(/is in the trash/);
    // The note still shows the quote, marked as from a trashed source.
    const [quoted] = await invoke('passages.lookup', { ids: [p1.id] });
    expect(quoted).toMatchObject({ quote: p1.quote, deleted: false, articleTrashed: true });
    // The article still opens (the trash view shows it).
    expect((await invoke('articles.get', { id: articleA.id })).trashedAt).not.toBeNull();

    const restored = await invoke('articles.restore', { ids: [articleA.id] });
    expect(restored[0]!.trashedAt).toBeNull();
    expect(snapshot(t)).toEqual(before);
    expect((await invoke('articles.list', {})).total).toBe(2);
    expect((await invoke('search.query', { query: 'Europe' })).counts.passage).toBe(1);
    expect((await invoke('passages.lookup', { ids: [p1.id] }))[0]!.articleTrashed).toBe(false);
    expect(await invoke('articles.trashList', {})).toEqual([]);
    // Logged as a restore (migration 29), not as an edit: views counting the trash refetch on it.
    expect(t.library.db.prepare('SELECT op FROM changes ORDER BY seq DESC LIMIT 1').get()).toEqual({
      op: 'restore',
    });
  });

  it('empties the trash for good: passages and links go, notes keep their quotes as text and still save', async () => {
    const t = await setup();
    const { invoke, articleA, articleB, p1, p3 } = t;
    const note = await invoke('notes.create', {
      title: 'Reading',
      doc: rootDoc([quoteNode(p1.id, p1.quote), paragraphNode([textNode('Mine.')])]),
    });
    await invoke('links.create', {
      from: { kind: 'passage', id: p3.id },
      to: { kind: 'passage', id: p1.id },
      relation: 'supports',
    });
    await invoke('collections.add', { name: 'Empire', ids: [articleA.id, articleB.id] });

    // Only articles in the trash can be deleted for good, named when not.
    await expect(invoke('articles.emptyTrash', { ids: [articleA.id] })).rejects.toThrow(
      new RegExp(`article ${articleA.id}: not in the trash`),
    );
    await invoke('articles.trash', { ids: [articleA.id] });
    expect(await invoke('articles.emptyTrash', {})).toEqual({ deleted: 1 });

    const db = t.library.db;
    const count = (sql: string, ...args: string[]) =>
      (db.prepare(sql).get(...args) as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM articles WHERE id = ?', articleA.id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM passages WHERE article_id = ?', articleA.id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM originals')).toBe(1);
    // Links can't point at nothing: the link to the passage and the note's quote link are gone.
    expect(count('SELECT count(*) AS n FROM links')).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The note keeps the quote's text; its lookup says the source is gone; it still saves.
    const kept = await invoke('notes.get', { id: note.id });
    expect(JSON.stringify(kept.doc)).toContain(p1.quote);
    expect(await invoke('passages.lookup', { ids: [p1.id] })).toEqual([]);
    await invoke('notes.update', { id: note.id, title: 'Reading, again' });
    const md = await invoke('export.note', { id: note.id, format: 'md' });
    expect(Buffer.from(md.dataBase64, 'base64').toString('utf8')).toContain(p1.quote);
    // The other article and the collection are untouched.
    expect((await invoke('collections.list', {}))[0]).toMatchObject({ name: 'Empire', count: 1 });
    await expect(invoke('articles.restore', { ids: [articleA.id] })).rejects.toThrow(
      /not in this library/,
    );
  });

  it('importing a trashed article again restores it, with its passages', async () => {
    const t = await setup();
    const { bytes } = getOriginal(t.library.db, t.articleA.id);
    await t.invoke('articles.trash', { ids: [t.articleA.id] });
    const [again] = await t.invoke('articles.importFiles', {
      files: [{ name: 'tea.txt', dataBase64: bytes.toString('base64') }],
    });
    expect(again).toMatchObject({
      ok: true,
      duplicate: true,
      article: { id: t.articleA.id, trashedAt: null },
      warnings: ['it was in the trash: restored, with its passages'],
    });
    expect((await t.invoke('articles.list', {})).total).toBe(2);
    expect((await t.invoke('search.query', { query: 'Europe' })).counts.passage).toBe(1);
  });

  it('refuses unknown ids, naming them, and changes nothing', async () => {
    const t = await setup();
    const missing = '01900000-0000-7000-8000-000000000001';
    await expect(t.invoke('articles.trash', { ids: [t.articleA.id, missing] })).rejects.toThrow(
      `article ${missing}: not in this library`,
    );
    expect(await t.invoke('articles.trashList', {})).toEqual([]);
    await expect(t.invoke('articles.trash', { ids: [] })).rejects.toThrow(/no article ids/);
    await expect(t.invoke('articles.trash', { ids: ['nope'] })).rejects.toThrow(/UUIDv7/);
  });
});

describe('read state', () => {
  it('marks read and unread, keeps the last opening, and filters by it', async () => {
    const { invoke, articleA, articleB } = await setup();
    const [read] = await invoke('articles.markRead', { ids: [articleA.id], read: true });
    expect(read!.readAt).not.toBeNull();
    expect(read!.lastReadAt).toBe(read!.readAt);
    expect((await invoke('articles.list', { read: 'read' })).items.map((a) => a.id)).toEqual([
      articleA.id,
    ]);
    expect((await invoke('articles.list', { read: 'unread' })).items.map((a) => a.id)).toEqual([
      articleB.id,
    ]);
    const [unread] = await invoke('articles.markRead', { ids: [articleA.id], read: false });
    expect(unread).toMatchObject({ readAt: null, lastReadAt: read!.lastReadAt });
    expect((await invoke('articles.list', { read: 'read' })).total).toBe(0);
    // Last read first, then the never-read ones.
    expect((await invoke('articles.list', { sort: 'lastRead' })).items.map((a) => a.id)).toEqual([
      articleA.id,
      articleB.id,
    ]);
  });
});

describe('reading place', () => {
  it('is stored with the article, checked against its text, logged once, and survives reopening', async () => {
    const t = await setup();
    const { invoke, articleA, articleB } = t;
    expect((await invoke('articles.get', { id: articleA.id })).readingOffset).toBeNull();
    const seq = () =>
      t.library.db.prepare<[], { n: number }>('SELECT max(seq) AS n FROM changes').get()!.n;
    const before = seq();
    expect(await invoke('articles.setReadingPlace', { id: articleA.id, offset: 12 })).toEqual({
      id: articleA.id,
      offset: 12,
    });
    expect(seq()).toBe(before + 1);
    // Logged as the place alone, not as the article: lists that refetch on articles stay quiet.
    expect(
      t.library.db.prepare('SELECT entity, entity_id FROM changes ORDER BY seq DESC LIMIT 1').get(),
    ).toEqual({ entity: 'reading_place', entity_id: articleA.id });
    // The same place again writes nothing (no change event while the reader sits still).
    await invoke('articles.setReadingPlace', { id: articleA.id, offset: 12 });
    expect(seq()).toBe(before + 1);
    const article = await invoke('articles.get', { id: articleA.id });
    expect(article.readingOffset).toBe(12);
    // Read state is kept beside it.
    await invoke('articles.markRead', { ids: [articleA.id], read: true });
    expect((await invoke('articles.get', { id: articleA.id })).readingOffset).toBe(12);
    expect((await invoke('articles.get', { id: articleB.id })).readingOffset).toBeNull();

    const length = article.text.length;
    await expect(
      invoke('articles.setReadingPlace', { id: articleA.id, offset: length + 1 }),
    ).rejects.toThrow(`offset: ${length + 1} is past the end of article ${articleA.id}'s text`);
    await expect(
      invoke('articles.setReadingPlace', { id: articleA.id, offset: -1 }),
    ).rejects.toThrow(/offset/);
    await expect(
      invoke('articles.setReadingPlace', { id: '01900000-0000-7000-8000-000000000999', offset: 0 }),
    ).rejects.toThrow(/not in this library/);
    expect((await invoke('articles.get', { id: articleA.id })).readingOffset).toBe(12);
  });
});
