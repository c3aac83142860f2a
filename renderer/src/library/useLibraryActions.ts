/** What the library list does to articles: trash (with Undo), read state, collections. */
import { useMemo } from 'react';
import type { ArticleSummary } from '../../../electron/model/articles';
import { invoke } from '../api/client';
import { useReportError, useToaster } from '../app/toasterContext';
import { useUndoableDelete } from '../app/useUndoableDelete';

const named = (articles: readonly ArticleSummary[]) =>
  articles.length === 1
    ? `“${articles[0]!.title.trim() || 'Untitled'}”`
    : `${articles.length} articles`;

export interface LibraryActions {
  trash(articles: readonly ArticleSummary[]): Promise<void>;
  setRead(articles: readonly ArticleSummary[], read: boolean): Promise<void>;
  addToCollection(articles: readonly ArticleSummary[], name: string): Promise<void>;
  removeFromCollection(articles: readonly ArticleSummary[], name: string): Promise<void>;
}

export function useLibraryActions(): LibraryActions {
  const offerUndo = useUndoableDelete();
  const reportError = useReportError();
  const { show } = useToaster();
  return useMemo(() => {
    const ids = (articles: readonly ArticleSummary[]) => articles.map((a) => a.id);
    return {
      trash: async (articles) => {
        if (!articles.length) return;
        try {
          await invoke('articles.trash', { ids: ids(articles) });
          const what = named(articles);
          offerUndo(
            `Moved ${what} to the trash`,
            () => void invoke('articles.restore', { ids: ids(articles) }).catch(reportError),
            `Undo moving ${what} to the trash`,
          );
        } catch (error) {
          reportError(error);
        }
      },
      setRead: async (articles, read) => {
        try {
          await invoke('articles.markRead', { ids: ids(articles), read });
        } catch (error) {
          reportError(error);
        }
      },
      addToCollection: async (articles, name) => {
        try {
          const c = await invoke('collections.add', { name, ids: ids(articles) });
          show('success', `Added ${named(articles)} to ${c.name}`);
        } catch (error) {
          reportError(error);
        }
      },
      removeFromCollection: async (articles, name) => {
        try {
          const c = await invoke('collections.remove', { name, ids: ids(articles) });
          show('success', `Removed ${named(articles)} from ${c.name}`);
        } catch (error) {
          reportError(error);
        }
      },
    };
  }, [offerUndo, reportError, show]);
}
