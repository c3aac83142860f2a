/**
 * Painting ranges with the CSS Custom Highlight API: no DOM mutation, so Lexical's tree and the
 * passage marks stay untouched. (The reader's flash of a range is one of them: reader/flash.ts.)
 */

export const FIND_ALL_HIGHLIGHT = 'find-all';
export const FIND_CURRENT_HIGHLIGHT = 'find-current';

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
    ? CSS.highlights
    : null;
}

export function paint(name: string, ranges: readonly Range[]): boolean {
  const highlights = registry();
  if (!highlights) return false;
  if (ranges.length === 0) highlights.delete(name);
  else highlights.set(name, new Highlight(...ranges));
  return true;
}

export function unpaint(name: string): void {
  registry()?.delete(name);
}

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Scrolls a range to the middle of its scrolling region. */
export function scrollRangeIntoView(range: Range, block: ScrollLogicalPosition = 'center'): void {
  const node = range.startContainer;
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({
    block,
    inline: 'nearest',
    behavior: prefersReducedMotion() ? 'auto' : 'smooth',
  });
}
