import { BLOCK_SEPARATOR, blockText, type Body } from '../../../electron/model/body';
import type { PageStart } from '../../../electron/model/pages';

/**
 * Which top-level block each printed page starts at: `[blockIndex, label]` pairs, in order. A
 * page starting inside a block (an edited text) marks the block that holds its start.
 */
export function pageBreakBlocks(
  body: Body,
  pages: readonly PageStart[] | undefined,
): Array<[number, string]> {
  if (!pages?.length || !body.blocks.length) return [];
  const out: Array<[number, string]> = [];
  let block = 0;
  let blockEnd = blockText(body.blocks[0]!).length;
  for (const page of pages) {
    while (block + 1 < body.blocks.length && page.start > blockEnd) {
      block++;
      const blockStart = blockEnd + BLOCK_SEPARATOR.length;
      blockEnd = blockStart + blockText(body.blocks[block]!).length;
    }
    if (page.start > blockEnd) break; // past the text (stale page starts)
    if (out.at(-1)?.[0] === block)
      out[out.length - 1] = [block, page.label]; // two starts in one block: the later page
    else out.push([block, page.label]);
  }
  return out;
}
