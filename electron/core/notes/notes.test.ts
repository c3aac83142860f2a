import { afterEach, describe, expect, it } from 'vitest';
import { MAX_NOTE_DOC_CHARS, NoteSchema, NoteSummarySchema } from '../../model/notes';
import { useTempDir } from '../../test/temp';
import { linkedLibrary } from '../links/fixture';
import { paragraphNode, rootDoc, textNode, type JsonNode } from './lexicalJson';

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
const mention = (kind: 'article' | 'passage' | 'note', id: string, label: string): JsonNode => ({
  type: 'mention',
  version: 1,
  ref: { kind, id },
  label,
});
const para = (text: string) => paragraphNode([textNode(text)]);

describe('notes', () => {
  it('creates, reads back the same document, lists, retitles, tags, deletes and restores', async () => {
    const { invoke } = await setup();
    const doc = rootDoc([para('First words of the note.'), para('Second paragraph.')]);
    const note = await invoke('notes.create', { title: 'Draft', doc, tags: ['Empire', 'tea'] });
    NoteSchema.parse(note);
    expect(note).toMatchObject({
      title: 'Draft',
      wordCount: 7,
      tags: ['Empire', 'tea'],
      text: 'First words of the note.\n\nSecond paragraph.',
      excerpt: 'First words of the note. Second paragraph.',
    });
    expect((await invoke('notes.get', { id: note.id })).doc).toEqual(doc);

    const empty = await invoke('notes.create', {});
    expect(empty).toMatchObject({ title: '', wordCount: 0, text: '' });
    expect(empty.doc.root.children).toHaveLength(1);

    const saved = await invoke('notes.update', { id: note.id, title: '  Final\ntitle ' });
    NoteSummarySchema.parse(saved);
    expect(saved.title).toBe('Final title');
    expect((await invoke('notes.list', { sort: 'title' })).items.map((n) => n.title)).toEqual([
      '',
      'Final title',
    ]);
    expect((await invoke('notes.list', { tag: 'EMPIRE' })).items.map((n) => n.id)).toEqual([
      note.id,
    ]);
    expect((await invoke('notes.setTags', { id: note.id, tags: ['tea'] })).tags).toEqual(['tea']);
    expect((await invoke('notes.list', { tag: 'Empire' })).total).toBe(0);
    const noteCounts = async () =>
      Object.fromEntries(
        (await invoke('tags.list', {}))
          .filter((t) => ['Empire', 'tea'].includes(t.name))
          .map((t) => [t.name, t.noteCount]),
      );
    expect(await noteCounts()).toEqual({ Empire: 0, tea: 1 });

    await invoke('notes.delete', { id: note.id });
    expect(await noteCounts()).toEqual({ Empire: 0, tea: 0 });
    expect((await invoke('notes.list', {})).total).toBe(1);
    await expect(invoke('notes.get', { id: note.id })).rejects.toThrow(/was deleted/);
    await expect(invoke('notes.update', { id: note.id, title: 'x' })).rejects.toThrow(
      /was deleted/,
    );
    await invoke('notes.restore', { id: note.id });
    expect((await invoke('notes.get', { id: note.id })).title).toBe('Final title');
    await expect(invoke('notes.restore', { id: note.id })).rejects.toThrow(/nothing to undo/);
  });

  it('an autosave that changes nothing writes nothing', async () => {
    const { invoke, library } = await setup();
    const doc = rootDoc([para('Same')]);
    const note = await invoke('notes.create', { title: 'T', doc });
    const events: unknown[] = [];
    library.onEvent((e) => events.push(e));
    const again = await invoke('notes.update', { id: note.id, title: 'T', doc });
    expect(again.updatedAt).toBe(note.updatedAt);
    expect(events).toEqual([]);
    await invoke('notes.update', { id: note.id, doc: rootDoc([para('Changed')]) });
    expect(events).toEqual([
      {
        type: 'changed',
        seq: expect.any(Number),
        all: false,
        changes: [{ entity: 'note', id: note.id, op: 'update' }],
      },
    ]);
    // A formatting-only edit stores the new document and keeps the same text.
    await invoke('notes.update', {
      id: note.id,
      doc: rootDoc([paragraphNode([textNode('Changed', 1)])]),
    });
    const got = await invoke('notes.get', { id: note.id });
    expect([got.text, (got.doc.root.children[0] as JsonNode).children![0]!.format]).toEqual([
      'Changed',
      1,
    ]);
  });

  it('derives mention and quote links on every save, leaving links made by hand alone', async () => {
    const { invoke, p1, p2, articleB } = await setup();
    const other = await invoke('notes.create', { title: 'Other' });
    const note = await invoke('notes.create', {
      title: 'With refs',
      doc: rootDoc([
        quoteNode(p1.id, p1.quote),
        paragraphNode([
          mention('article', articleB.id, 'Coffee'),
          mention('note', other.id, 'Other'),
        ]),
        quoteNode(p1.id, p1.quote),
      ]),
    });
    const handMade = await invoke('links.create', {
      from: { kind: 'note', id: note.id },
      to: { kind: 'passage', id: p2.id },
      relation: 'supports',
    });
    const out = async () =>
      (await invoke('links.list', { kind: 'note', id: note.id })).outgoing.map((l) => [
        l.origin,
        l.relation,
        l.to.id,
      ]);
    expect((await out()).sort()).toEqual(
      [
        ['quote', 'quotes', p1.id],
        ['mention', 'mentions', articleB.id],
        ['mention', 'mentions', other.id],
        ['link', 'supports', p2.id],
      ].sort(),
    );
    // The quote is gone, p2 is now quoted; a mention of itself and of an unknown id make no link.
    await invoke('notes.update', {
      id: note.id,
      doc: rootDoc([
        quoteNode(p2.id, p2.quote),
        paragraphNode([
          mention('article', articleB.id, 'Coffee'),
          mention('note', note.id, 'Self'),
          mention('passage', '01900000-0000-7000-8000-00000000dead', 'Gone'),
        ]),
      ]),
    });
    expect((await out()).sort()).toEqual(
      [
        ['link', 'supports', p2.id],
        ['mention', 'mentions', articleB.id],
        ['quote', 'quotes', p2.id],
      ].sort(),
    );
    // The passage's backlinks show the note's quote and its hand-made link.
    const incoming = (await invoke('links.list', { kind: 'passage', id: p2.id })).incoming;
    expect(incoming.map((l) => [l.relation, l.other.label])).toEqual([
      ['supports', 'With refs'],
      ['quotes', 'With refs'],
    ]);
    await expect(invoke('links.delete', { id: incoming[1]!.id })).rejects.toThrow(
      /is a quote in note .*edit the note/,
    );
    expect((await invoke('links.delete', { id: handMade.id })).id).toBe(handMade.id);
  });

  it('creates a note from Markdown, taking the leading heading as its title', async () => {
    const { invoke } = await setup();
    const note = await invoke('notes.create', {
      markdown: '# My findings\n\n- [ ] check the *dates*\n\nDone.',
    });
    expect(note.title).toBe('My findings');
    expect(note.text).toBe('check the dates\n\nDone.');
    const md = await invoke('notes.markdown', { id: note.id });
    expect(md).toEqual({ title: 'My findings', markdown: '- [ ] check the *dates*\n\nDone.\n' });
    const titled = await invoke('notes.create', { title: 'Kept', markdown: '# Heading stays' });
    expect(titled.text).toBe('Heading stays');
    await expect(invoke('notes.create', { markdown: 'x', doc: rootDoc([]) })).rejects.toThrow(
      /doc or markdown, not both/,
    );
  });

  it('renders quotes with the passage’s current text and says when its source is deleted', async () => {
    const { invoke, p1, p3 } = await setup();
    const note = await invoke('notes.create', {
      title: 'Q',
      doc: rootDoc([quoteNode(p1.id, 'stale text'), quoteNode(p3.id, p3.quote)]),
    });
    await invoke('passages.delete', { id: p3.id });
    const { markdown } = await invoke('notes.markdown', { id: note.id });
    expect(markdown).toBe(
      '> Tea reached Europe by sea.\n\n— Tea and the Empire\n\n> penny universities\n\n— Coffee houses (source deleted)\n',
    );
    const looked = await invoke('passages.lookup', {
      ids: [p3.id, p1.id, p3.id, '01900000-0000-7000-8000-00000000dead'],
    });
    expect(looked.map((p) => [p.id, p.deleted, p.citation])).toEqual([
      [p3.id, true, 'Coffee houses'],
      [p1.id, false, 'Tea and the Empire'],
    ]);
  });

  it('saves and reads back a 5 MB note', async () => {
    const { invoke } = await setup();
    const paragraphs = Array.from({ length: 5000 }, (_, i) =>
      para(`Paragraph ${i} `.padEnd(1000, 'lorem ipsum ')),
    );
    const doc = rootDoc(paragraphs);
    expect(JSON.stringify(doc).length).toBeGreaterThan(5_000_000);
    const note = await invoke('notes.create', { title: 'Big', doc });
    expect(note.wordCount).toBeGreaterThan(800_000);
    const back = await invoke('notes.get', { id: note.id });
    expect(back.doc).toEqual(doc);
    expect(
      (await invoke('notes.list', {})).items.find((n) => n.id === note.id)!.excerpt.length,
    ).toBeLessThan(210);
  });

  it('refuses a document over the size limit with a clear message and writes nothing', async () => {
    const { invoke } = await setup();
    const note = await invoke('notes.create', { title: 'Small', doc: rootDoc([para('kept')]) });
    const huge = rootDoc([para('x'.repeat(MAX_NOTE_DOC_CHARS))]);
    await expect(invoke('notes.create', { title: 'Huge', doc: huge })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(
        /note document is [\d,]+ characters; a note holds at most 20,971,520/,
      ),
    });
    await expect(invoke('notes.update', { id: note.id, doc: huge })).rejects.toMatchObject({
      code: 'too_large',
    });
    expect((await invoke('notes.list', {})).total).toBe(1);
    expect((await invoke('notes.get', { id: note.id })).text).toBe('kept');
  });

  it('rejects malformed documents at the boundary and in the core', async () => {
    const { dispatch, invoke } = await setup();
    for (const doc of [
      {},
      { root: { type: 'paragraph', children: [] } },
      { root: { type: 'root' } },
      '{"root":1}',
    ]) {
      const env = await dispatch('notes.create', { doc }, 'inproc');
      expect(env, JSON.stringify(doc)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/^notes\.create: doc/) },
      });
    }
    await expect(
      invoke('notes.create', {
        doc: {
          root: { type: 'root', children: [{ type: 'passage-quote', version: 1, passageId: 'x' }] },
        },
      }),
    ).rejects.toThrow(/note document: root\.children\.0\.passageId: passage-quote node/);
    expect((await invoke('notes.list', {})).total).toBe(0);
  });
});
