import { useEffect, useState } from 'react';
import type { LinkEnd } from '../../../electron/model/links';
import { invoke } from '../api/client';
import { errorText } from '../api/errors';

/** Wait after a keystroke before asking: typing fast asks once. */
const DEBOUNCE_MS = 120;
const LIMIT = 20;

export interface Suggestions {
  /** For `query`; an older answer arriving late is dropped. */
  items: LinkEnd[];
  loading: boolean;
  error: string | null;
}

/** Articles, passages and notes matching what was typed, from `links.suggest`. */
export function useSuggestions(query: string, enabled: boolean): Suggestions {
  const [state, setState] = useState<Suggestions & { query: string | null }>({
    query: null,
    items: [],
    loading: false,
    error: null,
  });

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      invoke('links.suggest', { query, limit: LIMIT }).then(
        (items) => live && setState({ query, items, loading: false, error: null }),
        (error: unknown) =>
          live && setState({ query, items: [], loading: false, error: errorText(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, enabled]);

  if (!enabled) return { items: [], loading: false, error: null };
  // Until this query's answer comes, the last answer stays (no flicker), marked loading.
  return {
    items: state.items,
    loading: state.loading || state.query !== query,
    error: state.error,
  };
}
