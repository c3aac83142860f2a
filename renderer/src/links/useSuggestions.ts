import type { EntityRef, LinkEnd } from '../../../electron/model/links';
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

/**
 * Articles, passages and notes matching what was typed, from `links.suggest`; `exclude` (the
 * link's source, the note being written) is never offered.
 */
export function useSuggestions(
  query: string,
  enabled: boolean,
  limit = LIMIT,
  exclude?: EntityRef,
): Suggestions {
  // The input is compared as JSON: a new object for the same values asks nothing again.
  const input = enabled ? { query, limit, exclude: exclude ? [exclude] : [] } : null;
  const found = useLibraryQuery('links.suggest', input, null, {
    debounceMs: DEBOUNCE_MS,
    keepPrevious: true,
  });
  return {
    items: found.error === null ? (found.data ?? NONE) : NONE,
    loading: found.loading,
    error: found.error?.message ?? null,
  };
}
