/**
 * Carries out an arrival (arrival.ts) in the reader that shows its article. The reader renders
 * asynchronously (the Lexical body, then the passages' marks, then the rest of a long text), so
 * this tries once a frame until it is done or time is up; a newer arrival, or the reader going
 * away, cancels it (the effect's cleanup), so two never run at once.
 */
import type { LexicalEditor } from 'lexical';
import { useEffect, type RefObject } from 'react';
import { markElements } from '../passages/PassageMarksPlugin';
import { scrollRangeIntoView } from '../search/highlights';
import { domRangesFor, readerText } from '../search/readerRange';
import type { Arrival } from './arrival';
import { flash } from './flash';

const GIVE_UP_MS = 6000;

/** One try; true when done. `last`: the final try, which acts with what there is. */
type Step = (editor: LexicalEditor, reader: HTMLElement, last: boolean) => boolean;

function scrollStep(offset: number): Step {
  return (_editor, reader, last) => {
    // Back to a place far down: wait until the article is tall enough to have it.
    if (!last && reader.scrollHeight - reader.clientHeight < offset) return false;
    reader.scrollTop = offset;
    return true;
  };
}

function rangeStep(arrival: Extract<Arrival, { kind: 'range' }>): Step {
  let range: Range | null | undefined; // undefined: not looked for yet
  return (editor, reader, last) => {
    if (range === undefined) {
      reader.focus({ preventScroll: true });
      const { start, end } = arrival;
      range =
        start === undefined || end === undefined || end > readerText(editor).length
          ? null
          : (domRangesFor(editor, [{ start, end }])[0] ?? null);
      if (range) scrollRangeIntoView(range);
    }
    if (arrival.passageId !== undefined) {
      // A passage's own marks flash; they come with the passages, which may still be on the way.
      const marks = markElements(editor, arrival.passageId);
      if (marks.length > 0) flash({ marks });
      else if (!last) return false;
      else if (range) flash({ range });
      return true;
    }
    if (range) flash({ range });
    return true;
  };
}

export function useArrival(
  arrival: Arrival | null,
  onArrived: (arrival: Arrival) => void,
  editorRef: RefObject<LexicalEditor | null>,
  readerRef: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!arrival) return;
    const step = arrival.kind === 'scroll' ? scrollStep(arrival.offset) : rangeStep(arrival);
    const deadline = performance.now() + GIVE_UP_MS;
    let frame = 0;
    const tick = () => {
      const last = performance.now() > deadline;
      const editor = editorRef.current;
      const reader = readerRef.current;
      const shown = editor !== null && reader !== null && editor.getRootElement()?.isConnected;
      if ((shown && step(editor, reader, last)) || last) onArrived(arrival);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [arrival, onArrived, editorRef, readerRef]);
}
