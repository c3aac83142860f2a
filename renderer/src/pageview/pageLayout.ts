/**
 * Where each page of the page view sits, computed from the page sizes alone: the view keeps only
 * the pages near the viewport in the DOM, so their places (and which pages are on screen) come
 * from arithmetic, not from measuring elements (no layout reads while scrolling).
 */

export interface PageLayout {
  /** Each page's top, in CSS pixels from the top of the pages' container. */
  tops: number[];
  /** Each page's height in CSS pixels. */
  heights: number[];
  /** The container's height. */
  height: number;
}

export function pageLayout(
  sizes: readonly { height: number }[],
  scale: number,
  gap: number,
  padTop: number,
): PageLayout {
  const tops: number[] = [];
  const heights: number[] = [];
  let y = padTop;
  for (const size of sizes) {
    tops.push(y);
    const h = size.height * scale;
    heights.push(h);
    y += h + gap;
  }
  return { tops, heights, height: sizes.length ? y - gap : padTop };
}

/** The 1-based page whose box (with the gap after it) holds `y`; clamped to the pages. */
export function pageAtY(layout: PageLayout, y: number): number {
  const { tops } = layout;
  if (!tops.length) return 1;
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The first and last page (1-based) seen between `top` and `bottom` (container pixels). */
export function pageSpan(
  layout: PageLayout,
  top: number,
  bottom: number,
): { first: number; last: number } {
  const first = pageAtY(layout, top);
  // A top inside the gap after a page: the next page is the first one seen.
  const k = first - 1;
  const below = layout.tops[k] !== undefined && top >= layout.tops[k]! + layout.heights[k]!;
  const start = below && first < layout.tops.length ? first + 1 : first;
  return { first: start, last: Math.max(start, pageAtY(layout, bottom)) };
}
