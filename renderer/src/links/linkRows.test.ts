import { describe, expect, it } from 'vitest';
import type { LinkView } from '../../../electron/model/links';
import { linkGroups, navTargetFor } from './linkRows';

const A = '01890000-0000-7000-8000-00000000000a';
const B = '01890000-0000-7000-8000-00000000000b';
const N = '01890000-0000-7000-8000-00000000000c';

function view(id: string, partial: Partial<LinkView> & Pick<LinkView, 'other'>): LinkView {
  return {
    id,
    from: { kind: 'passage', id: A },
    to: { kind: 'passage', id: B },
    relation: 'supports',
    origin: 'link',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...partial,
  };
}
const endB = {
  ref: { kind: 'passage' as const, id: B },
  label: 'Quote B',
  context: 'Article B',
  articleId: A,
  deleted: false,
};
const endNote = {
  ref: { kind: 'note' as const, id: N },
  label: 'My note',
  context: null,
  articleId: null,
  deleted: false,
};

describe('linkGroups', () => {
  it('shows a cycle A → B → A as one row in each group, nothing deeper', () => {
    const groups = linkGroups({
      outgoing: [view('l1', { other: endB, relation: 'contradicts' })],
      incoming: [
        view('l2', {
          other: endB,
          relation: 'see-also',
          from: { kind: 'passage', id: B },
          to: { kind: 'passage', id: A },
        }),
      ],
    });
    expect(groups.outgoing.map((r) => r.sentence)).toEqual([
      'This contradicts the passage “Quote B”',
    ]);
    expect(groups.incoming.map((r) => r.sentence)).toEqual(['The passage “Quote B” see also this']);
  });

  it('removes only hand-made links; mentions of the same thing from one note are one row', () => {
    const mention = { other: endNote, origin: 'mention' as const, relation: 'mentions' };
    const groups = linkGroups({
      outgoing: [],
      incoming: [
        view('m1', mention),
        view('m2', mention),
        view('q1', { other: endNote, origin: 'quote', relation: 'quotes' }),
        view('l3', { other: endB }),
      ],
    });
    expect(groups.incoming.map((r) => [r.relation, r.removable])).toEqual([
      ['mentions', false],
      ['quotes', false],
      ['supports', true],
    ]);
  });

  it('shows deleted ends, not navigable, and newest first', () => {
    const groups = linkGroups({
      outgoing: [
        view('old', { other: endNote, createdAt: '2025-01-01T00:00:00.000Z' }),
        view('new', { other: { ...endB, deleted: true }, createdAt: '2026-06-01T00:00:00.000Z' }),
      ],
      incoming: [],
    });
    expect(groups.outgoing.map((r) => [r.link.id, r.navigable])).toEqual([
      ['new', false],
      ['old', true],
    ]);
    expect(groups.outgoing[0]!.sentence).toBe('This supports the passage “Quote B” (deleted)');
  });

  it('names an untitled end', () => {
    const groups = linkGroups({
      outgoing: [view('x', { other: { ...endNote, label: '  ' } })],
      incoming: [],
    });
    expect(groups.outgoing[0]!.sentence).toBe('This supports the note “untitled note”');
  });
});

describe('navTargetFor', () => {
  const place = { articleId: A, start: 5, end: 9, orphaned: false, deleted: false };
  it('goes to a passage in its article, an orphan to its article, a deleted passage nowhere', () => {
    expect(navTargetFor({ kind: 'passage', id: B }, place)).toEqual({
      kind: 'passage',
      id: B,
      articleId: A,
      start: 5,
      end: 9,
    });
    expect(navTargetFor({ kind: 'passage', id: B }, { ...place, orphaned: true })).toEqual({
      kind: 'article',
      id: A,
    });
    expect(navTargetFor({ kind: 'passage', id: B }, { ...place, deleted: true })).toBeNull();
    expect(navTargetFor({ kind: 'passage', id: B }, null)).toBeNull();
  });
  it('opens articles and notes by id', () => {
    expect(navTargetFor({ kind: 'article', id: A }, null)).toEqual({ kind: 'article', id: A });
    expect(navTargetFor({ kind: 'note', id: N }, null)).toEqual({ kind: 'note', id: N });
  });
});
