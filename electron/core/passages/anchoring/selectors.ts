/**
 * W3C Web Annotation selectors for a passage (a highlighted range of an article's canonical text,
 * see `bodyToText`). Two selectors are stored per passage, as Hypothesis does: the position is
 * cheap to check and exact while the text is unchanged; the quote with its context survives edits.
 */
import { CommonplaceError } from '../../errors';
import { truncate } from '../../text-fields';
import { snapBackward, snapForward, splitsSurrogatePair } from './unicode';

/** The quoted text with up to CONTEXT_LENGTH code units of context on each side. */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Start/end offsets (UTF-16 code units, end exclusive) in the canonical text. */
export interface TextPositionSelector {
  start: number;
  end: number;
}

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * Context kept on each side of the quote. 32 units is what Hypothesis stores: enough to tell
 * repeated phrases apart, short enough that an edit a sentence away leaves it intact.
 */
export const CONTEXT_LENGTH = 32;

function invalid(message: string): CommonplaceError {
  return new CommonplaceError('invalid_input', message);
}

/** The context before `start` and after `end`, widened so it never splits a surrogate pair. */
export function contextAround(
  text: string,
  start: number,
  end: number,
  length = CONTEXT_LENGTH,
): { prefix: string; suffix: string } {
  const from = snapBackward(text, Math.max(0, start - length));
  const to = snapForward(text, Math.min(text.length, end + length));
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** Selectors for text[start, end). Throws invalid_input for an empty, reversed or out-of-range range. */
export function describeRange(text: string, start: number, end: number): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw invalid(`passage range ${start}–${end}: offsets must be whole numbers`);
  }
  if (start < 0 || end > text.length) {
    throw invalid(`passage range ${start}–${end} is outside the article's text (0–${text.length})`);
  }
  if (end < start)
    throw invalid(`passage range ${start}–${end} is reversed: the end comes before the start`);
  if (end === start)
    throw invalid(`passage range ${start}–${end} is empty: select at least one character`);
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw invalid(
      `passage range ${start}–${end} cuts a character (an emoji or rare symbol) in half`,
    );
  }
  const { prefix, suffix } = contextAround(text, start, end);
  return { quote: { exact: text.slice(start, end), prefix, suffix }, position: { start, end } };
}

/** The Nth (1-based) occurrence of `quote` in `text`, as a position. */
export function findQuote(text: string, quote: string, occurrence = 1): TextPositionSelector {
  if (quote.length === 0) throw invalid('the quote is empty: give the text of the passage');
  if (!Number.isInteger(occurrence) || occurrence < 1) {
    throw invalid(`occurrence ${occurrence}: must be a whole number from 1 (the first occurrence)`);
  }
  const shown = truncate(quote.replace(/\s+/g, ' '), 60);
  let found = 0;
  let at = text.indexOf(quote);
  while (at !== -1) {
    // A match that starts or ends inside an emoji is not an occurrence a reader would see.
    if (splitsSurrogatePair(text, at) || splitsSurrogatePair(text, at + quote.length)) {
      at = text.indexOf(quote, at + 1);
      continue;
    }
    found++;
    if (found === occurrence) return { start: at, end: at + quote.length };
    at = text.indexOf(quote, at + 1);
  }
  if (found === 0)
    throw new CommonplaceError('not_found', `the quote “${shown}” does not occur in the article`);
  throw new CommonplaceError(
    'not_found',
    `the quote “${shown}” occurs only ${found} time${found === 1 ? '' : 's'} in the article, not ${occurrence}`,
  );
}
