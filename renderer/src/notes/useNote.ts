import type { Note } from '../../../electron/model/notes';
import { useLibraryQuery } from '../app/useLibraryQuery';

export type NoteState =
  | { status: 'loading' }
  | { status: 'ready'; note: Note }
  | { status: 'missing' }
  | { status: 'error'; message: string };

/**
 * The note to edit, fetched once per id: later saves come from this editor, not the server, and
 * changes made elsewhere reach it through useExternalNoteChanges (which asks before replacing
 * unsaved edits) — so no change event refetches it here, not even an everything-changed one.
 */
export function useNote(id: string): NoteState {
  const { data, error } = useLibraryQuery('notes.get', { id }, null);
  if (error !== null && data === null)
    return error.code === 'not_found'
      ? { status: 'missing' }
      : { status: 'error', message: error.message };
  return data !== null ? { status: 'ready', note: data } : { status: 'loading' };
}
