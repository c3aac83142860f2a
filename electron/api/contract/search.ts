/** Search over articles, passages and notes, and repairing its indexes. */
import { z } from 'zod';
import { SearchHitSchema, SearchKindSchema } from '../../model/search';
import { call } from './call';

export const searchContract = {
  'search.query': call({
    summary:
      'Search articles, passages and notes: words, "phrases", OR, -exclude, prefix*, tag:, kind:, site:, before:, after:, lang:.',
    input: z.object({
      query: z.string().max(10_000, 'query is longer than 10,000 characters'),
      kind: SearchKindSchema.optional(),
      limit: z.number().int().min(1).max(200).default(20),
      offset: z.number().int().min(0).max(10_000).default(0),
    }),
    output: z.object({
      total: z.number().int(),
      counts: z.object({
        article: z.number().int(),
        passage: z.number().int(),
        note: z.number().int(),
      }),
      /** Kinds whose count is an estimate ("about N"; ranked by title hits then newest, not bm25): see search.ts RANK_CAP. */
      estimated: z.array(SearchKindSchema),
      hits: z.array(SearchHitSchema),
    }),
    mutates: false,
    exposure: 'client',
  }),
  'search.reindex': call({
    summary: 'Rebuild the search indexes from the library (repair).',
    input: z.object({}),
    output: z.object({ problemsBefore: z.array(z.string()), problemsAfter: z.array(z.string()) }),
    mutates: false,
    exposure: 'client',
  }),
} as const;
