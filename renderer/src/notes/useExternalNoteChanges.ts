import { useRef } from 'react';
import type { Note } from '../../../electron/model/notes';
import { affects } from '../../../electron/model/changes';
import { invoke } from '../api/client';
import { useLibraryEvents } from '../app/useLibraryEvents';

/**
 * Notices a note being changed by someone other than this editor — another window, a second
 * browser tab, a script on the API — and hands over the newer version. A version is the note's
 * `updatedAt`; `isOwnVersion` says which ones this pane wrote itself (its saves, its tag edits).
 * The check waits for a running save first: its event can arrive before its response, and until
 * the response is in, its version would look like someone else's.
 */
export function useExternalNoteChanges(
  noteId: string,
  saver: { settled(): Promise<void>; readonly isDirty: boolean },
  isOwnVersion: (updatedAt: string) => boolean,
  onExternalChange: (note: Note, hasUnsavedEdits: boolean) => void,
): void {
  const checking = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const check = async (): Promise<void> => {
    await saver.settled();
    let note: Note;
    try {
      note = await invoke('notes.get', { id: noteId });
    } catch {
      return; // deleted: the delete's own undo toast and the list say so
    }
    await saver.settled();
    if (!isOwnVersion(note.updatedAt)) onExternalChange(note, saver.isDirty);
  };

  useLibraryEvents((event) => {
    // A note's tag edits touch its row too, so 'note' covers them.
    if (event.type !== 'changed' || !affects(event, (c) => c.entity === 'note' && c.id === noteId))
      return;
    // One check at a time; events during it ask for one more afterwards.
    if (checking.current) {
      again.current = true;
      return;
    }
    const run = async (): Promise<void> => {
      do {
        again.current = false;
        await check();
      } while (again.current);
      checking.current = null;
    };
    checking.current = run();
  });
}
