import { useCallback, useMemo } from 'react';
import type { Input } from '../../../electron/api/contract';
import type { Passage } from '../../../electron/model/passages';
import { invoke } from '../api/client';
import { useReportError, useToaster } from '../app/toasterContext';
import { useUndoableDelete } from '../app/useUndoableDelete';
import type { TextRange } from './trimRange';

export interface PassageActions {
  create: (
    range: TextRange,
    options?: Omit<Input<'passages.create'>, 'articleId' | 'start' | 'end'>,
  ) => Promise<Passage | null>;
  update: (patch: Input<'passages.update'>) => Promise<Passage | null>;
  remove: (passage: Passage) => Promise<void>;
  reattach: (passage: Passage, range: TextRange) => Promise<void>;
}

/**
 * The passage calls the reader makes, each refreshing the list after it and reporting failures
 * in a toast. Deleting offers Undo (a toast button, and Ctrl/Cmd+Z right after).
 */
export function usePassageActions(articleId: string, refresh: () => void): PassageActions {
  const { show } = useToaster();
  const reportError = useReportError();
  const offerUndo = useUndoableDelete();

  const restore = useCallback(
    async (id: string) => {
      try {
        await invoke('passages.restore', { id });
        show('success', 'Passage restored');
      } catch (error) {
        reportError(error);
      } finally {
        refresh();
      }
    },
    [show, reportError, refresh],
  );

  return useMemo<PassageActions>(
    () => ({
      create: async (range, options = {}) => {
        try {
          return await invoke('passages.create', {
            articleId,
            start: range.start,
            end: range.end,
            ...options,
          });
        } catch (error) {
          reportError(error);
          return null;
        } finally {
          refresh();
        }
      },
      update: async (patch) => {
        try {
          return await invoke('passages.update', patch);
        } catch (error) {
          reportError(error);
          return null;
        } finally {
          refresh();
        }
      },
      remove: async (passage) => {
        try {
          await invoke('passages.delete', { id: passage.id });
          offerUndo('Passage deleted', () => void restore(passage.id));
        } catch (error) {
          reportError(error);
        } finally {
          refresh();
        }
      },
      reattach: async (passage, range) => {
        try {
          await invoke('passages.reattach', { id: passage.id, start: range.start, end: range.end });
          show('success', 'Passage re-attached to the selected text');
        } catch (error) {
          reportError(error);
        } finally {
          refresh();
        }
      },
    }),
    [articleId, offerUndo, refresh, reportError, restore, show],
  );
}
