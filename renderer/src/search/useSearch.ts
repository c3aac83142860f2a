import type { Output } from '../../../electron/api/contract';
import type { SearchHit, SearchKind } from '../../../electron/model/search';
import { useLibraryQuery } from '../app/useLibraryQuery';

export type SearchResult = Output<'search.query'>;
/** A hit that opens in the reader (a note hit opens beside it: see `useOpenHit`). */
export type ArticleSearchHit = Exclude<SearchHit, { kind: 'note' }>;

export interface SearchState {
  /** The query typed (trimmed); `result` answers it unless `loading`. */
  query: string;
  result: SearchResult | null;
  loading: boolean;
  error: string | null;
}

const DEBOUNCE_MS = 120;

/**
 * Search as you type: waits for a pause in typing; until the new query's answer comes, the last
 * one stays (marked loading). Not refetched on changes: the hits answer what was typed.
 */
export function useSearch(
  query: string,
  options: { kind?: SearchKind; limit: number },
): SearchState {
  const q = query.trim();
  const { kind, limit } = options;
  const search = useLibraryQuery(
    'search.query',
    q === '' ? null : kind ? { query: q, kind, limit } : { query: q, limit },
    null,
    { debounceMs: DEBOUNCE_MS, keepPrevious: true },
  );
  if (q === '') return { query: '', result: null, loading: false, error: null };
  return {
    query: q,
    result: search.error ? null : search.data,
    loading: search.loading,
    error: search.error?.message ?? null,
  };
}

/** Hits grouped by kind, articles first; the flat order is the keyboard order. */
export function groupHits(hits: readonly SearchHit[]): { kind: SearchKind; hits: SearchHit[] }[] {
  const groups: { kind: SearchKind; hits: SearchHit[] }[] = [];
  for (const kind of ['article', 'passage', 'note'] as const) {
    const of = hits.filter((h) => h.kind === kind);
    if (of.length > 0) groups.push({ kind, hits: of });
  }
  return groups;
}

export const KIND_LABEL: Record<SearchKind, string> = {
  article: 'Articles',
  passage: 'Passages',
  note: 'Notes',
};

/**
 * A count as shown: "about 98,000" when the search estimated it (a match too large to count
 * and rank exactly: see `estimated` in the search.query contract).
 */
export function formatCount(n: number, estimated: boolean): string {
  const s = n.toLocaleString('en-US');
  return estimated ? `about ${s}` : s;
}

/** The total as shown: an estimate when any kind it sums is one. */
export function formatTotal(result: SearchResult, kind?: SearchKind): string {
  const estimated = kind ? result.estimated.includes(kind) : result.estimated.length > 0;
  return formatCount(result.total, estimated);
}
