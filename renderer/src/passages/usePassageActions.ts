import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Input, Passage } from '../../../electron/api/contract';
import { invoke } from '../api/client';
import { useReportError, useToaster } from '../app/toasterContext';
import type { TextRange } from './trimRange';

/** Ctrl/Cmd+Z undoes a deletion for this long after it. */
const UNDO_WINDOW_MS = 10_000;

export interface PassageActions {
  create: (range: TextRange, options?: Omit<Input<'passages.create'>, 'articleId' | 'start' | 'end'>) => Promise<Passage | null>;
  update: (patch: Input<'passages.update'>) => Promise<Passage | null>;
  remove: (passage: Passage) => Promise<void>;
  reattach: (passage: Passage, range: TextRange) => Promise<void>;
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

/**
 * The passage calls the reader makes, each refreshing the list after it and reporting failures
 * in a toast. Deleting offers Undo (a toast button, and Ctrl/Cmd+Z right after).
 */
export function usePassageActions(articleId: string, refresh: () => void): PassageActions {
  const { show, dismiss } = useToaster();
  const reportError = useReportError();
  const lastDeleted = useRef<{ id: string; at: number; toast: number } | null>(null);

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

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const deleted = lastDeleted.current;
      if (!deleted || event.defaultPrevented || isTextField(event.target)) return;
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      if (Date.now() - deleted.at > UNDO_WINDOW_MS) return;
      event.preventDefault();
      lastDeleted.current = null;
      dismiss(deleted.toast);
      void restore(deleted.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dismiss, restore]);

  return useMemo<PassageActions>(
    () => ({
      create: async (range, options = {}) => {
        try {
          return await invoke('passages.create', { articleId, start: range.start, end: range.end, ...options });
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
          const toast = show('success', 'Passage deleted', {
            label: 'Undo',
            run: () => {
              lastDeleted.current = null;
              void restore(passage.id);
            },
          });
          lastDeleted.current = { id: passage.id, at: Date.now(), toast };
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
    [articleId, refresh, reportError, restore, show],
  );
}
