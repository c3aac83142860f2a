/**
 * The structured body of an article, as stored in the library and rendered by the reader.
 *
 * Runtime-neutral (used by the core, the CLI and the renderer); the types are inferred from the
 * schemas the API validates bodies with. The canonical plain
 * text of an article is derived from its body by `bodyToText` and nothing else, so that text
 * offsets (search hits, passage anchors) mean the same thing everywhere.
 */

import { z } from 'zod';

export const INLINE_MARKS = ['bold', 'italic', 'code'] as const;
export type InlineMark = (typeof INLINE_MARKS)[number];

export const InlineSchema = z.object({
  text: z.string(),
  /** Absolute http(s)/mailto URL; anything else is dropped at import. */
  href: z.string().optional(),
  marks: z.array(z.enum(INLINE_MARKS)).optional(),
});
export type Inline = z.output<typeof InlineSchema>;

const InlineList = z.array(InlineSchema);
export const BlockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('heading'),
    level: z.union([
      z.literal(1),
      z.literal(2),
      z.literal(3),
      z.literal(4),
      z.literal(5),
      z.literal(6),
    ]),
    content: InlineList,
  }),
  z.object({ type: z.literal('paragraph'), content: InlineList }),
  z.object({ type: z.literal('quote'), content: InlineList }),
  z.object({ type: z.literal('caption'), content: InlineList }),
  /**
   * The words drawn inside a figure (axis labels, tick values, a diagram's node labels) in
   * reading order: text that search finds, but not prose; the reader sets it apart. Its caption,
   * if any, is a caption block of its own after it.
   */
  z.object({ type: z.literal('figure'), content: InlineList }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(InlineList) }),
  z.object({ type: z.literal('code'), text: z.string() }),
  /**
   * A picture kept in the library (`images`, named by the sha256 of its bytes). Its text is its
   * alt text, which may be empty; a caption under it is a caption block of its own.
   */
  z.object({
    type: z.literal('image'),
    src: z.string().regex(/^[0-9a-f]{64}$/, 'must be the sha256 of a kept image'),
    content: InlineList,
  }),
]);
export type Block = z.output<typeof BlockSchema>;

export const BodySchema = z.object({ version: z.literal(1), blocks: z.array(BlockSchema) });
export type Body = z.output<typeof BodySchema>;

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

/** The kept images a body shows, each once, in order. */
export function bodyImages(body: Body): string[] {
  const out = new Set<string>();
  for (const block of body.blocks) if (block.type === 'image') out.add(block.src);
  return [...out];
}

export function makeBody(blocks: Block[]): Body {
  return { version: 1, blocks };
}
