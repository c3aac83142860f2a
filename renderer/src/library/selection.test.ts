import { describe, expect, it } from 'vitest';
import {
  ALL_SELECTED,
  isEmpty,
  isSelected,
  NO_SELECTION,
  onlyIds,
  selectedCount,
  selectionInput,
  toggled,
  withIds,
} from './selection';

describe('library selection', () => {
  it('toggles and extends a selection of ids', () => {
    const s = withIds(toggled(onlyIds(['a']), 'b'), ['c', 'a']);
    expect([...s.ids].sort()).toEqual(['a', 'b', 'c']);
    expect(isSelected(toggled(s, 'b'), 'b')).toBe(false);
    expect(selectedCount(s, 100)).toBe(3);
    expect(selectionInput(s, { sort: 'title' })).toEqual({ kind: 'ids', ids: ['a', 'b', 'c'] });
    expect(isEmpty(NO_SELECTION)).toBe(true);
    expect(selectionInput(NO_SELECTION, {})).toBeNull();
  });

  it('holds Select all as the query less the articles unselected since', () => {
    const s = toggled(toggled(ALL_SELECTED, 'x'), 'y');
    expect(isSelected(s, 'x')).toBe(false);
    expect(isSelected(s, 'z')).toBe(true);
    expect(selectedCount(s, 100_000)).toBe(99_998);
    // Extending a range over an unselected article selects it again.
    expect(selectedCount(withIds(s, ['x']), 100_000)).toBe(99_999);
    expect(selectionInput(s, { filter: 'tea' })).toEqual({
      kind: 'query',
      query: { filter: 'tea' },
      except: ['x', 'y'],
    });
    expect(isEmpty(s)).toBe(false);
  });
});
