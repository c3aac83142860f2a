/**
 * Where each passage segment's marks will be, read off a tree that has none yet: one run per
 * stretch of adjacent text nodes of one parent (a line break or an inline element's edge starts a
 * new one), exactly as `$setBody(body, ranges)` groups a segment's text into MarkNodes. The reader
 * paints these runs as CSS highlights while the MarkNodes are still to be made.
 */
import { $getNodeByKey, type NodeKey } from 'lexical';
import type { Segment } from './markSegments';
import { pointAtOffset, type OffsetIndex } from './offsetIndex';

export interface MarkRun {
  /** The segment's passage ids, outermost first. */
  ids: readonly string[];
  /** The run's text nodes, in order. */
  keys: NodeKey[];
  /** Where the run starts in its first text node, and ends in its last. */
  startOffset: number;
  endOffset: number;
}

/** The runs of `segment` in the indexed tree. Call inside `editor.read()` / `update()`. */
export function $segmentRuns(index: OffsetIndex, segment: Segment): MarkRun[] {
  const from = pointAtOffset(index, segment.start, 'start');
  const to = pointAtOffset(index, segment.end, 'end');
  // Nothing to mark when the segment covers only separators or line breaks.
  if (!from || !to || from.at > to.at || (from.at === to.at && from.offset >= to.offset)) return [];
  const runs: MarkRun[] = [];
  let run: MarkRun | null = null;
  for (let k = from.at; k <= to.at; k++) {
    const span = index.texts[k]!;
    const adjacent =
      run !== null &&
      $getNodeByKey(span.key)?.getPreviousSibling()?.getKey() === run.keys[run.keys.length - 1];
    if (run === null || !adjacent) {
      run = {
        ids: segment.ids,
        keys: [],
        startOffset: k === from.at ? from.offset : 0,
        endOffset: 0,
      };
      runs.push(run);
    }
    run.keys.push(span.key);
    run.endOffset = k === to.at ? to.offset : span.end - span.start;
  }
  return runs;
}
