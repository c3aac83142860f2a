/**
 * After a search result opens its article: wait for the reader to show that article, then scroll
 * to the hit and flash it. The reader renders asynchronously (article, then passages, then the
 * Lexical body), so this polls once a frame for a few seconds rather than hooking into it.
 */
import { READER_PANE_ID } from '../reader/ReaderPane';
import { flashRange } from './highlights';
import { domRangesFor, readerContentElement, readerEditor, readerText } from './readerRange';

const GIVE_UP_MS = 6000;

export interface JumpTarget {
  articleId: string;
  start?: number | undefined;
  end?: number | undefined;
}

let current = 0;

export function jumpToHit(target: JumpTarget): void {
  const mine = ++current;
  const deadline = performance.now() + GIVE_UP_MS;
  const step = () => {
    if (mine !== current || performance.now() > deadline) return;
    const pane = document.getElementById(READER_PANE_ID);
    const editor = pane?.dataset['articleId'] === target.articleId ? readerEditor() : null;
    if (!editor || !readerContentElement()?.isConnected) {
      requestAnimationFrame(step);
      return;
    }
    const article = pane?.querySelector<HTMLElement>('[data-pane-focus]');
    article?.focus({ preventScroll: true });
    const { start, end } = target;
    if (start === undefined || end === undefined || end > readerText(editor).length) return;
    const [range] = domRangesFor(editor, [{ start, end }]);
    if (range) flashRange(range);
  };
  requestAnimationFrame(step);
}
