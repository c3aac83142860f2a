import type { Article } from '../../../electron/model/articles';
import type { Change } from '../../../electron/model/changes';
import { useLibraryQuery } from '../app/useLibraryQuery';

export type ArticleState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; article: Article }
  | { status: 'missing' }
  | { status: 'error'; message: string };

export interface OpenArticle {
  state: ArticleState;
  /**
   * The article changed here: put in place as saved (its own change event then fetches nothing),
   * or, without it, fetched again.
   */
  saved: (article?: Article) => void;
}

/** The article's row, and its tag assignments (the article shows its tags). */
const articleRows =
  (id: string) =>
  (change: Change): boolean =>
    (change.entity === 'article' && change.id === id) ||
    (change.entity === 'article_tag' && change.id.startsWith(`${id}/`));

/**
 * The open article, fetched again when a change event names it (or its tags); a refetch keeps
 * the current article on screen until the new one arrives.
 */
export function useArticle(id: string | null): OpenArticle {
  const query = useLibraryQuery('articles.get', id === null ? null : { id }, (change, article) =>
    id === null
      ? false
      : articleRows(id)(change) ||
        // A renamed or deleted tag changes the names it shows.
        (change.entity === 'tag' && change.op !== 'insert' && (article?.tags.length ?? 0) > 0),
  );
  const { data, error, set, refresh } = query;
  const state: ArticleState =
    id === null
      ? { status: 'none' }
      : error !== null
        ? error.code === 'not_found'
          ? { status: 'missing' }
          : { status: 'error', message: error.message }
        : data !== null
          ? { status: 'ready', article: data }
          : { status: 'loading' };
  return {
    state,
    saved: (article) => {
      if (!article) refresh();
      else if (article.id === id) set(() => article, articleRows(article.id));
    },
  };
}
