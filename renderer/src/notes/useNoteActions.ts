import { useCallback, useEffect, useMemo, useRef } from 'react';
import { invoke } from '../api/client';
import { useNav } from '../app/navigation';
import { useReportError, useToaster } from '../app/toasterContext';
import { flushOpenNote } from './openNote';

/** Ctrl/Cmd+Z outside a text field undoes a deletion for this long after it (as for passages). */
const UNDO_WINDOW_MS = 10_000;

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

export interface NoteActions {
  create: () => Promise<void>;
  remove: (note: { id: string; title: string }) => Promise<void>;
}

/**
 * New note (opened beside the reader) and delete with Undo: a toast button, and Ctrl/Cmd+Z
 * right after. Deleting the open note closes it; undoing opens it again.
 */
export function useNoteActions(): NoteActions {
  const { go, place } = useNav();
  const { show, dismiss } = useToaster();
  const reportError = useReportError();
  const openNoteId = place.noteId;
  const lastDeleted = useRef<{ id: string; at: number; toast: number; wasOpen: boolean } | null>(null);

  const restore = useCallback(
    async (id: string, reopen: boolean) => {
      try {
        await invoke('notes.restore', { id });
        show('success', 'Note restored');
        if (reopen) go({ kind: 'note', id });
      } catch (error) {
        reportError(error);
      }
    },
    [go, show, reportError],
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
      void restore(deleted.id, deleted.wasOpen);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dismiss, restore]);

  return useMemo<NoteActions>(
    () => ({
      create: async () => {
        try {
          const note = await invoke('notes.create', { title: '' });
          go({ kind: 'note', id: note.id });
        } catch (error) {
          reportError(error);
        }
      },
      remove: async (note) => {
        const wasOpen = note.id === openNoteId;
        try {
          if (wasOpen) {
            // Its last edits first: a save arriving after the deletion would fail.
            await flushOpenNote();
            go({ kind: 'close-note' });
          }
          await invoke('notes.delete', { id: note.id });
          const name = note.title.trim() ? `“${note.title.trim()}”` : 'Untitled note';
          const toast = show('success', `Note ${name} deleted`, {
            label: 'Undo',
            ariaLabel: `Undo deleting note ${name}`,
            run: () => {
              lastDeleted.current = null;
              void restore(note.id, wasOpen);
            },
          });
          lastDeleted.current = { id: note.id, at: Date.now(), toast, wasOpen };
        } catch (error) {
          reportError(error);
        }
      },
    }),
    [go, openNoteId, reportError, restore, show],
  );
}
