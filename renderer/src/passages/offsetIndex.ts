/**
 * Canonical-text offsets ↔ Lexical points. Passages are stored as UTF-16 offsets into the
 * article's canonical text (`bodyToText`); the reader's tree has the same text content, with
 * "\n\n" after every block element but the last of its parent (Lexical's rule, mirrored here).
 * The index is built in one walk so that placing many passages costs one pass plus a binary
 * search each, not a walk per passage.
 */
import {
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type LexicalNode,
  type NodeKey,
} from 'lexical';

const BLOCK_GAP = 2; // "\n\n"

export interface TextSpan {
  key: NodeKey;
  start: number;
  end: number;
}

export interface OffsetIndex {
  /** Text nodes in document order with their canonical range. */
  texts: TextSpan[];
  /** Every node's canonical range, elements included (an element's end excludes its trailing gap). */
  ranges: Map<NodeKey, { start: number; end: number }>;
  /** Length of the whole text. */
  length: number;
}

/** A point inside a text node, as Lexical's `PointType` with `type: 'text'` wants it. */
export interface TextPoint {
  key: NodeKey;
  offset: number;
}

/** Indexes the current editor state. Call inside `editor.read()` / `editor.update()`. */
export function $buildOffsetIndex(): OffsetIndex {
  const texts: TextSpan[] = [];
  const ranges = new Map<NodeKey, { start: number; end: number }>();
  const walk = (node: LexicalNode, start: number): number => {
    let pos = start;
    if ($isElementNode(node)) {
      const children = node.getChildren();
      children.forEach((child, i) => {
        pos = walk(child, pos);
        if ($isElementNode(child) && !child.isInline() && i !== children.length - 1)
          pos += BLOCK_GAP;
      });
    } else {
      pos += node.getTextContentSize();
      if ($isTextNode(node)) texts.push({ key: node.getKey(), start, end: pos });
    }
    ranges.set(node.getKey(), { start, end: pos });
    return pos;
  };
  const length = walk($getRoot(), 0);
  return { texts, ranges, length };
}

/** Index of the first text span whose end is past `offset` (texts.length if none). */
function firstEndingAfter(texts: readonly TextSpan[], offset: number): number {
  let lo = 0;
  let hi = texts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((texts[mid] as TextSpan).end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last text span starting before `offset` (-1 if none). */
function lastStartingBefore(texts: readonly TextSpan[], offset: number): number {
  let lo = 0;
  let hi = texts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((texts[mid] as TextSpan).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The text point for a canonical offset. A range's `start` resolves to the text node holding the
 * character at the offset (skipping forward over separators and line breaks); its `end` to the
 * node holding the character before it. Null when no text lies on that side.
 */
export function pointAtOffset(
  index: OffsetIndex,
  offset: number,
  edge: 'start' | 'end',
): (TextPoint & { at: number }) | null {
  if (edge === 'start') {
    const at = firstEndingAfter(index.texts, offset);
    const span = index.texts[at];
    return span ? { key: span.key, offset: Math.max(0, offset - span.start), at } : null;
  }
  const at = lastStartingBefore(index.texts, offset);
  const span = index.texts[at];
  return span ? { key: span.key, offset: Math.min(offset, span.end) - span.start, at } : null;
}

/** `pointAtOffset` on the current state (builds an index: for one-off use). */
export function $pointAtOffset(offset: number, edge: 'start' | 'end'): TextPoint | null {
  const point = pointAtOffset($buildOffsetIndex(), offset, edge);
  return point && { key: point.key, offset: point.offset };
}

/** The canonical offset of a Lexical point (text or element point). */
export function offsetOfPoint(
  index: OffsetIndex,
  point: { key: NodeKey; offset: number; type: 'text' | 'element' },
): number | null {
  const range = index.ranges.get(point.key);
  if (!range) return null;
  if (point.type === 'text') return Math.min(range.start + point.offset, range.end);
  const node = $getNodeByKey(point.key);
  if (!$isElementNode(node)) return null;
  const child = node.getChildAtIndex(point.offset);
  return child ? (index.ranges.get(child.getKey())?.start ?? null) : range.end;
}
