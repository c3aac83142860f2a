/**
 * The structured body of an article, as stored in the library and rendered by the reader.
 *
 * This module is runtime-neutral (used by the core, the CLI and the renderer). The canonical plain
 * text of an article is derived from its body by `bodyToText` and nothing else, so that text
 * offsets (search hits, passage anchors) mean the same thing everywhere.
 */

export type InlineMark = 'bold' | 'italic' | 'code';

export interface Inline {
  text: string;
  /** Absolute http(s)/mailto URL; anything else is dropped at import. */
  href?: string;
  marks?: InlineMark[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'quote'; content: Inline[] }
  | { type: 'caption'; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'code'; text: string };

export interface Body {
  version: 1;
  blocks: Block[];
}

/**
 * Separators in the canonical text. List items are blocks too: Lexical puts "\n\n" between
 * every pair of block elements, and the reader's text offsets must equal the canonical ones.
 */
export const BLOCK_SEPARATOR = '\n\n';
export const LIST_ITEM_SEPARATOR = '\n\n';

export function inlineText(content: readonly Inline[]): string {
  let out = '';
  for (const span of content) out += span.text;
  return out;
}

export function blockText(block: Block): string {
  switch (block.type) {
    case 'list':
      return block.items.map(inlineText).join(LIST_ITEM_SEPARATOR);
    case 'code':
      return block.text;
    default:
      return inlineText(block.content);
  }
}

/** The article's canonical plain text. */
export function bodyToText(body: Body): string {
  return body.blocks.map(blockText).join(BLOCK_SEPARATOR);
}

export function paragraph(text: string): Block {
  return { type: 'paragraph', content: [{ text }] };
}

export function makeBody(blocks: Block[]): Body {
  return { version: 1, blocks };
}
