import { useCallback, useMemo } from 'react';
import { invoke } from '../api/client';
import { useNav } from '../app/navigation';
import { useReportError, useToaster } from '../app/toasterContext';
import { useUndoableDelete } from '../app/useUndoableDelete';
import { flushOpenNote } from './openNote';
import { UNTITLED_NOTE } from '../../../electron/model/titles';

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
  const { show } = useToaster();
  const reportError = useReportError();
  const offerUndo = useUndoableDelete();
  const openNoteId = place.noteId;

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
          const name = note.title.trim() ? `“${note.title.trim()}”` : UNTITLED_NOTE;
          offerUndo(
            `Note ${name} deleted`,
            () => void restore(note.id, wasOpen),
            `Undo deleting note ${name}`,
          );
        } catch (error) {
          reportError(error);
        }
      },
    }),
    [go, offerUndo, openNoteId, reportError, restore],
  );
}
