import { useCallback, useMemo } from 'react';
import type { Input } from '../../../electron/api/contract';
import type { Passage } from '../../../electron/model/passages';
import { invoke } from '../api/client';
import { useReportError, useToaster } from '../app/toasterContext';
import { useUndoableDelete } from '../app/useUndoableDelete';
import type { TextRange } from './trimRange';
import { passageRows, withPassage, type PassagesState } from './usePassages';

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
 * The passage calls the reader makes, each putting its answer in the list (no second call) and
 * reporting failures in a toast. Deleting offers Undo (a toast button, and Ctrl/Cmd+Z right after).
 */
export function usePassageActions(
  articleId: string,
  { set }: Pick<PassagesState, 'set'>,
): PassageActions {
  const { show } = useToaster();
  const reportError = useReportError();
  const offerUndo = useUndoableDelete();

  const restore = useCallback(
    async (id: string) => {
      try {
        const passage = await invoke('passages.restore', { id });
        set((list) => withPassage(list, passage), passageRows(id));
        show('success', 'Passage restored');
      } catch (error) {
        reportError(error);
      }
    },
    [show, reportError, set],
  );

  return useMemo<PassageActions>(
    () => ({
      create: async (range, options = {}) => {
        try {
          const passage = await invoke('passages.create', {
            articleId,
            start: range.start,
            end: range.end,
            ...options,
          });
          set((list) => withPassage(list, passage), passageRows(passage.id));
          return passage;
        } catch (error) {
          reportError(error);
          return null;
        }
      },
      update: async (patch) => {
        try {
          const passage = await invoke('passages.update', patch);
          set((list) => withPassage(list, passage), passageRows(passage.id));
          return passage;
        } catch (error) {
          reportError(error);
          return null;
        }
      },
      remove: async (passage) => {
        try {
          await invoke('passages.delete', { id: passage.id });
          set((list) => list.filter((p) => p.id !== passage.id), passageRows(passage.id));
          offerUndo('Passage deleted', () => void restore(passage.id));
        } catch (error) {
          reportError(error);
        }
      },
      reattach: async (passage, range) => {
        try {
          const reattached = await invoke('passages.reattach', {
            id: passage.id,
            start: range.start,
            end: range.end,
          });
          set((list) => withPassage(list, reattached), passageRows(passage.id));
          show('success', 'Passage re-attached to the selected text');
        } catch (error) {
          reportError(error);
        }
      },
    }),
    [articleId, offerUndo, set, reportError, restore, show],
  );
}
