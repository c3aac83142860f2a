/**
 * The reflowed text's side of keeping one's place between the two views: which page start is
 * at the top of the reader, and scrolling the text to a canonical offset.
 */
import type { LexicalEditor } from 'lexical';
import type { PageStart } from '../../../electron/model/pages';
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
