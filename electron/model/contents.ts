/**
 * An article's table of contents from its body's headings, each at its offset in the canonical
 * text (bodyToText), so a jump lands where search hits and passages do. Runtime-neutral.
 */
import { BLOCK_SEPARATOR, blockText, inlineText, type Body } from './body';

export interface ContentsEntry {
  level: number;
  title: string;
  /** Where the heading starts in the canonical text. */
  start: number;
}

export function bodyContents(body: Body): ContentsEntry[] {
  const out: ContentsEntry[] = [];
  let at = 0;
  for (const block of body.blocks) {
    if (block.type === 'heading') {
      const title = inlineText(block.content).trim();
      if (title) out.push({ level: block.level, title, start: at });
    }
    at += blockText(block).length + BLOCK_SEPARATOR.length;
  }
  return out;
}

/** The entry whose section holds `offset` (the last one starting at or before it), or -1. */
export function currentEntry(contents: readonly ContentsEntry[], offset: number): number {
  let found = -1;
  for (let i = 0; i < contents.length && contents[i]!.start <= offset; i++) found = i;
  return found;
}
