/**
 * Where a floating box of `size` goes next to `anchor` (viewport coordinates): above it if it
 * fits, else below, kept inside the viewport with a margin.
 */
export function floatingPosition(
  anchor: { top: number; bottom: number; left: number; width: number },
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 8,
): { top: number; left: number } {
  const margin = 8;
  const above = anchor.top - gap - size.height;
  const lowest = viewport.height - size.height - margin;
  const top = above >= margin ? Math.min(above, lowest) : Math.min(anchor.bottom + gap, lowest);
  const centered = anchor.left + anchor.width / 2 - size.width / 2;
  const left = Math.max(margin, Math.min(centered, viewport.width - size.width - margin));
  return { top: Math.max(margin, top), left };
}

/**
 * Places an element (position: fixed) by `floatingPosition`, horizontally inside `within` when
 * given (the reader, so the toolbar never covers the library). CSSOM writes are allowed by the CSP.
 */
export function placeNear(
  element: HTMLElement,
  anchor: DOMRect,
  gap?: number,
  within?: DOMRect,
): void {
  const { top, left } = floatingPosition(
    within
      ? {
          ...anchor.toJSON(),
          left: anchor.left - within.left,
          top: anchor.top,
          bottom: anchor.bottom,
          width: anchor.width,
        }
      : anchor,
    { width: element.offsetWidth, height: element.offsetHeight },
    { width: within ? within.width : window.innerWidth, height: window.innerHeight },
    gap,
  );
  element.style.top = `${Math.round(top)}px`;
  element.style.left = `${Math.round(left + (within ? within.left : 0))}px`;
}
