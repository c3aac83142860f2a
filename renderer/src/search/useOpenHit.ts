import { useCallback } from 'react';
import type { SearchHit } from '../../../electron/model/search';
import { useNav } from '../app/navigation';
import type { ArticleSearchHit } from './useSearch';

/**
 * Opens any hit: a note beside the reader through the navigation (so Back returns), an article or
 * passage hit through `openInReader` (which scrolls to the hit and flashes it).
 */
export function useOpenHit(
  openInReader: (hit: ArticleSearchHit) => void,
): (hit: SearchHit) => void {
  const { go } = useNav();
  return useCallback(
    (hit: SearchHit) =>
      hit.kind === 'note' ? go({ kind: 'note', id: hit.id }) : openInReader(hit),
    [go, openInReader],
  );
}
