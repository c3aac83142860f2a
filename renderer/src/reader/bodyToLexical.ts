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
import { bodyHeadingLevel } from './headingLevel';
import { $createCaptionNode } from './nodes/CaptionNode';
import { $createCodeBlockNode } from './nodes/CodeBlockNode';

const LINK_ATTRIBUTES = { rel: 'noopener noreferrer', target: '_blank' } as const;

/** Text split at newlines into TextNodes and LineBreakNodes (a TextNode must not hold "\n"). */
function textNodes(text: string, marks: readonly InlineMark[] | undefined): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) nodes.push($createLineBreakNode());
    if (line === '') return;
    const node = $createTextNode(line);
    for (const mark of new Set(marks ?? [])) node.toggleFormat(mark);
    nodes.push(node);
  });
  return nodes;
}

/** Appends inline spans; consecutive spans with the same href share one LinkNode. */
function $appendInlines(parent: ElementNode, content: readonly Inline[]): void {
  let link: ElementNode | null = null;
  let linkHref: string | null = null;
  for (const span of content) {
    if (span.text === '') continue;
    const nodes = textNodes(span.text, span.marks);
    if (span.href === undefined) {
      link = null;
      linkHref = null;
      parent.append(...nodes);
      continue;
    }
    if (link === null || linkHref !== span.href) {
      link = $createLinkNode(span.href, LINK_ATTRIBUTES);
      linkHref = span.href;
      parent.append(link);
    }
    link.append(...nodes);
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

function $blockNode(block: Block, shift: number): ElementNode {
  switch (block.type) {
    case 'heading': {
      const node = $createHeadingNode(headingTag(block.level, shift));
      // The shown tag can't always say the level (h5 and h6 both show as h6 after a shift).
      $setState(node, bodyHeadingLevel, block.level);
      $appendInlines(node, block.content);
      return node;
    }
    case 'paragraph': {
      const node = $createParagraphNode();
      $appendInlines(node, block.content);
      return node;
    }
    case 'quote': {
      const node = $createQuoteNode();
      $appendInlines(node, block.content);
      return node;
    }
    case 'caption': {
      const node = $createCaptionNode();
      $appendInlines(node, block.content);
      return node;
    }
    case 'list': {
      const list = $createListNode(block.ordered ? 'number' : 'bullet');
      for (const item of block.items) {
        const listItem = $createListItemNode();
        $appendInlines(listItem, item);
        list.append(listItem);
      }
      return list;
    }
    case 'code': {
      const node = $createCodeBlockNode();
      node.append(...textNodes(block.text, undefined));
      return node;
    }
  }
}

/** Replaces the root's children with the body's blocks. Call inside `editor.update()`. */
export function $setBody(body: Body): void {
  const root = $getRoot();
  root.clear();
  const shift = headingShift(body.blocks);
  for (const block of body.blocks) root.append($blockNode(block, shift));
}
