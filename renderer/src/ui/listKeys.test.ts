import { describe, expect, it } from 'vitest';
import { nextIndex } from './listKeys';

describe('nextIndex', () => {
  it('moves by one, by a page and to the ends, clamped to the list', () => {
    expect(nextIndex('ArrowDown', 0, 100_000, 10)).toBe(1);
    expect(nextIndex('ArrowDown', 99_999, 100_000, 10)).toBe(99_999);
    expect(nextIndex('ArrowUp', 0, 5, 10)).toBe(0);
    expect(nextIndex('ArrowUp', 3, 5, 10)).toBe(2);
    expect(nextIndex('PageDown', 3, 100, 10)).toBe(13);
    expect(nextIndex('PageDown', 95, 100, 10)).toBe(99);
    expect(nextIndex('PageUp', 5, 100, 10)).toBe(0);
    expect(nextIndex('Home', 50, 100, 10)).toBe(0);
    expect(nextIndex('End', 0, 100_000, 10)).toBe(99_999);
  });

  it('starts at the top when nothing is active yet, and ignores other keys and empty lists', () => {
    expect(nextIndex('ArrowDown', -1, 5, 10)).toBe(0);
    expect(nextIndex('ArrowUp', -1, 5, 10)).toBe(0);
    expect(nextIndex('PageDown', -1, 50, 10)).toBe(10);
    expect(nextIndex('a', 2, 5, 10)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0, 10)).toBeNull();
    expect(nextIndex('ArrowDown', 40, 10, 10)).toBe(9); // the list shrank under the cursor
  });
});
