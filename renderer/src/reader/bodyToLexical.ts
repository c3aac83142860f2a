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
import type { Block, Body, Inline, InlineMark } from '../../../electron/core/body';
import { markSegments, type IdRange, type Segment } from '../passages/markSegments';
import { $createPassageMarkNode, $isPassageMarkNode, type PassageMarkNode } from '../passages/PassageMarkNode';
import { bodyHeadingLevel } from './headingLevel';
import { $createCaptionNode } from './nodes/CaptionNode';
import { $createCodeBlockNode } from './nodes/CodeBlockNode';

const LINK_ATTRIBUTES = { rel: 'noopener noreferrer', target: '_blank' } as const;

const BLOCK_GAP = 2; // "\n\n" between sibling blocks, as Lexical's getTextContent has it

/**
 * Where the build is in the canonical text, and the passage segments still ahead. Marks are made
 * while the text nodes are created (a string split, not `splitText` on a built tree), so opening
 * an article with many passages costs one pass and one update.
 */
class Cursor {
  offset = 0;
  private next = 0;
  /** Which segment each mark made here stands for: a segment crossing text nodes shares one mark. */
  readonly segmentOf = new WeakMap<PassageMarkNode, number>();
  constructor(readonly segments: readonly Segment[]) {}

  /** Nodes for `text` at the current offset: plain TextNodes, or MarkNodes around the marked parts. */
  pieces(text: string, marks: readonly InlineMark[] | undefined): LexicalNode[] {
    const start = this.offset;
    const end = start + text.length;
    this.offset = end;
    const out: LexicalNode[] = [];
    const segments = this.segments;
    while (this.next < segments.length && segments[this.next]!.end <= start) this.next++;
    let at = start;
    for (let k = this.next; at < end; k++) {
      const segment = segments[k];
      if (!segment || segment.start >= end) {
        out.push(textNode(text.slice(at - start), marks));
        break;
      }
      if (segment.start > at) out.push(textNode(text.slice(at - start, segment.start - start), marks));
      const from = Math.max(at, segment.start);
      const to = Math.min(end, segment.end);
      const mark = $createPassageMarkNode(segment.ids);
      mark.append(textNode(text.slice(from - start, to - start), marks));
      this.segmentOf.set(mark, k);
      out.push(mark);
      at = to;
    }
    return out;
  }
}

function textNode(text: string, marks: readonly InlineMark[] | undefined): LexicalNode {
  const node = $createTextNode(text);
  for (const mark of new Set(marks ?? [])) node.toggleFormat(mark);
  return node;
}

/** Text split at newlines into TextNodes and LineBreakNodes (a TextNode must not hold "\n"). */
function textNodes(text: string, marks: readonly InlineMark[] | undefined, cursor: Cursor): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) {
      nodes.push($createLineBreakNode());
      cursor.offset += 1;
    }
    if (line === '') return;
    nodes.push(...cursor.pieces(line, marks));
  });
  return nodes;
}

/** Appends nodes; a mark continuing the same segment as the parent's last mark joins it. */
function $appendMerged(parent: ElementNode, nodes: readonly LexicalNode[], cursor: Cursor): void {
  for (const node of nodes) {
    const last = parent.getLastChild();
    const segment = $isPassageMarkNode(node) ? cursor.segmentOf.get(node) : undefined;
    if (segment !== undefined && $isPassageMarkNode(node) && $isPassageMarkNode(last) && cursor.segmentOf.get(last) === segment) {
      last.append(...node.getChildren());
      continue;
    }
    parent.append(node);
  }
}

/** Appends inline spans; consecutive spans with the same href share one LinkNode. */
function $appendInlines(parent: ElementNode, content: readonly Inline[], cursor: Cursor): void {
  let link: ElementNode | null = null;
  let linkHref: string | null = null;
  for (const span of content) {
    if (span.text === '') continue;
    const nodes = textNodes(span.text, span.marks, cursor);
    if (span.href === undefined) {
      link = null;
      linkHref = null;
      $appendMerged(parent, nodes, cursor);
      continue;
    }
    if (link === null || linkHref !== span.href) {
      link = $createLinkNode(span.href, LINK_ATTRIBUTES);
      linkHref = span.href;
      parent.append(link);
    }
    $appendMerged(link, nodes, cursor);
  }
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
    case 'code': {
      const node = $createCodeBlockNode();
      node.append(...textNodes(block.text, undefined, cursor));
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
  body.blocks.forEach((block, i) => {
    if (i > 0) cursor.offset += BLOCK_GAP;
    root.append($blockNode(block, shift, cursor));
  });
}
