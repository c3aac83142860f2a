/**
 * The range a user's selection means: trimmed (trimRange) and widened to whole words
 * (wordSnap), unless Alt was held as the selection was made (a drag ended, or a Shift+arrow
 * pressed, with Alt down): then exactly what was selected. Alt is read from the gesture, not at
 * the moment of highlighting, so the toolbar, H and the sidebar all see the same range.
 */
import { trimRange, type TextRange } from './trimRange';
import { snapToWords } from './wordSnap';

let exact = false;
let listening = false;

function listen(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  const fromPointer = (event: PointerEvent) => {
    if (event.button === 0) exact = event.altKey;
  };
  document.addEventListener('pointerdown', fromPointer, true);
  document.addEventListener('pointerup', fromPointer, true);
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.shiftKey && event.key.startsWith('Arrow')) exact = event.altKey;
    },
    true,
  );
}

/** Starts following selection gestures (call once the reader is up; idempotent). */
export function followSelectionGestures(): void {
  listen();
}

/** Canonical `text`'s [start, end) as the user means it, or null when it holds no text. */
export function userRange(text: string, start: number, end: number): TextRange | null {
  const trimmed = trimRange(text, start, end);
  return trimmed && !exact ? snapToWords(text, trimmed) : trimmed;
}
