import type { LinkEnd } from '../../../electron/model/links';
import { useLibraryQuery } from '../app/useLibraryQuery';

/** Wait after a keystroke before asking: typing fast asks once. */
const DEBOUNCE_MS = 120;
const LIMIT = 20;
const NONE: LinkEnd[] = [];

export interface Suggestions {
  /** For the query typed, or (while `loading`) the one before: no flicker. */
  items: LinkEnd[];
  loading: boolean;
  error: string | null;
}

/** Articles, passages and notes matching what was typed, from `links.suggest`. */
export function useSuggestions(query: string, enabled: boolean, limit = LIMIT): Suggestions {
  const found = useLibraryQuery('links.suggest', enabled ? { query, limit } : null, null, {
    debounceMs: DEBOUNCE_MS,
    keepPrevious: true,
  });
  return {
    items: found.error === null ? (found.data ?? NONE) : NONE,
    loading: found.loading,
    error: found.error?.message ?? null,
  };
}
