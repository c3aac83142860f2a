// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { PassageColor } from '../../../electron/model/passages';
import {
  fillName,
  isFillName,
  PassageHighlights,
  underName,
  type HighlightSet,
} from './passageHighlights';

function members(set: HighlightSet | undefined): AbstractRange[] {
  const out: AbstractRange[] = [];
  set?.forEach((r) => out.push(r));
  return out;
}

function range(): AbstractRange {
  const text = document.createTextNode('some text');
  return new StaticRange({
    startContainer: text,
    startOffset: 0,
    endContainer: text,
    endOffset: 4,
  });
}

describe('PassageHighlights', () => {
  const colors = new Map<string, PassageColor>([
    ['a', 'green'],
    ['b', 'pink'],
  ]);
  const setup = () => {
    const registry = new Map<string, HighlightSet>();
    const painted = new PassageHighlights(
      { registry, create: () => new Set<AbstractRange>() },
      (id) => colors.get(id),
    );
    return { registry, painted };
  };

  it('paints a run in its innermost passage’s fill; an overlap strong, underlined in the next one out', () => {
    const { registry, painted } = setup();
    const plain = range();
    const overlap = range();
    const unknown = range();
    painted.add(3, [
      { ids: ['a'], range: plain },
      { ids: ['a', 'b'], range: overlap },
    ]);
    painted.add(4, [{ ids: ['gone'], range: unknown }]);
    expect(members(registry.get('passage-green'))).toEqual([plain]);
    expect(members(registry.get('passage-pink-strong'))).toEqual([overlap]);
    expect(members(registry.get('passage-under-green'))).toEqual([overlap]);
    // A passage whose colour is not known (yet): the default colour.
    expect(members(registry.get('passage-yellow'))).toEqual([unknown]);
    expect(painted.ranges(3)).toEqual([plain, overlap]);
  });

  it('drops one block’s runs, repaints with new colours, and clears all it registered', () => {
    const { registry, painted } = setup();
    const kept = range();
    painted.add(1, [{ ids: ['a', 'b'], range: range() }]);
    painted.add(2, [{ ids: ['b'], range: kept }]);
    registry.set('find-all', new Set<AbstractRange>([range()]));
    painted.remove(1);
    expect(registry.get('passage-pink-strong')!.size).toBe(0);
    expect(registry.get('passage-under-green')!.size).toBe(0);
    expect(painted.ranges(1)).toEqual([]);
    painted.recolor((id) => (id === 'b' ? 'purple' : undefined));
    expect(members(registry.get('passage-purple'))).toEqual([kept]);
    expect(registry.has('passage-pink')).toBe(false);
    painted.clear();
    expect([...registry.keys()]).toEqual(['find-all']);
  });

  it('names fills and underlines apart', () => {
    expect(isFillName(fillName('blue', false))).toBe(true);
    expect(isFillName(fillName('blue', true))).toBe(true);
    expect(isFillName(underName('blue'))).toBe(false);
    expect(isFillName('search-flash')).toBe(false);
  });
});
