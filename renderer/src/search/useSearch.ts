import { useEffect, useRef, useState } from 'react';
import type { Output, SearchHit } from '../../../electron/api/contract';
import { invoke } from '../api/client';

export type SearchKind = 'article' | 'passage';
export type SearchResult = Output<'search.query'>;

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
export function useSearch(query: string, options: { kind?: SearchKind; limit: number }): SearchState {
  const [state, setState] = useState<SearchState>({ query: '', result: null, loading: false, error: null });
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
          if (mine === seq.current) setState({ query: q, result: null, loading: false, error: error instanceof Error ? error.message : String(error) });
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
  for (const kind of ['article', 'passage'] as const) {
    const of = hits.filter((h) => h.kind === kind);
    if (of.length > 0) groups.push({ kind, hits: of });
  }
  return groups;
}

export const KIND_LABEL: Record<SearchKind, string> = { article: 'Articles', passage: 'Passages' };
