/**
 * Caret mode (F7, as in browsers): a caret in the read-only reader text that the arrows move
 * (Ctrl/Alt+←/→ by word, Home/End to the line's ends) and Shift+arrows extend into a selection,
 * which H then highlights like any other (word snap applies). Chromium draws no caret in text that
 * can't be edited, so this draws its own at the selection's focus. Announced on and off; off when
 * the focus leaves the reader.
 */
import type { LexicalEditor } from 'lexical';
import {
  useCallback,
  useEffect,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useShortcut } from '../app/useShortcut';
import { domRangesFor } from '../search/readerRange';
import { firstVisibleText, selectionMove } from './keyboardSelection';

interface CaretBox {
  top: number;
  left: number;
  height: number;
}

/** Where the selection's focus is on screen (a collapsed range there, else its element). */
function focusBox(selection: Selection): CaretBox | null {
  const node = selection.focusNode;
  if (!node) return null;
  const range = document.createRange();
  range.setStart(node, selection.focusOffset);
  range.collapse(true);
  let rect: DOMRect | undefined = range.getClientRects()[0];
  if (!rect || rect.height === 0)
    rect = (node instanceof Element ? node : node.parentElement)?.getBoundingClientRect();
  return rect ? { top: rect.top, left: rect.left, height: rect.height } : null;
}

interface Options {
  articleRef: RefObject<HTMLElement | null>;
  editorRef: RefObject<LexicalEditor | null>;
  /** The reflowed text is shown and not being edited. */
  available: boolean;
}

export interface CaretMode {
  on: boolean;
  /** The reader's key handler: true when caret mode took the key. */
  onKey: (event: KeyboardEvent<HTMLElement>) => boolean;
  /** After a highlight cleared the selection: the caret goes back to this canonical offset. */
  placeAt: (offset: number) => void;
  /** The caret and the announcement, rendered inside the reader. */
  view: ReactNode;
}

export function useCaretMode({ articleRef, editorRef, available }: Options): CaretMode {
  const [on, setOn] = useState(false);
  const [message, setMessage] = useState('');
  const [box, setBox] = useState<CaretBox | null>(null);

  const content = useCallback(() => editorRef.current?.getRootElement() ?? null, [editorRef]);
  /** The selection, started at the first line on screen when it isn't in the text. */
  const selectionInText = useCallback((): Selection | null => {
    const root = content();
    const scroller = articleRef.current;
    const selection = document.getSelection();
    if (!root || !scroller || !selection) return null;
    const inside =
      selection.rangeCount > 0 &&
      root.contains(selection.anchorNode) &&
      root.contains(selection.focusNode);
    if (!inside) {
      const start = firstVisibleText(root, scroller.getBoundingClientRect());
      if (!start) return null;
      selection.collapse(start, 0);
    }
    return selection;
  }, [articleRef, content]);

  const turn = useCallback(
    (next: boolean) => {
      setOn(next);
      setMessage(next ? 'Caret mode on' : 'Caret mode off');
      // Focus first: moving the focus into the reader may reset the selection (the editor
      // follows focus), which would take away the caret just placed.
      if (next) {
        articleRef.current?.focus({ preventScroll: true });
        selectionInText();
      }
    },
    [articleRef, selectionInText],
  );

  useShortcut('caretMode', () => {
    if (!available || document.querySelector('dialog[open]')) return false;
    turn(!on);
  });

  // Off when the text goes away (editing, the page view).
  useEffect(() => {
    if (!available && on) turn(false);
  }, [available, on, turn]);

  // Off when the focus leaves the reader (another pane, a field, a dialog).
  useEffect(() => {
    const article = articleRef.current;
    if (!on || !article) return;
    const onFocusOut = (event: FocusEvent) => {
      const to = event.relatedTarget;
      if (!(to instanceof Node) || !article.contains(to)) turn(false);
    };
    article.addEventListener('focusout', onFocusOut);
    return () => article.removeEventListener('focusout', onFocusOut);
  }, [on, articleRef, turn]);

  // The caret follows the selection and the scrolling.
  useEffect(() => {
    const article = articleRef.current;
    if (!on || !article) {
      setBox(null);
      return;
    }
    let frame = 0;
    const measure = () => {
      frame = 0;
      // In caret mode the caret is always in the text: put back at the first line on screen if
      // something took the selection out of it.
      const selection = selectionInText();
      setBox(selection ? focusBox(selection) : null);
    };
    const later = () => {
      frame ||= requestAnimationFrame(measure);
    };
    measure();
    document.addEventListener('selectionchange', later);
    article.addEventListener('scroll', later, { passive: true });
    window.addEventListener('resize', later);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', later);
      article.removeEventListener('scroll', later);
      window.removeEventListener('resize', later);
    };
  }, [on, articleRef, selectionInText]);

  const onKey = useCallback(
    (event: KeyboardEvent<HTMLElement>): boolean => {
      if (!on) return false;
      if (event.key === 'Escape') {
        // A selection made in caret mode goes back to being the caret.
        const selection = document.getSelection();
        if (!selection?.focusNode || selection.isCollapsed) return false;
        selection.collapse(selection.focusNode, selection.focusOffset);
        return true;
      }
      const move = selectionMove(event);
      if (!move) return false;
      const selection = selectionInText();
      const scroller = articleRef.current;
      if (!selection || !scroller) return false;
      selection.modify(event.shiftKey ? 'extend' : 'move', move.direction, move.granularity);
      // Keep the caret on screen, as a browser's caret does.
      const caret = focusBox(selection);
      const view = scroller.getBoundingClientRect();
      if (caret && caret.top < view.top) scroller.scrollTop -= view.top - caret.top + caret.height;
      else if (caret && caret.top + caret.height > view.bottom)
        scroller.scrollTop += caret.top + caret.height - view.bottom + caret.height;
      return true;
    },
    [on, articleRef, selectionInText],
  );

  const placeAt = useCallback(
    (offset: number) => {
      if (!on) return;
      // The new marks render after the passage is made: try for a few frames.
      let tries = 30;
      const attempt = () => {
        const editor = editorRef.current;
        const range = editor ? domRangesFor(editor, [{ start: offset, end: offset }])[0] : null;
        if (range?.startContainer.isConnected) {
          document.getSelection()?.collapse(range.startContainer, range.startOffset);
        } else if (--tries > 0) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [on, editorRef],
  );

  const view = (
    <>
      <p className="sr-only" aria-live="polite">
        {message}
      </p>
      {on && box && (
        <span
          className="reader-caret"
          aria-hidden="true"
          style={{ top: box.top, left: box.left, height: box.height }}
        />
      )}
    </>
  );
  return { on, onKey, placeAt, view };
}
