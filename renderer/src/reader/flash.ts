/**
 * The reader's one flash: where the reader has just been taken is marked for a moment. A
 * passage's marks get the flash class (theme/passages.css animates them); a range without marks
 * (a search hit) is painted as a CSS highlight, which changes no DOM, or selected where the
 * browser has no highlight API. One flash at a time: a newer one ends the one before.
 */
import { FLASH_CLASS } from '../passages/passageColors';
import { paint, unpaint } from '../search/highlights';

/** How long a flash lasts; `mark-flash` in theme/passages.css animates over the same 1.5 s. */
export const FLASH_MS = 1500;
/** The highlight a flashed range is painted as (theme/search.css styles it). */
export const FLASH_HIGHLIGHT = 'search-flash';

export type FlashTarget = { marks: readonly HTMLElement[] } | { range: Range };

let endCurrent: (() => void) | null = null;

export function flash(target: FlashTarget): void {
  endCurrent?.();
  endCurrent = null;
  let end: () => void;
  if ('marks' in target) {
    for (const mark of target.marks) {
      mark.classList.remove(FLASH_CLASS);
      void mark.offsetWidth; // restart the animation if it is still running
      mark.classList.add(FLASH_CLASS);
    }
    end = () => target.marks.forEach((mark) => mark.classList.remove(FLASH_CLASS));
  } else if (paint(FLASH_HIGHLIGHT, [target.range])) {
    end = () => unpaint(FLASH_HIGHLIGHT);
  } else {
    // No highlight API: the selection shows the range, and stays the user's (nothing to end).
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(target.range);
    return;
  }
  const timer = setTimeout(() => {
    endCurrent = null;
    end();
  }, FLASH_MS);
  endCurrent = () => {
    clearTimeout(timer);
    end();
  };
}
