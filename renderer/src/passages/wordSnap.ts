/**
 * Highlights that end on words: a selection that starts or ends inside a word takes the whole
 * word ("…Moscow on sig" → "…Moscow on signing"), so no fragment travels into the sidebar, notes,
 * link labels and exports. A selection entirely inside one word is meant (part of a compound, a
 * stem) and is kept. Words are Intl.Segmenter's (UAX #29, with dictionaries for CJK and Thai), so
 * "don't" is one word and "well-known" two; an end never cuts a grapheme (emoji ZWJ sequences,
 * combining marks).
 */
import type { TextRange } from './trimRange';

/** How far either side of an end the text is segmented: the word around it, not the whole text. */
const WINDOW = 64;

const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

interface Piece {
  start: number;
  end: number;
  wordLike: boolean;
}

/** The segment holding the character at `at` (a code-unit offset into `text`). */
function pieceAt(segmenter: Intl.Segmenter, text: string, at: number): Piece | null {
  const from = Math.max(0, at - WINDOW);
  const found = segmenter.segment(text.slice(from, at + WINDOW)).containing(at - from);
  if (!found) return null;
  const start = from + found.index;
  return { start, end: start + found.segment.length, wordLike: found.isWordLike === true };
}

/** `range` widened to whole graphemes only. */
function snapToGraphemes(text: string, range: TextRange): TextRange {
  const first = pieceAt(graphemes, text, range.start);
  const last = pieceAt(graphemes, text, range.end - 1);
  return {
    start: Math.min(range.start, first?.start ?? range.start),
    end: Math.max(range.end, last?.end ?? range.end),
  };
}

/** `range` (non-empty, inside `text`) widened to the words its ends fall in; see the module comment. */
export function snapToWords(text: string, range: TextRange): TextRange {
  if (range.end <= range.start) return range;
  const first = pieceAt(words, text, range.start);
  const last = pieceAt(words, text, range.end - 1);
  if (!first || !last) return snapToGraphemes(text, range);
  const oneWord = first.wordLike && first.start === last.start;
  if (oneWord) return snapToGraphemes(text, range);
  // Any segment an end falls inside is taken whole: a word, or an emoji sequence.
  return { start: Math.min(range.start, first.start), end: Math.max(range.end, last.end) };
}
