/**
 * The reader's DOM selection → a canonical-text range. Lexical's own DOM → selection conversion
 * gives up when either end lies outside the editor (a drag that starts in the title), so both
 * ends are placed here against the text nodes' elements: an end inside a text node maps through
 * its Lexical node; an end anywhere else snaps to the nearest text in reading order.
 */
import { $getNearestNodeFromDOMNode, $getRoot, $isTextNode, type LexicalEditor } from 'lexical';
import { $buildOffsetIndex, offsetOfPoint, type OffsetIndex } from './offsetIndex';
import { userRange } from './selectionGesture';
import { trimRange, type TextRange } from './trimRange';

function boundaryOffset(
  editor: LexicalEditor,
  index: OffsetIndex,
  elements: readonly HTMLElement[],
  container: Node,
  offset: number,
  edge: 'start' | 'end',
): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const node = $getNearestNodeFromDOMNode(container);
    if ($isTextNode(node)) {
      const at = offsetOfPoint(index, {
        key: node.getKey(),
        offset: Math.min(offset, node.getTextContentSize()),
        type: 'text',
      });
      if (at !== null) return at;
    }
  }
  const point = container.ownerDocument!.createRange();
  point.setStart(container, offset);
  point.collapse(true);
  const texts = index.texts;
  if (edge === 'start') {
    // First text element at or after the point.
    let lo = 0;
    let hi = elements.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (point.comparePoint(elements[mid]!, 0) >= 0) hi = mid;
      else lo = mid + 1;
    }
    return lo < texts.length ? texts[lo]!.start : index.length;
  }
  // Last text element ending at or before the point.
  let lo = 0;
  let hi = elements.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const el = elements[mid]!;
    if (point.comparePoint(el, el.childNodes.length) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? texts[lo - 1]!.end : 0;
}

/** The trimmed canonical range a DOM range covers in the editor, or null if it covers no text. */
export function domRangeToTextRange(
  editor: LexicalEditor,
  range: Range,
  clean: (text: string, start: number, end: number) => TextRange | null = trimRange,
): TextRange | null {
  return editor.read(() => {
    const index = $buildOffsetIndex();
    const elements: HTMLElement[] = [];
    for (const span of index.texts) {
      const el = editor.getElementByKey(span.key);
      if (!el) return null; // not rendered (yet)
      elements.push(el);
    }
    const start = boundaryOffset(
      editor,
      index,
      elements,
      range.startContainer,
      range.startOffset,
      'start',
    );
    const end = boundaryOffset(editor, index, elements, range.endContainer, range.endOffset, 'end');
    if (end <= start) return null;
    return clean($getRoot().getTextContent(), start, end);
  });
}

/** The current document selection inside the editor's root, as the canonical range it means. */
export function readerSelectionRange(editor: LexicalEditor): TextRange | null {
  const root = editor.getRootElement();
  const selection = root?.ownerDocument.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  return domRangeToTextRange(editor, range, userRange);
}
