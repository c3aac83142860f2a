/**
 * Canonical-text offsets → DOM ranges in the reader. Search hits and find matches are offsets in
 * the article's canonical text, which is the reader's Lexical root text content; the passages'
 * offset index resolves them to text nodes, and each node's DOM text holds its characters 1:1.
 */
import { $getRoot, getDOMTextNode, type LexicalEditor } from 'lexical';
import { $buildOffsetIndex, pointAtOffset, type TextPoint } from '../passages/offsetIndex';
import type { TextMatch } from './findMatcher';

export function readerText(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => $getRoot().getTextContent());
}

function domPoint(editor: LexicalEditor, point: TextPoint): { node: Text; offset: number } | null {
  const element = editor.getElementByKey(point.key);
  const node = element ? getDOMTextNode(element) : null;
  if (!node) return null;
  return { node, offset: Math.min(point.offset, node.length) };
}

/** DOM ranges for canonical ranges, in order; a range that cannot be placed (not rendered) is null. */
export function domRangesFor(
  editor: LexicalEditor,
  ranges: readonly TextMatch[],
): (Range | null)[] {
  return editor.getEditorState().read(() => {
    const index = $buildOffsetIndex();
    return ranges.map(({ start, end }) => {
      const a = pointAtOffset(index, start, 'start');
      const b = pointAtOffset(index, Math.max(start, end), 'end');
      if (!a || !b) return null;
      const from = domPoint(editor, a);
      const to = domPoint(editor, b);
      if (!from || !to) return null;
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      return range.collapsed && end > start ? null : range;
    });
  });
}
