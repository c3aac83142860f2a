import { useState } from 'react';
import type { NoteSummary } from '../../../electron/api/contract/notes';
import { invoke } from '../api/client';
import { useNav } from '../app/navigation';
import { useReportError } from '../app/toasterContext';
import { TagInput } from '../tags/TagInput';
import { NoteEditor } from './NoteEditor';
import { useNote } from './useNote';
import { useNoteActions } from './useNoteActions';

export const NOTE_PANE_ID = 'note-pane';

/** The note beside the reader: its editor, tags, close and delete. */
export function NotePane({ noteId }: { noteId: string }) {
  const state = useNote(noteId);
  const { go } = useNav();
  const actions = useNoteActions();
  const reportError = useReportError();
  const [summary, setSummary] = useState<NoteSummary | null>(null);
  const current = summary?.id === noteId ? summary : state.status === 'ready' ? state.note : null;

  return (
    <section id={NOTE_PANE_ID} className="note-pane" aria-label="Note" data-note-id={noteId}>
      <div className="note-pane-bar">
        {current && (
          <TagInput
            label="Note tags"
            className="note-tags"
            tags={current.tags}
            onChange={(tags) => {
              setSummary({ ...current, tags });
              invoke('notes.setTags', { id: noteId, tags }).then(setSummary, reportError);
            }}
          />
        )}
        <div className="note-pane-buttons">
          {current && (
            <button type="button" className="link-button" onClick={() => void actions.remove(current)}>
              Delete note
            </button>
          )}
          <button type="button" onClick={() => go({ kind: 'close-note' })} aria-label="Close note">
            Close
          </button>
        </div>
      </div>
      {state.status === 'loading' && <p className="pane-empty">Opening note…</p>}
      {state.status === 'missing' && (
        <div className="pane-empty">
          <p className="pane-empty-title">This note is no longer in the library.</p>
        </div>
      )}
      {state.status === 'error' && (
        <div className="pane-empty" role="alert">
          <p className="pane-empty-title">The note could not be opened.</p>
          <p>{state.message}</p>
        </div>
      )}
      {state.status === 'ready' && <NoteEditor key={state.note.id} note={state.note} onSaved={setSummary} />}
    </section>
  );
}
