/**
 * The reflowed text's side of keeping one's place between the two views: which page start is
 * at the top of the reader, and scrolling the text to a canonical offset.
 */
import { getDOMTextNode, type LexicalEditor } from 'lexical';
import type { PageStart } from '../../../electron/model/pages';
import { $buildOffsetIndex } from '../passages/offsetIndex';
import { domRangesFor } from '../search/readerRange';

/** Below the top edge, a line counts as the one being read. */
const SLACK_PX = 48;

/** The canonical offset of the last page start at or above the top of the scrolled reader. */
export function textTopOffset(
  editor: LexicalEditor,
  root: HTMLElement,
  pages: readonly PageStart[] | undefined,
): number {
  if (!pages?.length) return 0;
  const ranges = domRangesFor(
    editor,
    pages.map((p) => ({ start: p.start, end: p.start + 1 })),
  );
  const top = root.getBoundingClientRect().top + SLACK_PX;
  let found = 0;
  ranges.forEach((range, k) => {
    if (range && range.getBoundingClientRect().top <= top) found = pages[k]!.start;
  });
  return found;
}

/** The first index in [0, n) for which `below` holds (it holds for all after it), or n. */
function firstBelow(n: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The reading place: the canonical offset of the first character still on screen at the top of
 * the scrolled reader (0 at the top; null while that text is not rendered yet). A character
 * offset, not pixels, so it holds at any width, font size or in the page view.
 */
export function textPlaceAtTop(editor: LexicalEditor, root: HTMLElement): number | null {
  if (root.scrollTop <= 0) return 0;
  const top = root.getBoundingClientRect().top + 1;
  return editor.getEditorState().read(() => {
    const { texts } = $buildOffsetIndex();
    const elements = texts.map((span) => editor.getElementByKey(span.key));
    // Not rendered yet (a long text renders in parts) counts as below the top.
    const k = firstBelow(texts.length, (i) => {
      const el = elements[i];
      return !el || el.getBoundingClientRect().bottom > top;
    });
    const span = texts[k];
    const element = elements[k];
    if (!span || !element) return null;
    const node = getDOMTextNode(element);
    if (!node) return span.start;
    // Within the text node, the first character whose line reaches below the top.
    const range = document.createRange();
    const at = firstBelow(node.length, (i) => {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().bottom > top;
    });
    return span.start + Math.min(at, span.end - span.start);
  });
}

/** Scrolls the reader so the line holding `offset` is at its top; false until that text is there. */
export function scrollTextTo(editor: LexicalEditor, root: HTMLElement, offset: number): boolean {
  if (offset <= 0) {
    root.scrollTop = 0;
    return true;
  }
  const [range] = domRangesFor(editor, [{ start: offset, end: offset + 1 }]);
  if (!range) return false;
  const rect = range.getBoundingClientRect();
  if (rect.height === 0 && rect.width === 0) return false;
  root.scrollTop += rect.top - root.getBoundingClientRect().top - 8;
  return true;
}
