/**
 * Words in a note's text. Intl.Segmenter finds words in every script (Chinese and Japanese have
 * no spaces), so a count by whitespace would be wrong there.
 */
const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'word' })
    : null;

export function countWords(text: string): number {
  if (!segmenter) return text.split(/\s+/).filter(Boolean).length;
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}

const format = new Intl.NumberFormat();

export function wordCountLabel(count: number): string {
  return `${format.format(count)} ${count === 1 ? 'word' : 'words'}`;
}
