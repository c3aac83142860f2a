import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import { readerSelectionRange } from './domRange';
import { followSelectionGestures } from './selectionGesture';
import type { TextRange } from './trimRange';

export interface ReaderSelection {
  range: TextRange;
  /** Where the selection is on screen (viewport coordinates), to place the toolbar. */
  rect: DOMRect;
}

function sameSelection(a: ReaderSelection | null, b: ReaderSelection | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.range.start === b.range.start &&
    a.range.end === b.range.end &&
    a.rect.top === b.rect.top &&
    a.rect.left === b.rect.left
  );
}

/**
 * Reports the text selected in the reader as a canonical range (null when nothing is), after the
 * mouse button is up so the toolbar doesn't chase a drag, and again when the page scrolls.
 */
export function ReaderSelectionPlugin({
  onChange,
}: {
  onChange: (selection: ReaderSelection | null) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    followSelectionGestures();
    let pointerDown = false;
    let frame = 0;
    let last: ReaderSelection | null = null;
    const report = () => {
      frame = 0;
      if (pointerDown) return;
      const range = readerSelectionRange(editor);
      const domRange = range && document.getSelection()?.getRangeAt(0);
      const next = range && domRange ? { range, rect: domRange.getBoundingClientRect() } : null;
      if (sameSelection(last, next)) return;
      last = next;
      onChangeRef.current(next);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(report);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.button === 0) pointerDown = true;
    };
    const onPointerUp = () => {
      if (!pointerDown) return;
      pointerDown = false;
      schedule();
    };
    document.addEventListener('selectionchange', schedule);
    document.addEventListener('scroll', schedule, true);
    window.addEventListener('resize', schedule);
    const unregister = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('pointerdown', onPointerDown);
      root?.addEventListener('pointerdown', onPointerDown);
    });
    window.addEventListener('pointerup', onPointerUp);
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('scroll', schedule, true);
      window.removeEventListener('resize', schedule);
      window.removeEventListener('pointerup', onPointerUp);
      unregister();
    };
  }, [editor]);

  return null;
}
