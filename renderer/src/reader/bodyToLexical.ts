/**
 * Builds the reader's Lexical tree from an article body. The tree's text content must equal the
 * canonical text (`bodyToText`) character for character, because highlights are placed by
 * canonical-text offsets: nothing may be added, dropped or normalized here.
 */
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $setState,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import {
  blockText,
  type Block,
  type Body,
  type Inline,
  type InlineMark,
} from '../../../electron/model/body';
import { markSegments, type IdRange, type Segment } from '../passages/markSegments';
import { $createPassageMarkNode } from '../passages/PassageMarkNode';
import { bodyHeadingLevel } from './headingLevel';
import { $createCaptionNode } from './nodes/CaptionNode';
import { $createFigureTextNode } from './nodes/FigureTextNode';
import { $createCodeBlockNode } from './nodes/CodeBlockNode';
import { $createImageNode } from './nodes/ImageNode';

const LINK_ATTRIBUTES = { rel: 'noopener noreferrer', target: '_blank' } as const;

const BLOCK_GAP = 2; // "\n\n" between sibling blocks, as Lexical's getTextContent has it

/** A mark still being filled: text pieces of one segment that meet in one parent share it. */
interface PendingMark {
  segment: number;
  ids: readonly string[];
  children: LexicalNode[];
}

/** A parent's children as they are built: nodes, and marks made into nodes at the end. */
type Piece = LexicalNode | PendingMark;

function isPendingMark(piece: Piece): piece is PendingMark {
  return 'segment' in piece;
}

/**
 * Where the build is in the canonical text, and the passage segments still ahead. Marks are made
 * while the text nodes are created (a string split, not `splitText` on a built tree), so opening
 * an article with many passages costs one pass and one update. Children are gathered in arrays
 * and appended once per parent: Lexical's append makes the parent writable on every call.
 */
class Cursor {
  offset = 0;
  private next = 0;
  constructor(readonly segments: readonly Segment[]) {}

