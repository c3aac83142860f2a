import { useEffect, useState } from 'react';
import type { Note } from '../../../electron/model/notes';
import { invoke } from '../api/client';
import { errorCode, errorText } from '../api/errors';

export type NoteState =
  | { status: 'loading' }
  | { status: 'ready'; note: Note }
  | { status: 'missing' }
  | { status: 'error'; message: string };

/** The note to edit, fetched once per id: later saves come from this editor, not the server. */
export function useNote(id: string): NoteState {
  const [state, setState] = useState<{ id: string; state: NoteState }>({
    id,
    state: { status: 'loading' },
  });
  useEffect(() => {
    let current = true;
    invoke('notes.get', { id }).then(
      (note) => current && setState({ id, state: { status: 'ready', note } }),
      (error: unknown) =>
        current &&
        setState({
          id,
          state:
            errorCode(error) === 'not_found'
              ? { status: 'missing' }
              : { status: 'error', message: errorText(error) },
        }),
    );
    return () => {
      current = false;
    };
  }, [id]);
  return state.id === id ? state.state : { status: 'loading' };
}
