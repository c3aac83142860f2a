import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../api/contract';
import { useTempDir } from '../../test/temp';
import { paragraphNode, rootDoc, textNode } from '../notes/lexicalJson';
import { linkedLibrary } from './fixture';
import { fold, matchRank } from './suggest';

const tempDir = useTempDir();
let close: (() => void) | undefined;
afterEach(() => close?.());

async function setup() {
  const t = await linkedLibrary(tempDir());
  close = () => t.library.close();
  return t;
}

const P = (id: string) => ({ kind: 'passage' as const, id });
const A = (id: string) => ({ kind: 'article' as const, id });
const N = (id: string) => ({ kind: 'note' as const, id });
const MISSING = '01900000-0000-7000-8000-00000000dead';

describe('links', () => {
  it('lists outgoing and incoming links with the other end described; cycles list one step and end', async () => {
    const { invoke, p1, p3, articleA, articleB } = await setup();
    const l1 = await invoke('links.create', {
      from: P(p1.id),
      to: P(p3.id),
      relation: 'contradicts',
    });
    const l2 = await invoke('links.create', { from: P(p3.id), to: P(p1.id), relation: 'See also' });
    const l3 = await invoke('links.create', {
      from: A(articleB.id),
      to: A(articleA.id),
      relation: 'cites',
    });
    expect(l2.relation).toBe('see-also');
    expect(l3.relation).toBe('cites');
    const list = await invoke('links.list', P(p1.id));
    contract['links.list'].output.parse(list);
    expect(list.outgoing.map((l) => [l.id, l.relation, l.other])).toEqual([
      [
        l1.id,
        'contradicts',
        {
          ref: P(p3.id),
          label: 'penny universities',
          context: 'Coffee houses',
          articleId: articleB.id,
          deleted: false,
        },
      ],
    ]);
    expect(list.incoming.map((l) => [l.id, l.relation, l.other.label])).toEqual([
      [l2.id, 'see-also', 'penny universities'],
    ]);
    const art = await invoke('links.list', A(articleA.id));
    expect(art.incoming.map((l) => [l.from, l.other])).toEqual([
      [
        A(articleB.id),
        {
          ref: A(articleB.id),
          label: 'Coffee houses',
          context: null,
          articleId: articleB.id,
          deleted: false,
        },
      ],
    ]);
    expect(art.outgoing).toEqual([]);
  });

  it('refuses links to ids that do not exist, to the wrong kind, to itself, and duplicates, naming what is wrong', async () => {
    const { invoke, p1, p2, articleA } = await setup();
    await expect(
      invoke('links.create', { from: P(p1.id), to: P(MISSING), relation: 'supports' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: `passage ${MISSING}: not in this library`,
    });
    await expect(
      invoke('links.create', { from: N(p1.id), to: P(p2.id), relation: 'supports' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: `note ${p1.id}: not in this library (that id is a passage)`,
    });
    await expect(
      invoke('links.create', { from: P(p1.id), to: P(p1.id), relation: 'supports' }),
    ).rejects.toMatchObject({
      code: 'invalid_link',
      message: `passage ${p1.id}: cannot be linked to itself`,
    });
    const first = await invoke('links.create', {
      from: P(p1.id),
      to: A(articleA.id),
      relation: 'elaborates',
    });
    await expect(
      invoke('links.create', { from: P(p1.id), to: A(articleA.id), relation: ' Elaborates ' }),
    ).rejects.toMatchObject({
      code: 'duplicate_link',
      message: `passage ${p1.id} already links to article ${articleA.id} as "elaborates" (link ${first.id})`,
    });
    // Another relation between the same two is a different statement, and allowed.
    await invoke('links.create', { from: P(p1.id), to: A(articleA.id), relation: 'supports' });
    await expect(
      invoke('links.create', { from: P(p1.id), to: P(p2.id), relation: 'mentions' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      invoke('links.create', { from: P(p1.id), to: P(p2.id), relation: '   ' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/relation is empty/),
    });
    await expect(invoke('links.delete', { id: MISSING })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(invoke('links.list', N(MISSING))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps links of a soft-deleted passage or note (shown as deleted) and restores them with undo', async () => {
    const { invoke, p1, p2 } = await setup();
    const note = await invoke('notes.create', { title: 'N' });
    await invoke('links.create', { from: P(p1.id), to: P(p2.id), relation: 'supports' });
    await invoke('links.create', { from: N(note.id), to: P(p1.id), relation: 'elaborates' });
    await invoke('passages.delete', { id: p2.id });
    await invoke('notes.delete', { id: note.id });
    const list = await invoke('links.list', P(p1.id));
    expect(list.outgoing.map((l) => [l.other.ref.id, l.other.deleted])).toEqual([[p2.id, true]]);
    expect(list.incoming.map((l) => [l.other.ref.id, l.other.deleted])).toEqual([[note.id, true]]);
    // A deleted thing takes no new links.
    await expect(
      invoke('links.create', { from: P(p1.id), to: P(p2.id), relation: 'contradicts' }),
    ).rejects.toThrow(/was deleted/);
    await invoke('passages.restore', { id: p2.id });
    await invoke('notes.restore', { id: note.id });
    const back = await invoke('links.list', P(p1.id));
    expect([...back.outgoing, ...back.incoming].map((l) => l.other.deleted)).toEqual([
      false,
      false,
    ]);
  });

  it('removes the links of passages whose article is hard-deleted; notes quoting them keep their text', async () => {
    const { invoke, library, p1, p2, p3, articleA } = await setup();
    const note = await invoke('notes.create', {
      title: 'N',
      doc: rootDoc([
        {
          type: 'passage-quote',
          version: 1,
          passageId: p1.id,
          quote: p1.quote,
          citation: 'Tea and the Empire',
        },
      ]),
    });
    await invoke('links.create', { from: P(p3.id), to: P(p2.id), relation: 'contradicts' });
    await invoke('links.create', { from: P(p3.id), to: A(articleA.id), relation: 'see-also' });
    expect((await invoke('links.list', P(p3.id))).outgoing).toHaveLength(2);
    // No API removes articles yet; the foreign keys define what it will do.
    library.db.prepare('DELETE FROM articles WHERE id = ?').run(articleA.id);
    expect(await invoke('links.list', P(p3.id))).toEqual({ outgoing: [], incoming: [] });
    expect((await invoke('links.list', N(note.id))).outgoing).toEqual([]);
    const kept = await invoke('notes.get', { id: note.id });
    expect(kept.text).toBe('Tea reached Europe by sea.');
    expect((await invoke('notes.markdown', { id: note.id })).markdown).toBe(
      '> Tea reached Europe by sea.\n\n— Tea and the Empire (source deleted)\n',
    );
  });

  it('deletes hand-made links and resolves bare ids to their kind', async () => {
    const { invoke, p1, p2, articleA } = await setup();
    const note = await invoke('notes.create', { title: 'N' });
    const link = await invoke('links.create', {
      from: P(p1.id),
      to: P(p2.id),
      relation: 'supports',
    });
    expect(await invoke('links.delete', { id: link.id })).toEqual(link);
    expect((await invoke('links.list', P(p1.id))).outgoing).toEqual([]);
    expect(await invoke('links.resolve', { id: p1.id })).toEqual(P(p1.id));
    expect(await invoke('links.resolve', { id: articleA.id })).toEqual(A(articleA.id));
    expect(await invoke('links.resolve', { id: note.id })).toEqual(N(note.id));
    await expect(invoke('links.resolve', { id: MISSING })).rejects.toMatchObject({
      code: 'not_found',
      message: `${MISSING}: no article, passage or note has this id`,
    });
  });
});

describe('links.suggest', () => {
  it('folds case and diacritics and ranks prefix, word prefix, substring, then subsequence', () => {
    expect(fold('  Café  CRÈME ')).toBe('cafe creme');
    const q = (s: string) => [fold(s), fold(s).match(/[\p{L}\p{N}]+/gu) ?? []] as const;
    const rank = (label: string, s: string) => matchRank(label, ...q(s), true);
    expect(rank('Tea', 'tea')).toBe(0);
    expect(rank('Tea and the Empire', 'tea a')).toBe(1);
    expect(rank('Tea and the Empire', 'emp tea')).toBe(2);
    expect(rank('Tea and the Empire', 'mpir')).toBe(3);
    expect(rank('Tea and the Empire', 'tdemp')).toBe(4);
    expect(rank('Tea and the Empire', 'xyz')).toBeNull();
    expect(matchRank('Tea and the Empire', fold('tdemp'), [], false)).toBeNull();
  });

  it('finds articles, passages and notes as the user types, without deleted ones', async () => {
    const { invoke, p1, p3, articleA, articleB } = await setup();
    const note = await invoke('notes.create', { title: 'Crème brûlée and tea' });
    const untitled = await invoke('notes.create', {
      doc: rootDoc([paragraphNode([textNode('First line about coffee')])]),
    });
    const ids = async (query: string, kinds?: Array<'article' | 'passage' | 'note'>) =>
      (await invoke('links.suggest', { query, ...(kinds ? { kinds } : {}) })).map((e) => e.ref.id);
    expect(await ids('creme brulee')).toEqual([note.id]);
    expect(await ids('TEA', ['article'])).toEqual([articleA.id]);
    expect((await ids('tea')).slice(0, 1)).toEqual([articleA.id]);
    expect(await ids('tea')).toEqual(expect.arrayContaining([articleA.id, note.id, p1.id]));
    expect(await ids('univ', ['passage'])).toEqual([p3.id]);
    expect(await ids('ersiti', ['passage'])).toEqual([p3.id]);
    expect(await ids('cfhs', ['article'])).toEqual([articleB.id]);
    // Substrings: through the title trigram index (3+ characters), else the bounded walk.
    expect(await ids('FFEE HOU', ['article'])).toEqual([articleB.id]);
    expect(await ids('mpir', ['article'])).toEqual([articleA.id]);
    expect(await ids('ou', ['article'])).toEqual([articleB.id]);
    const labelled = await invoke('links.suggest', { query: 'coffee', kinds: ['note'] });
    expect(labelled.map((e) => [e.ref.id, e.label])).toEqual([
      [untitled.id, 'First line about coffee'],
    ]);
    expect(await ids('"(*:^ OR NEAR')).toEqual([]);
    // What is linked from is never offered, and the limit still fills with others.
    const excluding = await invoke('links.suggest', {
      query: 'tea',
      exclude: [{ kind: 'article', id: articleA.id }],
    });
    expect(excluding.map((e) => e.ref.id)).toEqual(expect.arrayContaining([note.id, p1.id]));
    expect(excluding.map((e) => e.ref.id)).not.toContain(articleA.id);
    const one = await invoke('links.suggest', {
      query: 'tea',
      limit: 1,
      exclude: [{ kind: 'article', id: articleA.id }],
    });
    expect(one).toHaveLength(1);
    expect(one[0]!.ref.id).not.toBe(articleA.id);
    // Nothing typed: recent things of every kind.
    expect((await invoke('links.suggest', { query: '', limit: 100 })).length).toBe(7);
    await invoke('passages.delete', { id: p3.id });
    await invoke('notes.delete', { id: note.id });
    expect(await ids('univ', ['passage'])).toEqual([]);
    expect(await ids('creme')).toEqual([]);
  });
});
