import { useCallback, useState } from 'react';
import { useShortcut } from '../app/useShortcut';
import type { Arrival } from '../reader/arrival';
import type { ArticleSearchHit } from './useSearch';

export interface SearchUi {
  paletteOpen: boolean;
  openPalette: () => void;
  closePalette: () => void;
  /** The query the results panel shows, or null when the library list is shown. */
  resultsQuery: string | null;
  showAll: (query: string) => void;
  closeResults: () => void;
  /** Opens an article or passage hit in the reader (note hits: see `useOpenHit`). */
  openHit: (hit: ArticleSearchHit) => void;
}

/** The app's search state: Ctrl/Cmd+K, the results panel, and opening a hit in the reader. */
export function useSearchUi(
  openArticle: (articleId: string) => void,
  arriveAt: (arrival: Arrival) => void,
): SearchUi {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [resultsQuery, setResultsQuery] = useState<string | null>(null);

  useShortcut('search', () => {
    // Not over another dialog: the palette would open beneath it.
    if (document.querySelector('dialog[open]:not(.search-palette)')) return false;
    setPaletteOpen(true);
  });

  const openHit = useCallback(
    (hit: ArticleSearchHit) => {
      openArticle(hit.articleId);
      arriveAt({ kind: 'range', articleId: hit.articleId, start: hit.start, end: hit.end });
    },
    [openArticle, arriveAt],
  );

  return {
    paletteOpen,
    openPalette: useCallback(() => setPaletteOpen(true), []),
    closePalette: useCallback(() => setPaletteOpen(false), []),
    resultsQuery,
    showAll: useCallback((query: string) => setResultsQuery(query), []),
    closeResults: useCallback(() => setResultsQuery(null), []),
    openHit,
  };
}
