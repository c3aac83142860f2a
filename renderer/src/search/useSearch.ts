import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../electron/api/contract';
import type { SearchHit, SearchKind } from '../../../electron/model/search';
import { invoke } from '../api/client';

export type SearchResult = Output<'search.query'>;
/** A hit that opens in the reader (a note hit opens beside it: see `useOpenHit`). */
export type ArticleSearchHit = Exclude<SearchHit, { kind: 'note' }>;

export interface SearchState {
  /** The query the current result answers (trimmed). */
  query: string;
  result: SearchResult | null;
  loading: boolean;
  error: string | null;
}

const DEBOUNCE_MS = 120;

/**
 * Search as you type: waits for a pause in typing, and drops any answer that arrives after a
 * newer query was sent (responses can come back out of order).
 */
export function useSearch(
  query: string,
  options: { kind?: SearchKind; limit: number },
): SearchState {
  const [state, setState] = useState<SearchState>({
    query: '',
    result: null,
    loading: false,
    error: null,
  });
  const seq = useRef(0);
  const { kind, limit } = options;

  useEffect(() => {
    const q = query.trim();
    const mine = ++seq.current;
    if (q === '') {
      setState({ query: '', result: null, loading: false, error: null });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      invoke('search.query', kind ? { query: q, kind, limit } : { query: q, limit }).then(
        (result) => {
          if (mine === seq.current) setState({ query: q, result, loading: false, error: null });
        },
        (error: unknown) => {
          if (mine === seq.current)
            setState({
              query: q,
              result: null,
              loading: false,
              error: error instanceof Error ? error.message : String(error),
            });
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, kind, limit]);

  return state;
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
