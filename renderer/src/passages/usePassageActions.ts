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
 * reporting failures in a toast. Deleting offers Undo (a toast button, and Ctrl/Cmd+Z right after);
 * a new highlight is undone by Ctrl/Cmd+Z too (no toast: the highlight shows); Ctrl/Cmd+Shift+Z
 * or Ctrl/Cmd+Y redoes what was undone.
 */
export function usePassageActions(
  articleId: string,
  { set }: Pick<PassagesState, 'set'>,
): PassageActions {
  const { show } = useToaster();
  const reportError = useReportError();
  const offerUndo = useUndoableDelete();

  const restore = useCallback(
    async (id: string, message = 'Passage restored') => {
      try {
        const passage = await invoke('passages.restore', { id });
        set((list) => withPassage(list, passage), passageRows(id));
        show('success', message);
        return true;
      } catch (error) {
        reportError(error);
        return false;
      }
    },
    [show, reportError, set],
  );

  const drop = useCallback(
    async (id: string) => {
      try {
        await invoke('passages.delete', { id });
        set((list) => list.filter((p) => p.id !== id), passageRows(id));
        return true;
      } catch (error) {
        reportError(error);
        return false;
      }
    },
    [set, reportError],
  );

  /** A new passage: Ctrl/Cmd+Z takes it away again; redo brings it back (and can be undone). */
  const offerUncreate = useCallback(
    (id: string) => {
      const offer = () =>
        offerUndo('Highlight added', uncreate, undefined, { quiet: true, redo: recreate });
      const uncreate = () =>
        void drop(id).then((ok) => {
          if (ok) show('success', 'Highlight undone');
        });
      const recreate = () =>
        void restore(id, 'Highlight redone').then((ok) => {
          if (ok) offer();
        });
      offer();
    },
    [drop, restore, show, offerUndo],
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
          offerUncreate(passage.id);
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
      remove: async function remove(passage) {
        if (!(await drop(passage.id))) return;
        offerUndo('Passage deleted', () => void restore(passage.id), undefined, {
          redo: () => void remove(passage),
        });
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
    [articleId, offerUndo, offerUncreate, drop, set, reportError, restore, show],
  );
}
