import type { KeyboardEvent } from 'react';

type Direction = 'forward' | 'backward';
type Granularity = 'character' | 'word' | 'line' | 'lineboundary';

const MOVES: Record<string, [Direction, Granularity]> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
  End: ['forward', 'lineboundary'],
  Home: ['backward', 'lineboundary'],
};

/**
 * How an arrow, Home or End key moves a selection's focus, as a browser's caret does: Ctrl or Alt
 * with ← or → goes by word. Null for any other key, and for ⌘ chords (the system's).
 */
export function selectionMove(event: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}): { direction: Direction; granularity: Granularity; horizontal: boolean } | null {
  const move = MOVES[event.key];
  if (!move || event.metaKey) return null;
  const horizontal = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
  const [direction, granularity] = move;
  return {
    direction,
    granularity: horizontal && (event.ctrlKey || event.altKey) ? 'word' : granularity,
    horizontal,
  };
}

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
  const move = selectionMove(event);
  if (!move || !content) return false;
  const selection = content.ownerDocument.getSelection();
  if (!selection) return false;
  const inside =
    selection.rangeCount > 0 &&
    content.contains(selection.anchorNode) &&
    content.contains(selection.focusNode);
  if (!event.shiftKey) {
    // Plain Up/Down/Home/End keep scrolling the reader; Left/Right move a selection's start.
    if (!move.horizontal || !inside) return false;
    selection.modify('move', move.direction, move.granularity);
    return true;
  }
  if (!inside) {
    const start = firstVisibleText(content, scroller.getBoundingClientRect());
    if (!start) return false;
    selection.collapse(start, 0);
  }
  selection.modify('extend', move.direction, move.granularity);
  return true;
}
