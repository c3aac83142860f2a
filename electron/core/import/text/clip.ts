/** Shortening for excerpts and fallback titles: cut at a word boundary, never inside a grapheme. */
import { trimVisible } from './normalize';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest prefix of `text` up to `max` UTF-16 units that ends on a grapheme boundary. */
function graphemePrefix(text: string, max: number): string {
  let end = 0;
  // Only the head is segmented, so this stays cheap on huge inputs.
  for (const { index, segment } of graphemes.segment(text.slice(0, max + 32))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * `text` when it fits in `max`; otherwise a prefix ending at the last space in the final 40% of the
 * allowance (or at a grapheme boundary for unspaced scripts), followed by "…".
 */
export function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = graphemePrefix(text, max - 1);
  let cut = -1;
  for (let i = head.length; i > head.length * 0.6; i--) {
    if (/\s/.test(text[i] ?? '')) {
      cut = i;
      break;
    }
  }
  const kept = trimVisible(cut > 0 ? text.slice(0, cut) : head).replace(/[\s,;:–—-]+$/u, '');
  return `${kept}…`;
}

const SENTENCE_END = /[.!?。！？](?=["'”’)\]]*(?:\s|$))/u;

/** The first sentence of a line of prose (its head only, for a fallback title). */
export function firstSentence(text: string): string {
  const head = text.slice(0, 600);
  const m = SENTENCE_END.exec(head);
  if (!m) return head.length < text.length ? head : text;
  let end = m.index + 1;
  while (end < head.length && `"'”’)]`.includes(head[end] ?? '')) end++;
  return head.slice(0, end);
}
