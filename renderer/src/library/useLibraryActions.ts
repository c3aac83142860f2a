/**
 * What the library list does to articles — one, or the selection: trash (one Undo for all of
 * them), read state, collections. Each is one `articles.bulk` call: one transaction in the core,
 * or for thousands of articles a job in batches whose progress bars `jobs` lists; what follows
 * the action (its Undo, its message) waits for the job's end.
 */
import { useMemo } from 'react';
import type { ArticleSummary } from '../../../electron/model/articles';
import type {
  ArticleSelection,
  BulkAction,
  BulkProgressEvent,
  BulkResult,
} from '../../../electron/model/library';
import { invoke } from '../api/client';
import { useReportError, useToaster } from '../app/toasterContext';
import { useUndoableDelete } from '../app/useUndoableDelete';
import { useBulkJobs } from './useBulkJobs';
import { titleOrUntitled } from '../../../electron/model/titles';

/** What an action acts on, and how messages name it. */
export interface Target {
  selection: ArticleSelection;
  /** “Title” for one article, “3 articles” for several. */
  what: string;
  count: number;
}

const titled = (article: ArticleSummary) => `“${titleOrUntitled(article.title.trim())}”`;

export const countedArticles = (n: number) =>
  `${new Intl.NumberFormat().format(n)} ${n === 1 ? 'article' : 'articles'}`;

/** “2,500 of 6,000 articles”: how far a job got. */
const partOf = ({ done, total }: BulkProgressEvent) =>
  `${new Intl.NumberFormat().format(done)} of ${countedArticles(total)}`;

/** A target of loaded articles (a row, the rows selected on screen). */
export function articlesTarget(articles: readonly ArticleSummary[]): Target {
  return {
    selection: { kind: 'ids', ids: articles.map((a) => a.id) },
    what: articles.length === 1 ? titled(articles[0]!) : countedArticles(articles.length),
    count: articles.length,
  };
}

export interface LibraryActions {
  /** The bulk actions running as jobs (any window's), for their progress bars. */
  jobs: readonly BulkProgressEvent[];
  /** Stops a job after the batch in progress (its Cancel button). */
  cancelJob(jobId: string): void;
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
  const { running, ended, cancel } = useBulkJobs();
  const actions = useMemo(() => {
    /** Starts the action: null if it was refused (reported). */
    const start = async (
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
    /**
     * Waits for the action's job, if it has one: its end when it stopped half way (reported;
     * what its batches did stays done), else null. `cancelled` says what a cancelled job did
     * ("Restored 2,500 of 6,000 articles"); a trash says it with its Undo instead.
     */
    const finish = async (
      started: BulkResult,
      what: string,
      cancelled: ((done: string) => string) | null,
    ): Promise<BulkProgressEvent | null> => {
      if (!started.jobId) return null;
      const end = await ended(started.jobId);
      if (end.state === 'finished') return null;
      if (end.state === 'cancelled') {
        if (cancelled) show('notice', `${cancelled(partOf(end))} — cancelled`);
      } else
        show(
          'error',
          `Stopped after ${countedArticles(end.done)} of ${countedArticles(end.total)} (${what}): ${end.error ?? 'unknown error'}`,
        );
      return end;
    };
    const run = async (
      selection: ArticleSelection,
      action: BulkAction,
      what: string,
      cancelled: (done: string) => string,
    ) => {
      const started = await start(selection, action);
      return started !== null && (await finish(started, what, cancelled)) === null;
    };
    return {
      trash: async ({ selection, what }: Target) => {
        const started = await start(selection, { kind: 'trash' });
        if (!started) return false;
        // Undo restores what this action put in the trash (by its id): all of it at once, or
        // the part a stopped job got to. Offered once the job is over.
        void finish(started, 'moving to the trash', null).then((end) =>
          offerUndo(
            end === null
              ? `Moved ${what} to the trash`
              : end.state === 'cancelled'
                ? `Trashed ${partOf(end)} — cancelled`
                : `Moved ${countedArticles(end.done)} to the trash`,
            () =>
              void run(
                { kind: 'trashAction', action: started.action },
                { kind: 'restore' },
                'restoring',
                (done) => `Restored ${done}`,
              ),
            `Undo moving ${end?.state === 'cancelled' ? countedArticles(end.done) : what} to the trash`,
          ),
        );
        return true;
      },
      setRead: async ({ selection }: Target, read: boolean) => {
        await run(
          selection,
          { kind: 'markRead', read },
          'read state',
          (done) => `Marked ${done} ${read ? 'read' : 'unread'}`,
        );
      },
      addToCollection: async ({ selection, what }: Target, name: string) => {
        if (
          !(await run(
            selection,
            { kind: 'addToCollection', name },
            `adding to ${name.trim()}`,
            (done) => `Added ${done} to ${name.trim()}`,
          ))
        )
          return;
        show('success', `Added ${what} to ${name.trim()}`);
      },
      removeFromCollection: async ({ selection, what }: Target, name: string) => {
        if (
          !(await run(
            selection,
            { kind: 'removeFromCollection', name },
            `removing from ${name.trim()}`,
            (done) => `Removed ${done} from ${name.trim()}`,
          ))
        )
          return;
        show('success', `Removed ${what} from ${name.trim()}`);
      },
    };
  }, [offerUndo, reportError, show, ended]);
  return useMemo(
    () => ({ ...actions, jobs: running, cancelJob: cancel }),
    [actions, running, cancel],
  );
}
