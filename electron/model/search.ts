/** Search hits as every client shows them. */
import { z } from 'zod';
import { Id } from './ids';

export const SEARCH_KINDS = ['article', 'passage', 'note'] as const;
export const SearchKindSchema = z.enum(SEARCH_KINDS);

const searchHitFields = {
  id: Id,
  /** The article's title (a passage's article), or the note's. */
  title: z.string(),
  /** Text around the first hits; each hit between U+0002 and U+0003 (render them as marks, never as HTML). */
  snippet: z.string(),
  score: z.number(),
  /** A passage's or note's tags that the query's words hit, marked as in `snippet`; absent when none. */
  matchedTags: z.array(z.string()).optional(),
};
/** An article or passage hit names its article and where to scroll in it; a note hit has neither. */
export const SearchHitSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: SearchKindSchema.exclude(['note']),
    ...searchHitFields,
    articleId: Id,
    start: z.number().int().optional(),
    end: z.number().int().optional(),
  }),
  z.object({ kind: z.literal('note'), ...searchHitFields }),
]);

/** Hit delimiters inside `SearchHit.snippet`. */
export const SNIPPET_HIT_OPEN = '\u0002';
export const SNIPPET_HIT_CLOSE = '\u0003';

export type SearchKind = z.output<typeof SearchKindSchema>;
export type SearchHit = z.output<typeof SearchHitSchema>;
