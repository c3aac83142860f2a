/**
 * The inverse of `bodyToLexical`: the (edited) editor tree back into a `Body`. Highlights
 * (MarkNodes) and other inline wrappers are transparent; links keep their URL only when the
 * reader could open it, as at import. Call inside `editor.read()`.
 */
import { $isImageNode } from '../reader/nodes/ImageNode';
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListItemNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $getRoot,
  $getState,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import type { Block, Body, Inline, InlineMark } from '../../../electron/model/body';
import { openableUrl } from '../externalLinks/externalUrl';
import { bodyHeadingLevel } from '../reader/headingLevel';
import { $isCaptionNode } from '../reader/nodes/CaptionNode';
import { $isFigureTextNode } from '../reader/nodes/FigureTextNode';
import { $isCodeBlockNode } from '../reader/nodes/CodeBlockNode';

const MARK_ORDER: readonly InlineMark[] = ['bold', 'italic', 'code'];

class InlineBuilder {
  readonly spans: Inline[] = [];

  add(text: string, marks: readonly InlineMark[], href: string | undefined): void {
    if (text === '') return;
    const last = this.spans[this.spans.length - 1];
    if (last && last.href === href && sameMarks(last.marks ?? [], marks)) {
      last.text += text;
      return;
    }
    const span: Inline = { text };
    if (href !== undefined) span.href = href;
    if (marks.length > 0) span.marks = [...marks];
    this.spans.push(span);
  }

  /** A line break continues whatever span came before it (it has no format of its own). */
  addBreak(href: string | undefined): void {
    const last = this.spans[this.spans.length - 1];
    if (last && last.href === href) last.text += '\n';
    else this.add('\n', [], href);
  }
}

function sameMarks(a: readonly InlineMark[], b: readonly InlineMark[]): boolean {
  return a.length === b.length && a.every((mark, i) => mark === b[i]);
}

function $collectInlines(node: LexicalNode, out: InlineBuilder, href: string | undefined): void {
  if ($isTextNode(node)) {
    out.add(
      node.getTextContent(),
      MARK_ORDER.filter((mark) => node.hasFormat(mark)),
      href,
    );
  } else if ($isLineBreakNode(node)) {
    out.addBreak(href);
  } else if ($isLinkNode(node)) {
    const url = node.getURL();
    const linkHref = openableUrl(url) !== null ? url : undefined;
    for (const child of node.getChildren()) $collectInlines(child, out, linkHref);
  } else if ($isElementNode(node)) {
    for (const child of node.getChildren()) $collectInlines(child, out, href);
  } else {
    out.add(node.getTextContent(), [], href);
  }
}

function $inlines(element: ElementNode): Inline[] {
  const out = new InlineBuilder();
  for (const child of element.getChildren()) {
    // A list nested in an item (Tab in some editors) is flattened by the list, not inlined here.
    if ($isListNode(child)) continue;
    $collectInlines(child, out, undefined);
  }
  return out.spans;
}

/** Items of a list in reading order; nested lists are flattened into it. */
function $listItems(list: ElementNode): Inline[][] {
  const items: Inline[][] = [];
  for (const child of list.getChildren()) {
    if (!$isListItemNode(child)) continue;
    const item = child as ListItemNode;
    const nested = item.getChildren().filter($isListNode);
    const own = $inlines(item);
    if (own.length > 0 || nested.length === 0) items.push(own);
    for (const sub of nested) items.push(...$listItems(sub));
  }
  return items;
}

function $block(node: LexicalNode, shift: number): Block {
  if ($isHeadingNode(node)) {
    const tagLevel = Number(node.getTag().slice(1));
    const level = $getState(node, bodyHeadingLevel) ?? Math.min(6, Math.max(1, tagLevel - shift));
    return { type: 'heading', level: level as 1 | 2 | 3 | 4 | 5 | 6, content: $inlines(node) };
  }
  if ($isQuoteNode(node)) return { type: 'quote', content: $inlines(node) };
  if ($isCaptionNode(node)) return { type: 'caption', content: $inlines(node) };
  if ($isFigureTextNode(node)) return { type: 'figure', content: $inlines(node) };
  if ($isCodeBlockNode(node)) return { type: 'code', text: node.getTextContent() };
  if ($isImageNode(node)) return { type: 'image', src: node.getSrc(), content: $inlines(node) };
  if ($isListNode(node))
    return { type: 'list', ordered: node.getListType() === 'number', items: $listItems(node) };
  if ($isParagraphNode(node) || $isElementNode(node))
    return { type: 'paragraph', content: $inlines(node as ElementNode) };
  const out = new InlineBuilder();
  $collectInlines(node, out, undefined);
  return { type: 'paragraph', content: out.spans };
}

/**
 * @param shift what `headingShift` was when the tree was built: gives the level of a heading that
 *   has none recorded (one made by splitting a heading while editing).
 */
export function $lexicalToBody(shift = 0): Body {
  return {
    version: 1,
    blocks: $getRoot()
      .getChildren()
      .map((node) => $block(node, shift)),
  };
}

const hasText = (content: readonly Inline[]) => content.some((span) => span.text.trim() !== '');

/** Empty blocks and list items are what's left of deleted text (or a stray Enter): drop them. */
export function withoutEmptyBlocks(body: Body): Body {
  const blocks: Block[] = [];
  for (const block of body.blocks) {
    if (block.type === 'code') {
      if (block.text.trim() !== '') blocks.push(block);
    } else if (block.type === 'image') {
      // The picture is the content: it stays without alt text.
      blocks.push(block);
    } else if (block.type === 'list') {
      const items = block.items.filter(hasText);
      if (items.length > 0) blocks.push({ ...block, items });
    } else if (hasText(block.content)) {
      blocks.push(block);
    }
  }
  return { version: 1, blocks };
}
