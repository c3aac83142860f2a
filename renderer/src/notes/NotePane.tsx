import { useCallback, useRef, useState } from 'react';
import type { Note, NoteSummary } from '../../../electron/model/notes';
import { invoke } from '../api/client';
import { useNav } from '../app/navigation';
import { useReportError } from '../app/toasterContext';
import { Backlinks } from '../links/Backlinks';
import { TagInput } from '../tags/TagInput';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { NoteEditor } from './NoteEditor';
import { NoteExportButtons } from './NoteExportButtons';
import { useNote } from './useNote';
import { useNoteActions } from './useNoteActions';
import { noteTitleOrUntitled } from '../../../electron/model/titles';

export const NOTE_PANE_ID = 'note-pane';

/** The note beside the reader: its editor, tags, export, links ("Referenced by"), close and delete. */
export function NotePane({ noteId }: { noteId: string }) {
  const state = useNote(noteId);
  const { go } = useNav();
  const actions = useNoteActions();
  const reportError = useReportError();
  const [summary, setSummary] = useState<NoteSummary | null>(null);
  // A version from elsewhere that replaced the one first loaded (see useExternalNoteChanges).
  const [replaced, setReplaced] = useState<Note | null>(null);
  const fetched = state.status === 'ready' ? state.note : null;
  // Reopening the note fetches it again: the newer of the two wins (ISO times sort as text).
  const loaded =
    replaced?.id === noteId && (!fetched || replaced.updatedAt >= fetched.updatedAt)
      ? replaced
      : fetched;
  const current = summary?.id === noteId ? summary : loaded;
  // The versions (`updatedAt`) this pane wrote or loaded; any other one was written elsewhere.
  const ownVersions = useRef(new Set<string>());
  if (loaded) ownVersions.current.add(loaded.updatedAt);
  const remember = useCallback((s: NoteSummary) => {
    ownVersions.current.add(s.updatedAt);
    setSummary(s);
  }, []);
  const isOwnVersion = useCallback((v: string) => ownVersions.current.has(v), []);
  const replace = useCallback((note: Note) => {
    ownVersions.current.add(note.updatedAt);
    setSummary(null);
    setReplaced(note);
  }, []);

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
              invoke('notes.setTags', { id: noteId, tags }).then(remember, reportError);
            }}
          />
        )}
        <div className="note-pane-buttons">
          {current && <NoteExportButtons noteId={noteId} />}
          {current && (
            <button
              type="button"
              className="link-button"
              onClick={() => void actions.remove(current)}
            >
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
      {loaded && (
        <ErrorBoundary
          title="This note could not be shown."
          resetKey={`${loaded.id}@${loaded.updatedAt}`}
          leave={{ label: 'Close note', run: () => go({ kind: 'close-note' }) }}
        >
          <NoteEditor
            key={`${loaded.id}@${loaded.updatedAt}`}
            note={loaded}
            onSaved={remember}
            isOwnVersion={isOwnVersion}
            onReplaced={replace}
          />
        </ErrorBoundary>
      )}
      {current && (
        <div className="note-links">
          <Backlinks
            target={{ kind: 'note', id: noteId }}
            label={noteTitleOrUntitled(current.title)}
            title="Links"
          />
        </div>
      )}
    </section>
  );
}
