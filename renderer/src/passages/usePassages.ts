import { useCallback, useEffect, useRef, useState } from 'react';
import type { Passage } from '../../../electron/api/contract';
import { invoke } from '../api/client';
import { errorText } from '../api/errors';
import { touches } from '../app/libraryEvents';
import { useLibraryEvents } from '../app/useLibraryEvents';

export interface PassagesState {
  /** Null until the first answer for this article. */
  passages: Passage[] | null;
  error: string | null;
  refresh: () => void;
}

/**
 * The open article's passages in reading order. Refetched on any passage or tag change (the
 * events name passage ids, not articles, and a CLI `passage add` must show up here); an answer
 * equal to what is shown keeps the same array, so the reader doesn't re-render its marks.
 */
export function usePassages(articleId: string | null): PassagesState {
  const [state, setState] = useState<{ id: string | null; passages: Passage[] | null; json: string; error: string | null }>({
    id: articleId,
    passages: null,
    json: '',
    error: null,
  });
  const latest = useRef(0);

  if (state.id !== articleId) setState({ id: articleId, passages: null, json: '', error: null });

  const refresh = useCallback(() => {
    if (articleId === null) return;
    const call = ++latest.current;
    invoke('passages.list', { articleId }).then(
      (passages) => {
        if (call !== latest.current) return;
        const json = JSON.stringify(passages);
        setState((prev) => (prev.id === articleId && prev.json === json ? prev : { id: articleId, passages, json, error: null }));
      },
      (error: unknown) => {
        if (call !== latest.current) return;
        setState((prev) => ({ ...prev, passages: prev.passages ?? [], error: errorText(error) }));
      },
    );
  }, [articleId]);

  useEffect(refresh, [refresh]);
  useLibraryEvents((event) => {
    if (touches(event, ['passage', 'passage_tag', 'tag', 'article'])) refresh();
  });

  return { passages: state.id === articleId ? state.passages : null, error: state.error, refresh };
}
