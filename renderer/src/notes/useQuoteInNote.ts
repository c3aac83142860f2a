import { useCallback } from 'react';
import { useToaster } from '../app/toasterContext';
import { quoteIntoOpenNote } from './openNote';
import { useAskWhichNote } from './QuoteNotePicker';

/**
 * "Quote in note": into the note open beside the reader; with none open, the picker asks which
 * note (or a new one).
 */
export function useQuoteInNote(): (passage: { id: string; quote: string }) => void {
  const { show } = useToaster();
  const askWhichNote = useAskWhichNote();
  return useCallback(
    (passage) => {
      if (quoteIntoOpenNote(passage.id, passage.quote)) {
        show('success', 'Quoted in the note');
        return;
      }
      askWhichNote?.(passage);
    },
    [show, askWhichNote],
  );
}
