import { useEffect, useState } from 'react';
import type { Article } from '../../../electron/model/articles';
import { invoke } from '../api/client';
import { errorCode, errorText } from '../api/errors';

export type ArticleState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; article: Article }
  | { status: 'missing' }
  | { status: 'error'; message: string };

/**
 * The open article, fetched again whenever `revision` changes (a change event named it).
 * A refetch keeps the current article on screen until the new one arrives.
 */
export function useArticle(id: string | null, revision: number): ArticleState {
  const [state, setState] = useState<ArticleState>({ status: 'none' });
  const [shownId, setShownId] = useState<string | null>(null);

  if (id !== shownId) {
    // A different article: drop the old one right away (render-time reset, no stale flash).
    setShownId(id);
    setState(id === null ? { status: 'none' } : { status: 'loading' });
  }

  useEffect(() => {
    if (id === null) return;
    let current = true;
    invoke('articles.get', { id }).then(
      (article) => {
        if (current) setState({ status: 'ready', article });
      },
      (error: unknown) => {
        if (!current) return;
        setState(
          errorCode(error) === 'not_found'
            ? { status: 'missing' }
            : { status: 'error', message: errorText(error) },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [id, revision]);

  return state;
}
