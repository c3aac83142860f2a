import { describe, expect, it } from 'vitest';
import { pageAtY, pageLayout, pageSpan } from './pageLayout';

const letter = { width: 612, height: 792 };

describe('pageLayout', () => {
  it('stacks pages at their scaled heights with a gap between them', () => {
    const layout = pageLayout([letter, { width: 612, height: 396 }, letter], 0.5, 10, 12);
    expect(layout.tops).toEqual([12, 12 + 396 + 10, 12 + 396 + 10 + 198 + 10]);
    expect(layout.heights).toEqual([396, 198, 396]);
    expect(layout.height).toBe(12 + 396 + 10 + 198 + 10 + 396);
  });

  it('finds the page at a height, and the pages seen in a band', () => {
    const layout = pageLayout(
      Array.from({ length: 300 }, () => letter),
      1,
      12,
      12,
    );
    expect(pageAtY(layout, 0)).toBe(1);
    expect(pageAtY(layout, 12 + 804 * 150)).toBe(151);
    expect(pageAtY(layout, 1e9)).toBe(300);
    // A band starting in the gap after page 10 sees page 11 first.
    const gapAfter10 = 12 + 804 * 9 + 792 + 5;
    expect(pageSpan(layout, gapAfter10, gapAfter10 + 900)).toEqual({ first: 11, last: 12 });
    expect(pageSpan(layout, 12 + 804 * 299 + 10, 1e9)).toEqual({ first: 300, last: 300 });
  });
});
