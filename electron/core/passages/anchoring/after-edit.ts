/**
 * Re-anchoring when the previous text is known (an edit in the app, a re-import): a line
 * alignment of old and new text says exactly where every unchanged paragraph went, so most
 * passages are placed by arithmetic plus one comparison, and the rest get an accurate hint
 * (which also settles which copy of a duplicated sentence is "theirs").
 */
import { LineMap } from './line-map';
import { Anchorer, type Placement } from './reanchor';
import type { Selectors } from './selectors';

export function reanchorAfterEdit(
  oldText: string,
  newText: string,
  selectors: readonly Selectors[],
): Placement[] {
  const anchorer = new Anchorer(newText);
  if (oldText === newText) return selectors.map((s) => anchorer.place(s));
  const lines = new LineMap(oldText, newText);
  return selectors.map((sel) => {
    const { start, end } = sel.position;
    const valid =
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      start >= 0 &&
      end > start &&
      end <= oldText.length;
    // Selectors that don't describe the old text (stale, or from elsewhere) get no help from the diff.
    if (!valid || oldText.slice(start, end) !== sel.quote.exact) return anchorer.place(sel);
    const from = lines.map(start);
    const to = lines.map(end);
    if (
      from.exact &&
      to.exact &&
      to.offset - from.offset === end - start &&
      newText.startsWith(sel.quote.exact, from.offset)
    ) {
      const status = from.offset === start ? 'position' : 'quote';
      return { status, start: from.offset, end: to.offset, exact: sel.quote.exact, score: 1 };
    }
    // Text copied unchanged from elsewhere in the old version is some other sentence, however
    // alike: the passage's own sentence is the one that changed.
    const isOtherText = (s: number, e: number): boolean => {
      const source = lines.unchangedSource(s, e);
      return source !== null && (source.end <= start || source.start >= end);
    };
    return anchorer.place(sel, { hint: from.offset, isOtherText });
  });
}
