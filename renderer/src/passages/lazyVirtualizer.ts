/**
 * Options for @tanstack/react-virtual (as the library pane uses it) that never read layout while
 * React commits. Its defaults read the scroll element's size and each new item's height
 * synchronously when they mount; in the passages sidebar that mount is in the same commit as the
 * article's body, so each read forced a layout of the whole new article, twice when an item then
 * changed size. Here sizes come only from ResizeObserver, which reports after the browser's own
 * layout; until then the estimates stand (the list is in normal flow, so a wrong estimate only
 * moves the scrollbar, never an item on screen). The scroll element must have `overflow-anchor:
 * none`: the virtualizer keeps the view still when an item above it changes size, and the
 * browser's own scroll anchoring would do it a second time.
 */
import { elementScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual';

/**
 * What the lists measured last time (per window). A list opens with the size its predecessor had
 * (the sidebar keeps its place from one article to the next) and items estimated at the size
 * they turned out to be, so the first render is already the right one: a second, fixing the
 * window, would change the page again in the frame after the article opened.
 */
let lastRect: Rect | null = null;
const measured = { total: 0, count: 0 };

/** Before the first observation: the last list's size, else tall enough for any window (the screen). */
export function initialRect(): Rect {
  return (
    lastRect ?? { width: 0, height: typeof screen === 'undefined' ? 1000 : screen.availHeight }
  );
}

/** An item's height before it is measured: the mean of those measured so far, else `fallback`. */
export function estimatedItemSize(fallback: number): number {
  return measured.count > 0 ? Math.round(measured.total / measured.count) : fallback;
}

/** The scroll element's size as ResizeObserver reports it (falls back to reading it where there is none). */
export function observeRectAfterLayout(
  instance: Virtualizer<HTMLElement, HTMLElement>,
  cb: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  if (typeof ResizeObserver === 'undefined') {
    cb({ width: element.clientWidth, height: element.clientHeight });
    return undefined;
  }
  const observer = new ResizeObserver((entries) => {
    const rect = entries[entries.length - 1]?.contentRect;
    if (!rect) return;
    lastRect = { width: Math.round(rect.width), height: Math.round(rect.height) };
    cb(lastRect);
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/** An item's height from its ResizeObserver entry; on mount (no entry) the size already known, else the estimate. */
export function measureAfterLayout(
  element: HTMLElement,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLElement, HTMLElement>,
): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) {
    const size = Math.round(box.blockSize);
    // A bounded running mean: recent lists count, one odd item doesn't.
    if (measured.count >= 500) {
      measured.total *= 0.5;
      measured.count *= 0.5;
    }
    measured.total += size;
    measured.count += 1;
    return size;
  }
  const index = instance.indexFromElement(element);
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(index)) ??
    instance.options.estimateSize(index)
  );
}

/**
 * Scroll writes, minus the ones to where the element already is: on mount the virtualizer writes
 * its initial offset (0) to the new, unscrolled panel, and `scrollTo` forces a layout.
 */
export function scrollUnlessThere(
  offset: number,
  options: { adjustments?: number | undefined; behavior?: ScrollBehavior | undefined },
  instance: Virtualizer<HTMLElement, HTMLElement>,
): void {
  if (
    options.behavior !== 'smooth' &&
    offset + (options.adjustments ?? 0) === instance.scrollOffset
  )
    return;
  elementScroll(offset, options, instance);
}
