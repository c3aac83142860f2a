/**
 * What the library list does to articles — one, or the selection: trash (one Undo for all of
 * them), read state, collections. Each is one `articles.bulk` call: one transaction in the core.
 */
import { useMemo } from 'react';
import type { ArticleSummary } from '../../../electron/model/articles';
import type { ArticleSelection, BulkAction, BulkResult } from '../../../electron/model/library';
import { invoke } from '../api/client';
import { useReportError, useToaster } from '../app/toasterContext';
import { useUndoableDelete } from '../app/useUndoableDelete';

/** What an action acts on, and how messages name it. */
export interface Target {
  selection: ArticleSelection;
  /** “Title” for one article, “3 articles” for several. */
  what: string;
  count: number;
}

const titled = (article: ArticleSummary) => `“${article.title.trim() || 'Untitled'}”`;

export const countedArticles = (n: number) =>
  `${new Intl.NumberFormat().format(n)} ${n === 1 ? 'article' : 'articles'}`;

/** A target of loaded articles (a row, the rows selected on screen). */
export function articlesTarget(articles: readonly ArticleSummary[]): Target {
  return {
    selection: { kind: 'ids', ids: articles.map((a) => a.id) },
    what: articles.length === 1 ? titled(articles[0]!) : countedArticles(articles.length),
    count: articles.length,
  };
}

export interface LibraryActions {
  /** True when it was done (the caller clears the selection). */
  trash(target: Target): Promise<boolean>;
  setRead(target: Target, read: boolean): Promise<void>;
  addToCollection(target: Target, name: string): Promise<void>;
  removeFromCollection(target: Target, name: string): Promise<void>;
}

export function useLibraryActions(): LibraryActions {
  const offerUndo = useUndoableDelete();
  const reportError = useReportError();
  const { show } = useToaster();
  return useMemo(() => {
    const bulk = async (
      selection: ArticleSelection,
      action: BulkAction,
    ): Promise<BulkResult | null> => {
      try {
        return await invoke('articles.bulk', { selection, action });
      } catch (error) {
        reportError(error);
        return null;
      }
    };
    return {
      trash: async ({ selection, what }) => {
        const done = await bulk(selection, { kind: 'trash' });
        if (!done) return false;
        // Undo restores what this call put in the trash (by its instant): all of it at once.
        offerUndo(
          `Moved ${what} to the trash`,
          () =>
            void bulk({ kind: 'trashed', trashedAt: done.at }, { kind: 'restore' }).catch(
              reportError,
            ),
          `Undo moving ${what} to the trash`,
        );
        return true;
      },
      setRead: async ({ selection }, read) => {
        await bulk(selection, { kind: 'markRead', read });
      },
      addToCollection: async ({ selection, what }, name) => {
        if (!(await bulk(selection, { kind: 'addToCollection', name }))) return;
        show('success', `Added ${what} to ${name.trim()}`);
      },
      removeFromCollection: async ({ selection, what }, name) => {
        if (!(await bulk(selection, { kind: 'removeFromCollection', name }))) return;
        show('success', `Removed ${what} from ${name.trim()}`);
      },
    };
  }, [offerUndo, reportError, show]);
}