  /** Continues at `offset` (a block's start) with the segments ending after it (they are disjoint, so sorted by end too). */
  moveTo(offset: number): void {
    this.offset = offset;
    let lo = 0;
    let hi = this.segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.segments[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    this.next = lo;
  }

  /** Pieces for `text` at the current offset, added to `out`: text nodes, marked ones in marks. */
  pieces(text: string, marks: readonly InlineMark[] | undefined, out: Piece[]): void {
    const start = this.offset;
    const end = start + text.length;
    this.offset = end;
    const segments = this.segments;
    while (this.next < segments.length && segments[this.next]!.end <= start) this.next++;
    let at = start;
    for (let k = this.next; at < end; k++) {
      const segment = segments[k];
      if (!segment || segment.start >= end) {
        out.push(textNode(at === start ? text : text.slice(at - start), marks));
        break;
      }
      if (segment.start > at)
        out.push(textNode(text.slice(at - start, segment.start - start), marks));
      const from = Math.max(at, segment.start);
      const to = Math.min(end, segment.end);
      const node = textNode(
        from === start && to === end ? text : text.slice(from - start, to - start),
        marks,
      );
      // A segment crossing inline spans of one parent (bold, then plain) stays one mark.
      const last = out[out.length - 1];
      if (last !== undefined && isPendingMark(last) && last.segment === k) last.children.push(node);
      else out.push({ segment: k, ids: segment.ids, children: [node] });
      at = to;
    }
  }
}

function textNode(text: string, marks: readonly InlineMark[] | undefined): LexicalNode {
  const node = $createTextNode(text);
  if (marks !== undefined && marks.length > 0)
    for (const mark of new Set(marks)) node.toggleFormat(mark);
  return node;
}

/** Arguments per `append` call: a spread of a whole huge article would overflow the stack. */
const APPEND_CHUNK = 8192;

function $appendAll(parent: ElementNode, nodes: readonly LexicalNode[]): void {
  for (let i = 0; i < nodes.length; i += APPEND_CHUNK)
    parent.append(...nodes.slice(i, i + APPEND_CHUNK));
}

/** Appends the pieces in one call, each pending mark as a PassageMarkNode around its text. */
function $appendPieces(parent: ElementNode, pieces: readonly Piece[]): void {
  $appendAll(
    parent,
    pieces.map((piece) => {
      if (!isPendingMark(piece)) return piece;
      const mark = $createPassageMarkNode(piece.ids);
      $appendAll(mark, piece.children);
      return mark;
    }),
  );
}

/** Text split at newlines into TextNodes and LineBreakNodes (a TextNode must not hold "\n"). */
function textPieces(
  text: string,
  marks: readonly InlineMark[] | undefined,
  cursor: Cursor,
  out: Piece[],
): void {
  if (!text.includes('\n')) {
    cursor.pieces(text, marks, out);
    return;
  }
  text.split('\n').forEach((line, index) => {
    if (index > 0) {
      out.push($createLineBreakNode());
      cursor.offset += 1;
    }
    if (line !== '') cursor.pieces(line, marks, out);
  });
}

/** Appends inline spans; consecutive spans with the same href share one LinkNode. */
function $appendInlines(parent: ElementNode, content: readonly Inline[], cursor: Cursor): void {
  const children: Piece[] = [];
  let link: { href: string; node: ElementNode; children: Piece[] } | null = null;
  const closeLink = () => {
    if (link) $appendPieces(link.node, link.children);
    link = null;
  };
  for (const span of content) {
    if (span.text === '') continue;
    if (span.href === undefined) {
      closeLink();
      textPieces(span.text, span.marks, cursor, children);
      continue;
    }
    if (link === null || link.href !== span.href) {
      closeLink();
      link = { href: span.href, node: $createLinkNode(span.href, LINK_ATTRIBUTES), children: [] };
      children.push(link.node);
    }
    textPieces(span.text, span.marks, cursor, link.children);
  }
  closeLink();
  $appendPieces(parent, children);
}

/**
 * The article's <h1> is its title, so the body's top heading level becomes <h2> (a body using
 * h1 moves everything one level down; one starting at h2 stays) to keep the outline in order.
 */
export function headingShift(blocks: readonly Block[]): number {
  let top = 6;
  for (const block of blocks) if (block.type === 'heading') top = Math.min(top, block.level);
  return Math.max(0, 2 - top);
}

function headingTag(level: number, shift: number): HeadingTagType {
  return `h${Math.min(6, level + shift)}` as HeadingTagType;
}

function $blockNode(block: Block, shift: number, cursor: Cursor): ElementNode {
  switch (block.type) {
    case 'heading': {
      const node = $createHeadingNode(headingTag(block.level, shift));
      // The shown tag can't always say the level (h5 and h6 both show as h6 after a shift).
      $setState(node, bodyHeadingLevel, block.level);
      $appendInlines(node, block.content, cursor);
      return node;
    }
    case 'paragraph': {
      const node = $createParagraphNode();
      $appendInlines(node, block.content, cursor);
      return node;
    }
    case 'quote': {
      const node = $createQuoteNode();
      $appendInlines(node, block.content, cursor);
      return node;
    }
    case 'caption': {
      const node = $createCaptionNode();
      $appendInlines(node, block.content, cursor);
      return node;
    }
    case 'figure': {
      const node = $createFigureTextNode();
      $appendInlines(node, block.content, cursor);
      return node;
    }
    case 'list': {
      const list = $createListNode(block.ordered ? 'number' : 'bullet');
      block.items.forEach((item, i) => {
        if (i > 0) cursor.offset += BLOCK_GAP;
        const listItem = $createListItemNode();
        $appendInlines(listItem, item, cursor);
        list.append(listItem);
      });
      return list;
    }
    case 'image': {
      const node = $createImageNode(block.src);
      $appendInlines(node, block.content, cursor);
      return node;
    }
    case 'code': {
      const node = $createCodeBlockNode();
      const children: Piece[] = [];
      textPieces(block.text, undefined, cursor, children);
      $appendPieces(node, children);
      return node;
    }
  }
}

/**
 * Replaces the root's children with the body's blocks, with the passages in `ranges` (canonical
 * offsets) already wrapped in PassageMarkNodes: the same tree as `$applyPassageMarks` makes on a
 * bare body, built in the same pass. Call inside `editor.update()` of an editor with the reader's
 * nodes (marks need PassageMarkNode; without ranges any editor will do).
 */
export function $setBody(body: Body, ranges: readonly IdRange[] = []): void {
  const root = $getRoot();
  root.clear();
  const shift = headingShift(body.blocks);
  // Ranges past the end are clipped by the text itself: no text, no mark.
  const cursor = new Cursor(markSegments(ranges, Number.MAX_SAFE_INTEGER));
  const blocks = body.blocks.map((block, i) => {
    if (i > 0) cursor.offset += BLOCK_GAP;
    return $blockNode(block, shift, cursor);
  });
  $appendAll(root, blocks);
}

/** Where each top-level block of `body` starts in the canonical text (as `$setBody` counts). */
export function blockStarts(body: Body): number[] {
  const starts: number[] = [];
  let at = 0;
  body.blocks.forEach((block, i) => {
    if (i > 0) at += BLOCK_GAP;
    starts.push(at);
    at += blockText(block).length;
  });
  return starts;
}

/**
 * Builds the top-level blocks `indices` of `body` again, with the passage `segments` (from
 * `markSegments`) in PassageMarkNodes, in place of the root's children at those indices: the same
 * nodes `$setBody(body, ranges)` makes for them. The root must show `body` (block i is child i);
 * `starts` is `blockStarts(body)`. This is how highlights painted at open become MarkNodes a few
 * blocks at a time, and how a changed passage re-renders only its own blocks.
 */
export function $rebuildBlocks(
  body: Body,
  segments: readonly Segment[],
  starts: readonly number[],
  indices: Iterable<number>,
): void {
  const root = $getRoot();
  const shift = headingShift(body.blocks);
  const cursor = new Cursor(segments);
  for (const i of indices) {
    const block = body.blocks[i];
    const old = root.getChildAtIndex(i);
    if (block === undefined || old === null) continue;
    cursor.moveTo(starts[i]!);
    old.replace($blockNode(block, shift, cursor));
  }
}
