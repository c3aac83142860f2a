/**
 * "Quote in note" with no note open asks which note the quote goes into (the most recently edited
 * first, or a new note) instead of making an Untitled note the user never asked for. One picker
 * for the window, asked for through `useAskWhichNote()`, like the link dialog.
 */
import { createContext, useContext, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { invoke } from '../api/client';
import { useNav } from '../app/navigation';
import { useReportError, useToaster } from '../app/toasterContext';
import { useLibraryQuery } from '../app/useLibraryQuery';
import { Modal } from '../ui/Modal';
import { docWithQuote, docWithQuoteAppended } from './noteDocs';
import { noteTitleOrUntitled } from '../../../electron/model/titles';

interface QuoteRequest {
  passage: { id: string; quote: string };
  key: number;
}

type AskWhichNote = (passage: { id: string; quote: string }) => void;

const PickerContext = createContext<AskWhichNote | null>(null);

/** Opens the picker; null outside a `QuoteNotePickerProvider`. */
export function useAskWhichNote(): AskWhichNote | null {
  return useContext(PickerContext);
}

export function QuoteNotePickerProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<QuoteRequest | null>(null);
  const ask = useMemo<AskWhichNote>(
    () => (passage) => setRequest((last) => ({ passage, key: (last?.key ?? 0) + 1 })),
    [],
  );
  return (
    <PickerContext.Provider value={ask}>
      {children}
      {request && (
        <QuoteNotePicker
          key={request.key}
          passage={request.passage}
          onClose={() => setRequest(null)}
        />
      )}
    </PickerContext.Provider>
  );
}

const noteLabel = (title: string) => noteTitleOrUntitled(title.trim());

function QuoteNotePicker({
  passage,
  onClose,
}: {
  passage: { id: string; quote: string };
  onClose: () => void;
}) {
  const id = useId();
  const { go } = useNav();
  const { show } = useToaster();
  const reportError = useReportError();
  const [filter, setFilter] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const notes = useLibraryQuery('notes.list', { sort: 'updated', limit: 1000 }, ['note']);
  const wanted = filter.trim().toLocaleLowerCase();
  const shown = (notes.data?.items ?? []).filter(
    (n) => !wanted || noteLabel(n.title).toLocaleLowerCase().includes(wanted),
  );

  const quoteInto = async (noteId: string) => {
    setBusy(true);
    try {
      const note = await invoke('notes.get', { id: noteId });
      const doc = docWithQuoteAppended(note.doc, passage.id, passage.quote);
      await invoke('notes.update', { id: noteId, doc });
      onClose();
      go({ kind: 'note', id: noteId });
      show('success', `Quoted in “${noteLabel(note.title)}”`);
    } catch (error) {
      setBusy(false);
      reportError(error);
    }
  };
  const quoteInNew = async () => {
    setBusy(true);
    try {
      const note = await invoke('notes.create', {
        title: '',
        doc: docWithQuote(passage.id, passage.quote),
      });
      onClose();
      go({ kind: 'note', id: note.id });
      show('success', 'Quoted in a new note');
    } catch (error) {
      setBusy(false);
      reportError(error);
    }
  };

  return (
    <Modal
      open
      onClose={onClose}
      labelledBy={`${id}-title`}
      className="quote-note-picker"
      initialFocus={filterRef}
    >
      <h2 id={`${id}-title`}>Quote in which note?</h2>
      <label className="quote-note-filter">
        Find a note
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Title"
          ref={filterRef}
        />
      </label>
      {notes.data === null ? (
        <p role="status">Loading your notes…</p>
      ) : shown.length === 0 ? (
        <p>{filter ? 'No note has that in its title.' : 'No notes yet.'}</p>
      ) : (
        <ul className="quote-note-list" aria-label="Notes">
          {shown.map((n) => (
            <li key={n.id}>
              <button type="button" disabled={busy} onClick={() => void quoteInto(n.id)}>
                <span className="quote-note-title">{noteLabel(n.title)}</span>
                {n.excerpt && <span className="quote-note-excerpt">{n.excerpt}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void quoteInNew()}>
          New note
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
