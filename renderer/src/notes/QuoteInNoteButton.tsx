import type { Passage } from '../../../electron/model/passages';
import { shortQuote } from '../passages/quoteText';
import { useQuoteInNote } from './useQuoteInNote';

/** "Quote in note" for one passage (sidebar item, passage popover). */
export function QuoteInNoteButton({
  passage,
  className = 'link-button',
  onDone,
}: {
  passage: Passage;
  className?: string;
  onDone?: () => void;
}) {
  const quoteInNote = useQuoteInNote();
  return (
    <button
      type="button"
      className={`${className} quote-in-note`}
      aria-label={`Quote in note: “${shortQuote(passage.quote, 40)}”`}
      onClick={() => {
        quoteInNote(passage);
        onDone?.();
      }}
    >
      Quote in note
    </button>
  );
}
