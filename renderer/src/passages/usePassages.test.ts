// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../electron/model/passages';
import { samePassages, withPassage } from './usePassages';

const passage = (id: string, over: Partial<Passage> = {}): Passage => ({
  id,
  articleId: 'art',
  quote: `quote ${id}`,
  prefix: 'before ',
  suffix: ' after',
  start: 10,
  end: 20,
  orphaned: false,
  color: 'yellow',
  comment: '',
  tags: ['a', 'b'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('samePassages (is a refreshed list the one shown?)', () => {
  it('is true for equal lists read apart (new objects, new tag arrays)', () => {
    expect(samePassages([passage('p'), passage('q')], [passage('p'), passage('q')])).toBe(true);
    expect(samePassages([], [])).toBe(true);
  });

  it('is false when any field, a tag, the order or the length differs', () => {
    const base = [passage('p'), passage('q')];
    for (const changed of [
      [passage('p', { color: 'green' }), passage('q')],
      [passage('p', { comment: 'new' }), passage('q')],
      [passage('p'), passage('q', { start: 11 })],
      [passage('p'), passage('q', { orphaned: true })],
      [passage('p', { tags: ['a'] }), passage('q')],
      [passage('p', { tags: ['a', 'c'] }), passage('q')],
      [passage('p', { tags: ['b', 'a'] }), passage('q')],
      [passage('q'), passage('p')],
      [passage('p')],
      [passage('p'), passage('q'), passage('r')],
    ]) {
      expect(samePassages(base, changed), JSON.stringify(changed)).toBe(false);
    }
  });

  it('is false when an answer carries a field the other lacks (a newer server)', () => {
    const extra = { ...passage('p'), page: 3 } as Passage;
    expect(samePassages([passage('p')], [extra])).toBe(false);
    expect(samePassages([extra], [passage('p')])).toBe(false);
  });
});

describe('withPassage (a change answer put in the list)', () => {
  it('adds in the list order (start, longer first, id) and replaces by id', () => {
    const list = [passage('b', { start: 5, end: 9 }), passage('d', { start: 30, end: 40 })];
    const added = withPassage(list, passage('a', { start: 5, end: 20 }));
    expect(added.map((p) => p.id)).toEqual(['a', 'b', 'd']);
    const moved = withPassage(added, passage('d', { start: 1, end: 2, updatedAt: '2026-02-01' }));
    expect(moved.map((p) => p.id)).toEqual(['d', 'a', 'b']);
  });

  it('keeps the shown version when the answer is older (overtaken by a later change)', () => {
    const list = [passage('p', { comment: 'newer', updatedAt: '2026-03-01T00:00:00.000Z' })];
    const older = passage('p', { comment: 'older', updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(withPassage(list, older)).toBe(list);
  });
});
