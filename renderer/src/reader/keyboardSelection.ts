import type { KeyboardEvent } from 'react';

const DIRECTIONS: Record<string, ['forward' | 'backward', 'character' | 'line' | 'lineboundary']> =
  {
    ArrowRight: ['forward', 'character'],
    ArrowLeft: ['backward', 'character'],
    ArrowDown: ['forward', 'line'],
    ArrowUp: ['backward', 'line'],
    End: ['forward', 'lineboundary'],
    Home: ['backward', 'lineboundary'],
  };

/** The first text node of `root` that is on screen inside `viewport` (where a keyboard selection starts). */
export function firstVisibleText(root: HTMLElement, viewport: DOMRect): Text | null {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = root.ownerDocument.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    if (rect.bottom > viewport.top && rect.top < viewport.bottom) return node as Text;
  }
  return null;
}

/**
 * Selecting text with the keyboard in the read-only reader, where browsers have no caret:
 * Shift+arrows (Ctrl/Alt for words), Shift+Home/End extend the selection, starting at the first
 * line on screen when there is none; Left/Right without Shift move its start. Returns true when
 * it handled the key.
 */
export function handleSelectionKey(
  event: KeyboardEvent<HTMLElement>,
  content: HTMLElement | null,
  scroller: HTMLElement,
): boolean {
  const spec = DIRECTIONS[event.key];
  if (!spec || !content || event.metaKey) return false;
  const selection = content.ownerDocument.getSelection();
  if (!selection) return false;
  const inside =
    selection.rangeCount > 0 &&
    content.contains(selection.anchorNode) &&
    content.contains(selection.focusNode);
  const horizontal = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
  if (!event.shiftKey) {
    // Plain Up/Down/Home/End keep scrolling the reader; Left/Right move a selection's start.
    if (!horizontal || !inside) return false;
    selection.modify('move', spec[0], event.ctrlKey || event.altKey ? 'word' : 'character');
    return true;
  }
  if (!inside) {
    const start = firstVisibleText(content, scroller.getBoundingClientRect());
    if (!start) return false;
    selection.collapse(start, 0);
  }
  const granularity = horizontal && (event.ctrlKey || event.altKey) ? 'word' : spec[1];
  selection.modify('extend', spec[0], granularity);
  return true;
}
