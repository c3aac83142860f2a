import { useCallback } from 'react';
import { invoke } from '../api/client';
import { useNav } from '../app/navigation';
import { useReportError, useToaster } from '../app/toasterContext';
import { docWithQuote } from './noteDocs';
import { quoteIntoOpenNote } from './openNote';

/**
 * "Quote in note": into the note open beside the reader, or into a new note (opened beside it)
 * when none is open.
 */
export function useQuoteInNote(): (passage: { id: string; quote: string }) => void {
  const { go } = useNav();
  const { show } = useToaster();
  const reportError = useReportError();
  return useCallback(
    (passage) => {
      if (quoteIntoOpenNote(passage.id, passage.quote)) {
        show('success', 'Quoted in the note');
        return;
      }
      invoke('notes.create', { title: '', doc: docWithQuote(passage.id, passage.quote) }).then(
        (note) => {
          go({ kind: 'note', id: note.id });
          show('success', 'Quoted in a new note');
        },
        reportError,
      );
    },
    [go, show, reportError],
  );
}
