import { $getNodeByKey, $isTextNode, type TextNode } from 'lexical';
import { markSegments, type IdRange } from './markSegments';
import { $createPassageMarkNode } from './PassageMarkNode';
import { $buildOffsetIndex, pointAtOffset, type OffsetIndex } from './offsetIndex';

/**
 * Wraps every passage's text in MarkNodes carrying passage ids, in one pass. Call inside
 * `editor.update()` on a tree without marks (right after `$setBody`).
 *
 * Not `$wrapSelectionInMarkNode`: it builds and extracts a RangeSelection per call, which walks
 * the tree again each time (about 70 µs a segment in Chromium; 1,000 overlapping passages make
 * ~2,000 segments). Here the text nodes of a segment come straight from the offset index, and
 * segments are wrapped from the last to the first: splitting a text node keeps its key for the
 * first part, so the index built once up front stays true for everything not yet wrapped.
 * The result has the same shape: one flat mark per run of adjacent text nodes with one parent
 * (line breaks and inline element edges start a new mark), never a mark inside a mark.
 */
export function $applyPassageMarks(ranges: readonly IdRange[]): void {
  const index = $buildOffsetIndex();
  const segments = markSegments(ranges, index.length);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    $wrapSegment(index, segment.start, segment.end, segment.ids);
  }
}

function $wrapSegment(
  index: OffsetIndex,
  start: number,
  end: number,
  ids: readonly string[],
): void {
  const from = pointAtOffset(index, start, 'start');
  const to = pointAtOffset(index, end, 'end');
  // Nothing to mark when the segment covers only separators or line breaks.
  if (!from || !to || from.at > to.at || (from.at === to.at && from.offset >= to.offset)) return;

  const nodes: TextNode[] = [];
  for (let k = from.at; k <= to.at; k++) {
    const node = $getNodeByKey(index.texts[k]!.key);
    if ($isTextNode(node)) nodes.push(node);
  }
  if (nodes.length === 0) return;
  // The end first: the first part keeps the key, so a start in the same node is still valid.
  const last = nodes[nodes.length - 1]!;
  if (to.offset < last.getTextContentSize())
    nodes[nodes.length - 1] = last.splitText(to.offset)[0]!;
  if (from.offset > 0) nodes[0] = nodes[0]!.splitText(from.offset)[1]!;

  // Runs of adjacent siblings share one mark.
  let run: TextNode[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const mark = $createPassageMarkNode(ids);
    run[0]!.insertBefore(mark);
    mark.append(...run);
    run = [];
  };
  for (const node of nodes) {
    const previous = run[run.length - 1];
    if (previous && !node.getPreviousSibling()?.is(previous)) flush();
    run.push(node);
  }
  flush();
}
