/**
 * An article's table of contents: the document's own (an EPUB's navigation, a PDF's outline,
 * stored at import in `articles.contents`) or else its body's headings. Each entry sits at its
 * offset in the canonical text (bodyToText), so a jump lands where search hits and passages do.
 * Runtime-neutral.
 */
import { z } from 'zod';
import { BLOCK_SEPARATOR, blockText, inlineText, type Body } from './body';

/** A document's own contents beyond this many entries are cut (a hostile book lists 100,000). */
export const MAX_CONTENTS_ENTRIES = 5000;
/** Nesting deeper than this is shown at this depth. */
export const MAX_CONTENTS_LEVEL = 6;
/** An entry's title is cut to this many characters. */
export const MAX_CONTENTS_TITLE = 300;

export const ContentsEntrySchema = z.object({
  /** 1 for a top-level entry, 2 for one nested in it… */
  level: z.number().int().min(1).max(MAX_CONTENTS_LEVEL),
  title: z.string().min(1).max(MAX_CONTENTS_TITLE),
  /** Where the entry's target starts in the canonical text. */
  start: z.number().int().nonnegative(),
});
export type ContentsEntry = z.output<typeof ContentsEntrySchema>;

export const ContentsSchema = z.array(ContentsEntrySchema).max(MAX_CONTENTS_ENTRIES);

/**
 * A document's own entries, made fit to store: titles trimmed and cut, levels clamped, entries
 * past the text's end or beyond the limit dropped. Starts may go backwards (a book's contents may
 * list an appendix before the chapter it follows); the reader marks the entry nearest above.
 */
export function boundedContents(
  entries: Iterable<{ level: number; title: string; start: number }>,
  textLength: number,
): ContentsEntry[] {
  const out: ContentsEntry[] = [];
  for (const e of entries) {
    if (out.length >= MAX_CONTENTS_ENTRIES) break;
    const title = e.title.replace(/\s+/g, ' ').trim().slice(0, MAX_CONTENTS_TITLE).trim();
    if (!title || !Number.isInteger(e.start) || e.start < 0 || e.start > textLength) continue;
    const level = Math.min(Math.max(1, Math.floor(e.level)), MAX_CONTENTS_LEVEL);
    out.push({ level, title, start: e.start });
  }
  return out;
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

/**
 * The entry whose section holds `offset`: the one starting nearest at or before it (the last such
 * in list order on a tie, so a chapter's first section wins over the chapter), or -1.
 */
export function currentEntry(contents: readonly ContentsEntry[], offset: number): number {
  let found = -1;
  for (let i = 0; i < contents.length; i++) {
    const start = contents[i]!.start;
    if (start <= offset && (found < 0 || start >= contents[found]!.start)) found = i;
  }
  return found;
}
